package org.xmailkit.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MemoryBudget;
import org.xmailkit.model.OrderedBatch;

/**
 * Audits many servers in parallel, bounded by the number of cores, and hands each server's audit over in the order
 * the servers were given, as soon as it and every one before it are done ({@link OrderedBatch}): the caller writes it
 * and drops it, so memory does not grow with the fleet. A server that cannot be read, or on which a rule fails,
 * becomes a failed entry; the others go on. A server too big to run beside others ({@link MemoryBudget}), or one that
 * ran out of memory beside others, is audited alone in its turn, with the whole heap; if it still does not fit it
 * fails ({@link InputException.Reason#OUT_OF_MEMORY}) and the others are audited all the same.
 */
public final class FleetAuditor {

    /**
     * What a caller does with each server on the worker thread that audited it, while its MailRoot is at hand (a
     * report builds and writes the server's page there). Running out of memory here counts as the server's: it is
     * audited again alone, and fails if it still does not fit.
     *
     * @param <T> what it gives for the server
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param server the server's audit
         * @param root   the MailRoot it was audited from, or null when it failed
         * @return what the caller keeps of it until it is handed over
         */
        T apply(ServerAudit server, MailRoot root);
    }

    /**
     * Takes each server, in the order given, on the calling thread.
     *
     * @param <T> what {@link Work} gave for it
     */
    @FunctionalInterface
    public interface Sink<T> {
        /**
         * @param server the server's audit
         * @param work   what {@link Work} gave for it
         * @throws IOException when it cannot be written; the audit stops
         */
        void accept(ServerAudit server, T work) throws IOException;
    }

    private final Auditor auditor;
    private final int threads;

    /**
     * @param auditor the auditor (its rules are shared, read-only, by all threads)
     * @param threads the most servers audited at once (at least 1)
     */
    public FleetAuditor(Auditor auditor, int threads) {
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
    }

    /** @return a fleet auditor with every rule, one thread per available core */
    public static FleetAuditor standard() {
        return new FleetAuditor(Auditor.standard(), Runtime.getRuntime().availableProcessors());
    }

    /** @return the auditor */
    public Auditor auditor() {
        return auditor;
    }

    /**
     * @param servers  MailRoot directories and bare server.tab files (see {@code MailRoots.discover})
     * @param scanRoot the directory output paths are relative to (see {@link #scanRoot})
     * @param skipped  what the search for the servers could not look into
     * @param options  how to audit
     * @return what the outputs write before the first server
     */
    public FleetScope scope(List<Path> servers, Path scanRoot, List<InputException> skipped, AuditOptions options) {
        List<RuleInfo> rules =
                new ArrayList<>(auditor.rules().stream().map(Rule::info).toList());
        if (!options.probes().isEmpty()) {
            // The running servers are probed too: the NET- rules run.
            NetAuditor.standard().rules().forEach(r -> rules.add(r.info()));
        }
        return new FleetScope(scanRoot, servers, rules, options, skipped);
    }

    /**
     * Audits every server of a scope, handing each over in order as soon as it can be.
     *
     * @param scope   what the audit is about ({@link #scope}): its servers are audited
     * @param work    what to do with each server on its worker thread
     * @param sink    takes each server in order, on the calling thread
     * @param <T>     what {@code work} gives
     * @return the counts of the whole fleet
     * @throws IOException what the sink threw
     */
    public <T> FleetSummary audit(FleetScope scope, Work<T> work, Sink<T> sink) throws IOException {
        List<Path> servers = scope.servers();
        AuditOptions options = scope.options();
        FleetSummary.Builder summary =
                new FleetSummary.Builder(options.waivers(), !scope.skipped().isEmpty());
        OrderedBatch.run(
                servers, threads, i -> one(servers.get(i), options, work), d -> outOfMemory(d.server()), (i, d) -> {
                    ServerAudit s = d.server();
                    // Out of memory alone too: what the caller does for a failed server, it does for this one.
                    T extra = d.done() ? d.work() : work.apply(s, null);
                    summary.add(s);
                    sink.accept(s, extra);
                });
        return summary.build();
    }

    /**
     * @param servers  MailRoot directories and bare server.tab files (see {@code MailRoots.discover})
     * @param scanRoot the directory output paths are relative to (see {@link #scanRoot})
     * @param options  how to audit
     * @param progress told about each server when it is done, in order
     * @return the fleet result, every server's audit held in memory
     */
    public FleetResult audit(List<Path> servers, Path scanRoot, AuditOptions options, Consumer<ServerAudit> progress) {
        FleetScope scope = scope(servers, scanRoot, List.of(), options);
        List<ServerAudit> out = new ArrayList<>(servers.size());
        FleetSummary summary;
        try {
            summary = audit(scope, (s, root) -> null, (s, nothing) -> {
                out.add(s);
                progress.accept(s);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sink above throws none
        }
        return new FleetResult(scanRoot, scope.rules(), options, out, summary.unusedWaivers());
    }

    /**
     * @param servers servers
     * @param options how to audit
     * @return the fleet result, paths relative to the servers' common directory
     */
    public FleetResult audit(List<Path> servers, AuditOptions options) {
        return audit(servers, commonDirectory(servers), options, s -> {});
    }

    /**
     * A server's audit and what the caller's work gave for it.
     *
     * @param server the audit
     * @param work   what the work gave
     * @param done   whether the work ran (not when it ran out of memory)
     */
    private record Done<T>(ServerAudit server, T work, boolean done) {}

    private <T> Done<T> one(Path path, AuditOptions options, Work<T> work) {
        MailRoot root = null;
        ServerAudit s;
        try {
            root = MailRoot.open(path);
            s = new ServerAudit.Audited(auditor.audit(root, options));
        } catch (InputException e) {
            s = new ServerAudit.Unreadable(path, e);
        } catch (OutOfMemoryError e) {
            // What this server holds is unreachable once it is given up, so the run can go on.
            return new Done<>(new ServerAudit.Unreadable(path, InputException.outOfMemory(path)), null, false);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            s = new ServerAudit.Crashed(path, e);
        }
        try {
            return new Done<>(s, work.apply(s, s.failed() ? null : root), true);
        } catch (OutOfMemoryError e) {
            return new Done<>(new ServerAudit.Unreadable(path, InputException.outOfMemory(path)), null, false);
        }
    }

    private static boolean outOfMemory(ServerAudit s) {
        return s instanceof ServerAudit.Unreadable u && u.error().reason() == InputException.Reason.OUT_OF_MEMORY;
    }

    /**
     * The directory output paths are shown relative to: the working directory when every input lies under it (so
     * paths read as the user typed them, and SARIF matches a repository checkout), else the deepest directory
     * holding every input.
     *
     * @param inputs     the paths given
     * @param workingDir the working directory
     * @return the scan root, absolute
     */
    public static Path scanRoot(List<Path> inputs, Path workingDir) {
        Path wd = workingDir.toAbsolutePath().normalize();
        if (inputs.stream().allMatch(p -> p.toAbsolutePath().normalize().startsWith(wd))) {
            return wd;
        }
        return commonDirectory(inputs);
    }

    private static Path commonDirectory(List<Path> inputs) {
        Path common = null;
        for (Path p : inputs) {
            Path abs = p.toAbsolutePath().normalize();
            // The parent, also for a directory: a server is then shown under its own directory name, not as ".".
            Path dir = abs.getParent() == null ? abs : abs.getParent();
            if (common == null) {
                common = dir;
            } else {
                while (common != null && !dir.startsWith(common)) {
                    common = common.getParent();
                }
                if (common == null) {
                    return dir.getRoot() == null ? Path.of("").toAbsolutePath() : dir.getRoot(); // e.g. two drives
                }
            }
        }
        return common == null ? Path.of("").toAbsolutePath() : common;
    }
}
