package org.xmailkit.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MemoryBudget;

/**
 * Audits many servers in parallel, bounded by the number of cores. A server that cannot be read, or on which a rule
 * fails, becomes a failed entry; the others go on. A server too big to run beside others ({@link MemoryBudget}),
 * or one that ran out of memory beside others, is audited alone after the rest, with the whole heap; if it still
 * does not fit it fails ({@link InputException.Reason#OUT_OF_MEMORY}) and the others are audited all the same.
 * Results keep the order the servers were given in, whatever order the threads finish in.
 */
public final class FleetAuditor {

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
     * @param options  how to audit
     * @param progress told about each server when it is done, from the worker threads (must be thread-safe)
     * @return the fleet result
     */
    public FleetResult audit(List<Path> servers, Path scanRoot, AuditOptions options, Consumer<ServerAudit> progress) {
        List<ServerAudit> out = new ArrayList<>(servers.size());
        if (!servers.isEmpty()) {
            int n = Math.min(threads, servers.size());
            AtomicInteger count = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "xmailkit-audit-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            List<Boolean> alone = MemoryBudget.alone(servers, n);
            try {
                List<Future<ServerAudit>> futures = new ArrayList<>(servers.size());
                for (int i = 0; i < servers.size(); i++) {
                    Path p = servers.get(i);
                    futures.add(alone.get(i) ? null : pool.submit(() -> {
                        ServerAudit s = one(p, options);
                        if (!outOfMemory(s) || n == 1) {
                            progress.accept(s);
                        }
                        return s;
                    }));
                }
                for (Future<ServerAudit> f : futures) {
                    out.add(f == null ? null : f.get());
                }
                // Then, one at a time: the servers too big to run beside others, and those that ran out of memory
                // while others ran beside them.
                for (int i = 0; i < out.size(); i++) {
                    if (out.get(i) == null || (n > 1 && outOfMemory(out.get(i)))) {
                        ServerAudit s = one(servers.get(i), options);
                        progress.accept(s);
                        out.set(i, s);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("audit interrupted");
            } catch (ExecutionException e) {
                // one() catches everything a server can throw; only the progress callback can get here
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        List<RuleInfo> rules = new ArrayList<>(auditor.rules().stream().map(Rule::info).toList());
        if (!options.probes().isEmpty()) {
            NetAuditor.standard().rules().forEach(r -> rules.add(r.info()));
        }
        return new FleetResult(scanRoot, rules, options, out, unused(options.waivers(), out));
    }

    /**
     * @param servers servers
     * @param options how to audit
     * @return the fleet result, paths relative to the servers' common directory
     */
    public FleetResult audit(List<Path> servers, AuditOptions options) {
        return audit(servers, commonDirectory(servers), options, s -> { });
    }

    private ServerAudit one(Path path, AuditOptions options) {
        try {
            return new ServerAudit.Audited(auditor.audit(MailRoot.open(path), options));
        } catch (InputException e) {
            return new ServerAudit.Unreadable(path, e);
        } catch (OutOfMemoryError e) {
            // What this server holds is unreachable once it is given up, so the run can go on.
            return new ServerAudit.Unreadable(path, InputException.outOfMemory(path));
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            return new ServerAudit.Crashed(path, e);
        }
    }

    private static boolean outOfMemory(ServerAudit s) {
        return s instanceof ServerAudit.Unreadable u && u.error().reason() == InputException.Reason.OUT_OF_MEMORY;
    }

    private static List<Waivers.Waiver> unused(Waivers waivers, List<ServerAudit> servers) {
        Set<String> used = new HashSet<>();
        for (ServerAudit s : servers) {
            if (s instanceof ServerAudit.Audited a) {
                for (Finding f : a.result().findings()) {
                    f.suppression().filter(x -> x.kind() == Suppression.Kind.WAIVER_FILE)
                            .ifPresent(x -> used.add(x.source()));
                }
            }
        }
        return waivers.entries().stream().filter(w -> !used.contains(w.source())).toList();
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
