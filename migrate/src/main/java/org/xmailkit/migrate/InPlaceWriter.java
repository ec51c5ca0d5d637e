package org.xmailkit.migrate;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.xmailkit.model.fs.Hashes;
import org.xmailkit.model.fs.ReadPolicy;
import org.xmailkit.model.fs.SafeWriter;
import org.xmailkit.model.fs.WriteLock;
import org.xmailkit.model.fs.WritePolicy;
import org.xmailkit.model.fs.WriteRefusedException;
import org.xmailkit.model.version.SourceVersion;

/**
 * Writes a migration in place and undoes it, under the {@link WritePolicy}: for each changed file a backup
 * ({@code <name>.xmailkit-<time>.bak} next to the file, or under the backup directory), a journal record, then an
 * atomic replacement that first checks the file still holds what was read. Nothing is written outside the server's
 * directory and the backup directory, and nothing through a link. A run killed half-way is finished by the next run
 * over the same server. Callers hold the server's {@link #lock} around reading, writing and rolling back.
 */
public final class InPlaceWriter {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final WritePolicy policy;
    private final Optional<Path> backupDir;
    private final Clock clock;
    private final Optional<RemoteServer> remote;

    /**
     * @param policy    how files are written
     * @param backupDir where backups and journals go; empty for next to each file
     * @param clock     for run ids and backup names
     */
    public InPlaceWriter(WritePolicy policy, Optional<Path> backupDir, Clock clock) {
        this(policy, backupDir, clock, Optional.empty());
    }

    /**
     * @param policy    how files are written
     * @param backupDir where backups and journals go; empty for next to each file (required with a remote server)
     * @param clock     for run ids and backup names
     * @param remote    the server the MailRoot is a local copy of: each file is replaced there first, then in the
     *                  copy; backups, the journal and the lock stay on this machine, under the backup directory
     */
    public InPlaceWriter(WritePolicy policy, Optional<Path> backupDir, Clock clock, Optional<RemoteServer> remote) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.backupDir = Objects.requireNonNull(backupDir, "backupDir");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.remote = Objects.requireNonNull(remote, "remote");
        if (remote.isPresent() && backupDir.isEmpty()) {
            throw new IllegalArgumentException("a remote server's backups need a backup directory");
        }
    }

    /** The journal of a server: for a remote one, under the backup directory in a folder named after the server. */
    private Path journalPath(Path serverTab) throws IOException {
        if (remote.isPresent()) {
            return Journal.remoteLocation(
                    remote.get().name(), serverTab.getFileName().toString(), backupDir.get());
        }
        return Journal.location(serverTab, backupDir);
    }

    /** @return a name relative to the server's directory, with {@code /} separators, as a remote server takes it */
    private static String remoteName(String name) {
        return name.replace('\\', '/');
    }

    /**
     * What a write did.
     *
     * @param resumed whether it finished a run that had been interrupted
     * @param written the files replaced
     * @param backups the backups made
     */
    public record Written(boolean resumed, List<Path> written, List<Path> backups) {
        public Written {
            written = List.copyOf(written);
            backups = List.copyOf(backups);
        }
    }

    /**
     * Takes the server's lock (next to its journal), waiting as the policy says while another run holds it.
     *
     * @param serverTab the server.tab path
     * @return the held lock
     * @throws WriteRefusedException when another run still holds it
     * @throws IOException           when the lock file cannot be made
     */
    public WriteLock lock(Path serverTab) throws IOException {
        Path lock = remote.isPresent()
                ? Journal.lockNextTo(journalPath(serverTab), serverTab)
                : Journal.lockLocation(serverTab, backupDir);
        return writer(serverTab).lock(lock);
    }

    /**
     * A writer for this server: its directory and the backup directory. The journal and lock it creates belong to
     * the server.tab's owner, so that a run as that account can follow a run as root.
     */
    private SafeWriter writer(Path serverTab) {
        Path dir = directory(serverTab);
        return (backupDir.isPresent() ? policy.writerFor(dir, backupDir.get()) : policy.writerFor(dir))
                .ownedLike(serverTab);
    }

    private static Path directory(Path serverTab) {
        return serverTab.toAbsolutePath().normalize().getParent();
    }

    /**
     * @param result a migration computed from the files as they are now (under the server's lock)
     * @return what was written
     * @throws PartialWriteException when some files were replaced and then another failed: those stay replaced and
     *                               journaled, the rest untouched, and a rerun finishes
     * @throws IOException           when a file changed since it was read or cannot be written, before any was
     */
    public Written write(MigrationResult result) throws IOException {
        Path serverTab = result.files().get(0).path();
        Path dir = directory(serverTab);
        SafeWriter w = writer(serverTab);
        Path journalPath = journalPath(serverTab);
        Journal journal = Journal.read(w, journalPath);
        Optional<Journal.Run> unfinished = journal.unfinished();
        boolean resumed = unfinished.isPresent();
        if (unfinished.isPresent()) {
            settle(w, journal, unfinished.get(), dir);
        }
        List<FileResult> changed = result.changedFiles();
        if (changed.isEmpty()) {
            unfinished.ifPresent(r -> appendQuietly(journal, "end", r.id()));
            return new Written(resumed, List.of(), List.of());
        }
        // Every file must be one that may be replaced before anything is written: a link is refused here, so its
        // target is neither backed up into the MailRoot nor journaled.
        for (FileResult f : changed) {
            w.checkReplaceable(f.path());
        }
        if (remote.isPresent()) {
            Map<String, RemoteServer.Change> files = new LinkedHashMap<>();
            for (FileResult f : changed) {
                files.put(remoteName(name(dir, f)), new RemoteServer.Change(f.path(), f.before(), f.after(), null));
            }
            remote.get().prepare(files);
        }
        String run;
        if (unfinished.isPresent()) {
            run = unfinished.get().id();
        } else {
            run = newRunId(journal);
            String[] source = Journal.fields(result.source());
            journal.append(
                    "begin",
                    run,
                    clock.instant().toString(),
                    result.options().target().toString(),
                    source[0],
                    source[1],
                    source[2]);
        }
        List<Path> written = new ArrayList<>();
        List<Path> backups = new ArrayList<>();
        for (int i = 0; i < changed.size(); i++) {
            FileResult f = changed.get(i);
            try {
                removeStaleTemporaryFiles(w, f.path());
                String name = name(dir, f);
                Optional<Path> reuse = reusableBackup(w, journal, unfinished, name, f.beforeHash());
                Path backup;
                if (reuse.isPresent()) {
                    backup = reuse.get();
                } else {
                    backup = free(journalPath.resolveSibling(Journal.backupStem(name) + ".xmailkit-" + run + ".bak"));
                    w.create(backup, f.before(), f.path());
                    backups.add(backup);
                }
                journal.append(
                        "file",
                        run,
                        name,
                        f.beforeHash(),
                        f.afterHash(),
                        journalPath
                                .getParent()
                                .relativize(backup.toAbsolutePath().normalize())
                                .toString());
                if (remote.isPresent()) {
                    remote.get()
                            .replace(
                                    remoteName(name), new RemoteServer.Change(f.path(), f.before(), f.after(), backup));
                }
                w.replace(f.path(), f.after(), f.before());
                journal.append("done", run, name);
                written.add(f.path());
            } catch (IOException e) {
                if (written.isEmpty()) {
                    throw e;
                }
                throw new PartialWriteException(dir, false, written, names(dir, changed.subList(i, changed.size())), e);
            }
        }
        journal.append("end", run);
        return new Written(resumed, written, backups);
    }

    /** A file's name in the journal: relative to the server's directory. */
    private static String name(Path dir, FileResult f) {
        return dir.relativize(f.path().toAbsolutePath().normalize()).toString();
    }

    private static List<String> names(Path dir, List<FileResult> files) {
        return files.stream().map(f -> name(dir, f)).toList();
    }

    /**
     * The source version an interrupted run of this server used: finishing the run must migrate from the same one,
     * even though the half-migrated files may now suggest another.
     *
     * @param serverTab the server.tab path
     * @return the recorded source version, if a run was interrupted
     * @throws IOException when the journal cannot be read
     */
    public Optional<SourceVersion> interruptedSource(Path serverTab) throws IOException {
        return Journal.read(writer(serverTab), journalPath(serverTab))
                .unfinished()
                .flatMap(Journal.Run::source);
    }

    /**
     * Restores the files the latest run of a server replaced, from its backups. Nothing is restored unless every
     * file still holds what that run wrote (or already holds the original) and every backup is intact.
     *
     * @param serverTab the server.tab path
     * @return the files restored; empty when there was nothing to roll back
     * @throws PartialWriteException when some files were restored and then another failed (a rerun finishes)
     * @throws IOException           when a file changed since the migration, a backup is missing or damaged, the
     *                               journal cannot be used, or a write fails
     */
    public List<Path> rollback(Path serverTab) throws IOException {
        Path dir = directory(serverTab);
        SafeWriter w = writer(serverTab);
        Path journalPath = journalPath(serverTab);
        Journal journal = Journal.read(w, journalPath);
        Optional<Journal.Run> unfinished = journal.unfinished();
        if (unfinished.isPresent()) {
            settle(w, journal, unfinished.get(), dir);
            journal = Journal.read(w, journalPath);
        }
        Optional<Journal.Run> last = journal.lastToRollBack();
        if (last.isEmpty()) {
            return List.of();
        }
        Journal.Run run = last.get();
        // Per file: the first record holds the original (its backup), the last one what the run left.
        Map<String, Journal.FileRecord> first = new LinkedHashMap<>();
        Map<String, Journal.FileRecord> latest = new LinkedHashMap<>();
        for (Journal.FileRecord r : run.files()) {
            if (r.done() && !r.rolledBack()) {
                first.putIfAbsent(r.name(), r);
                latest.put(r.name(), r);
            }
        }
        Path base = journalPath.getParent();
        Map<String, byte[]> originals = new LinkedHashMap<>();
        Map<String, byte[]> current = new LinkedHashMap<>();
        Map<String, RemoteServer.Change> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Journal.FileRecord> e : first.entrySet()) {
            Path file = dir.resolve(e.getKey());
            byte[] bytes = w.readBack(file, ReadPolicy.TEXT.maxBytes()).orElse(null);
            String now = bytes == null ? "" : Hashes.sha256(bytes);
            Journal.FileRecord original = e.getValue();
            if (now.equals(original.oldHash())) {
                continue; // already the original (a rollback interrupted after this file)
            }
            if (!now.equals(latest.get(e.getKey()).newHash())) {
                throw new WriteException(file, MigrateMessages.text("rollback.changed"), null);
            }
            Path backup = base.resolve(original.backup());
            byte[] saved = w.readBack(backup, ReadPolicy.TEXT.maxBytes())
                    .orElseThrow(() ->
                            new WriteException(file, MigrateMessages.text("rollback.backupMissing", backup), null));
            if (!Hashes.sha256(saved).equals(original.oldHash())) {
                throw new WriteException(file, MigrateMessages.text("rollback.backupDiffers", backup), null);
            }
            originals.put(e.getKey(), saved);
            current.put(e.getKey(), bytes);
            changes.put(e.getKey(), new RemoteServer.Change(file, bytes == null ? new byte[0] : bytes, saved, backup));
        }
        if (remote.isPresent() && !changes.isEmpty()) {
            Map<String, RemoteServer.Change> byRemoteName = new LinkedHashMap<>();
            changes.forEach((k, v) -> byRemoteName.put(remoteName(k), v));
            remote.get().prepare(byRemoteName);
        }
        List<Path> restored = new ArrayList<>();
        List<String> names = new ArrayList<>(originals.keySet());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Path file = dir.resolve(name);
            try {
                if (remote.isPresent()) {
                    remote.get().replace(remoteName(name), changes.get(name));
                }
                w.replace(file, originals.get(name), current.get(name));
                journal.append("rollback", run.id(), name);
                restored.add(file);
            } catch (IOException e) {
                if (restored.isEmpty()) {
                    throw e;
                }
                throw new PartialWriteException(dir, true, restored, names.subList(i, names.size()), e);
            }
        }
        journal.append("rolledback", run.id());
        return restored;
    }

    /** Records as done the files an interrupted run had already replaced (their content is the new one). */
    private static void settle(SafeWriter w, Journal journal, Journal.Run run, Path dir) throws IOException {
        for (Journal.FileRecord r : run.files()) {
            if (r.done()) {
                continue;
            }
            Optional<String> now = w.hash(dir.resolve(r.name()), ReadPolicy.TEXT.maxBytes());
            if (now.isPresent() && now.get().equals(r.newHash())) {
                journal.append("done", run.id(), r.name());
            }
        }
    }

    private static Optional<Path> reusableBackup(
            SafeWriter w, Journal journal, Optional<Journal.Run> unfinished, String name, String oldHash)
            throws IOException {
        if (unfinished.isEmpty()) {
            return Optional.empty();
        }
        Path base = journal.path().getParent();
        for (Journal.FileRecord r : unfinished.get().files()) {
            if (r.name().equals(name) && r.oldHash().equals(oldHash)) {
                Path b = base.resolve(r.backup());
                if (w.hash(b, ReadPolicy.TEXT.maxBytes()).map(oldHash::equals).orElse(false)) {
                    return Optional.of(b);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Temporary files a killed earlier write left next to this file: never renamed, so never part of it. Only
     * regular files of that name are deleted; anything else of that name is left alone.
     */
    private static void removeStaleTemporaryFiles(SafeWriter w, Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        String prefix = "." + abs.getFileName() + ".xmailkit-";
        try (DirectoryStream<Path> s = Files.newDirectoryStream(abs.getParent())) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix) && SafeWriter.TEMP.matcher(n).matches()) {
                    try {
                        w.delete(p);
                    } catch (WriteRefusedException e) {
                        // not a temporary file of ours after all
                    }
                }
            }
        }
    }

    private String newRunId(Journal journal) {
        String base = STAMP.format(clock.instant());
        Set<String> used = journal.runs().stream().map(Journal.Run::id).collect(Collectors.toSet());
        String id = base;
        for (int n = 2; used.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static Path free(Path backup) {
        Path p = backup;
        String name = backup.getFileName().toString();
        for (int n = 2; Files.exists(p, LinkOption.NOFOLLOW_LINKS); n++) {
            p = backup.resolveSibling(name.replaceFirst("\\.bak$", "-" + n + ".bak"));
        }
        return p;
    }

    private static void appendQuietly(Journal journal, String... fields) {
        try {
            journal.append(fields);
        } catch (IOException e) {
            // Closing an already settled run is bookkeeping only; the next run settles it again.
        }
    }
}
