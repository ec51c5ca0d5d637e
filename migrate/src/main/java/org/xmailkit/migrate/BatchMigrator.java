package org.xmailkit.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.model.EditException;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.OrderedBatch;
import org.xmailkit.model.ctrl.CtrlException;
import org.xmailkit.model.ctrl.Origins;
import org.xmailkit.model.fs.WriteLock;
import org.xmailkit.model.fs.WritePolicy;
import org.xmailkit.model.fs.WriteRefusedException;
import org.xmailkit.model.version.SourceVersion;

/**
 * Migrates many servers in parallel (at most as many at once as there are processors), each on its own: a server
 * that cannot be read, migrated or written becomes a failed outcome and the others go on. In-place writes are
 * journaled per server, so running the same batch again after a crash finishes what was left.
 */
public final class BatchMigrator {

    /** What a batch does with each server. */
    public enum Mode {
        /** Compute the plan and diff; write nothing. */
        DRY_RUN,
        /** Replace the changed files in place, with backups and a journal. */
        WRITE,
        /** Write a migrated copy of each server under an output directory. */
        OUT,
        /** Restore the files the latest run replaced. */
        ROLLBACK
    }

    /**
     * One server to process.
     *
     * @param server      the MailRoot directory or bare server.tab
     * @param destination for {@link Mode#OUT}: where its copy goes
     * @param remote      the server the MailRoot is a local copy of, whose files a write or rollback replaces
     */
    public record Job(Path server, Optional<Path> destination, Optional<RemoteServer> remote) {
        public Job {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(remote, "remote");
        }

        /**
         * @param server      the MailRoot directory or bare server.tab
         * @param destination for {@link Mode#OUT}: where its copy goes
         */
        public Job(Path server, Optional<Path> destination) {
            this(server, destination, Optional.empty());
        }

        /**
         * @param server a server
         * @return a job without a copy destination
         */
        public static Job of(Path server) {
            return new Job(server, Optional.empty());
        }
    }

    /**
     * How to run a batch.
     *
     * @param mode        what to do
     * @param migration   the migration options
     * @param backupDir   where backups and journals go (else next to each file)
     * @param clock       for run ids and backup names
     * @param parallelism the most servers processed at once
     */
    public record Options(
            Mode mode, MigrationOptions migration, Optional<Path> backupDir, Clock clock, int parallelism) {
        public Options {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(migration, "migration");
            Objects.requireNonNull(backupDir, "backupDir");
            Objects.requireNonNull(clock, "clock");
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1");
            }
        }

        /**
         * @param mode      what to do
         * @param migration the migration options
         * @return options with backups next to the files, the system clock, one thread per processor
         */
        public static Options of(Mode mode, MigrationOptions migration) {
            return new Options(
                    mode,
                    migration,
                    Optional.empty(),
                    Clock.systemUTC(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private final Planner migrator;
    private final WritePolicy policy;

    /**
     * @param migrator computes each migration (a {@link Migrator}, or one that also audits it)
     * @param policy   how files are written
     */
    public BatchMigrator(Planner migrator, WritePolicy policy) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param jobs     the servers, in the order outcomes are reported
     * @param options  how
     * @param listener hears about progress
     * @return one outcome per server, in job order
     * @throws Error when a worker hits an Error other than running out of memory (the batch stops as a killed
     *               process would); a server that runs out of memory is tried once more alone, then fails
     */
    public BatchResult run(List<Job> jobs, Options options, BatchListener listener) {
        List<ServerOutcome> out = new ArrayList<>(jobs.size());
        each(jobs, options, new BatchListener() {
            @Override
            public void started(int total) {
                listener.started(total);
            }

            @Override
            public void finished(ServerOutcome outcome) {
                out.add(outcome);
                listener.finished(outcome);
            }
        });
        return new BatchResult(out);
    }

    /**
     * Processes the servers in parallel (at most {@link Options#parallelism()} at once) and hands each outcome to the
     * listener in job order, as soon as it and those before it are done ({@link OrderedBatch}): nothing is kept, so
     * memory does not grow with the batch. A server too big to run beside others runs alone in its turn; one that
     * runs out of memory beside others is tried once more alone, then fails.
     *
     * @param jobs     the servers, in the order outcomes are handed over
     * @param options  how
     * @param listener takes the outcomes, on the calling thread
     * @throws Error when a worker hits an Error other than running out of memory (the batch stops as a killed
     *               process would)
     */
    public void each(List<Job> jobs, Options options, BatchListener listener) {
        listener.started(jobs.size());
        try {
            OrderedBatch.run(
                    jobs.stream().map(Job::server).toList(),
                    options.parallelism(),
                    i -> one(jobs.get(i), options),
                    BatchMigrator::outOfMemory,
                    (i, o) -> listener.finished(o));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the listener throws none
        }
    }

    private static boolean outOfMemory(ServerOutcome o) {
        return o.status() == ServerOutcome.Status.FAILED
                && o.cause() instanceof InputException e
                && e.reason() == InputException.Reason.OUT_OF_MEMORY;
    }

    private static boolean sameRange(SourceVersion a, SourceVersion b) {
        return a.earliest().equals(b.earliest()) && a.latest().equals(b.latest());
    }

    /**
     * Processes one server; every failure becomes a failed outcome. Writing and rolling back hold the server's lock
     * from before its files are read until the last record is journaled, so two runs never interleave on it.
     */
    ServerOutcome one(Job job, Options options) {
        Path path = job.server();
        String shown = Origins.display(path);
        try {
            InPlaceWriter inPlace = new InPlaceWriter(policy, options.backupDir(), options.clock(), job.remote());
            Path tab = Files.isDirectory(path) ? path.resolve(MailRootFile.SERVER_TAB.fileName()) : path;
            boolean locks = options.mode() == Mode.WRITE || options.mode() == Mode.ROLLBACK;
            try (WriteLock lock = locks ? inPlace.lock(tab) : null) {
                return unlocked(job, options, inPlace, tab);
            }
        } catch (InputException e) {
            return ServerOutcome.failed(path, e::oneLine, e);
        } catch (CtrlException e) {
            return ServerOutcome.failed(path, e::oneLine, e);
        } catch (PartialWriteException e) {
            return new ServerOutcome(
                    path,
                    ServerOutcome.Status.FAILED,
                    Optional.empty(),
                    e.done(),
                    false,
                    l -> shown + ": " + e.text(l),
                    e);
        } catch (WriteException e) {
            return ServerOutcome.failed(path, e::message, e);
        } catch (WriteRefusedException e) {
            if (e.reason() == WriteRefusedException.Reason.LOCKED) {
                return ServerOutcome.failed(path, l -> shown + ": " + e.reasonText(l), e);
            }
            return ServerOutcome.failed(path, e::oneLine, e);
        } catch (EditException e) {
            return ServerOutcome.failed(path, l -> shown + ": " + e.message(l), e);
        } catch (AccessDeniedException e) {
            return ServerOutcome.failed(
                    path,
                    l -> shown + ": "
                            + MigrateMessages.get(l, "error.accessDenied", e.getFile() == null ? shown : e.getFile()),
                    e);
        } catch (FileSystemException e) {
            // Java's file-system exceptions carry the file and at most a short reason: say both.
            return ServerOutcome.failed(
                    path,
                    l -> shown + ": "
                            + MigrateMessages.get(
                                    l,
                                    "error.fileSystem",
                                    e.getFile() == null ? shown : e.getFile(),
                                    e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()),
                    e);
        } catch (IOException e) {
            return ServerOutcome.failed(path, l -> shown + ": " + (e.getMessage() == null ? e : e.getMessage()), e);
        } catch (RuntimeException e) {
            return ServerOutcome.failed(path, l -> shown + ": " + MigrateMessages.get(l, "error.internal", e), e);
        } catch (OutOfMemoryError e) {
            // What this server holds is unreachable once it is given up, so the batch can go on; a half-done write
            // is finished by the same command, as after a killed run.
            InputException tooBig = InputException.outOfMemory(path);
            return ServerOutcome.failed(path, tooBig::oneLine, tooBig);
        }
    }

    /** One server's work, with its lock held when it writes. */
    private ServerOutcome unlocked(Job job, Options options, InPlaceWriter inPlace, Path tab)
            throws IOException, InputException, EditException {
        Path path = job.server();
        if (options.mode() == Mode.ROLLBACK) {
            List<Path> restored = inPlace.rollback(tab);
            return new ServerOutcome(
                    path,
                    restored.isEmpty() ? ServerOutcome.Status.NOTHING_TO_ROLL_BACK : ServerOutcome.Status.ROLLED_BACK,
                    Optional.empty(),
                    restored,
                    false,
                    null,
                    null);
        }
        MailRoot root = MailRoot.open(path);
        SourceVersion source = Migrator.source(root, options.migration());
        if (options.mode() == Mode.WRITE && options.migration().from().isEmpty()) {
            // Finishing an interrupted run: migrate from the source version it recorded, not from what the
            // half-migrated files now suggest.
            Optional<SourceVersion> recorded = inPlace.interruptedSource(root.serverTabPath());
            if (recorded.isPresent() && !sameRange(recorded.get(), source)) {
                source = recorded.get();
            }
        }
        MigrationResult result = migrator.migrate(root, options.migration(), source);
        return switch (options.mode()) {
            case DRY_RUN ->
                new ServerOutcome(
                        path,
                        result.changed() ? ServerOutcome.Status.PLANNED : ServerOutcome.Status.UNCHANGED,
                        Optional.of(result),
                        List.of(),
                        false,
                        null,
                        null);
            case WRITE -> {
                InPlaceWriter.Written w = inPlace.write(result);
                yield new ServerOutcome(
                        path,
                        w.written().isEmpty() ? ServerOutcome.Status.UNCHANGED : ServerOutcome.Status.WRITTEN,
                        Optional.of(result),
                        w.written(),
                        w.resumed(),
                        null,
                        null);
            }
            case OUT -> {
                Path dest = job.destination().orElseThrow(() -> new IllegalArgumentException("no destination"));
                List<Path> written = OutTree.write(result, dest, policy);
                yield new ServerOutcome(
                        path, ServerOutcome.Status.COPIED, Optional.of(result), written, false, null, null);
            }
            case ROLLBACK -> throw new IllegalStateException("handled above");
        };
    }
}
