package org.xmailkit.migrate;

import java.io.IOException;
import java.nio.file.Files;
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
import org.xmailkit.audit.SourceVersion;

/**
 * Writes a migration in place and undoes it: for each changed file a backup ({@code <name>.xmailkit-<time>.bak}
 * next to the file, or under the backup directory), a journal record, then an atomic replacement that first checks
 * the file still holds what was read. A run killed half-way is finished by the next run over the same server.
 */
public final class InPlaceWriter {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final AtomicWriter writer;
    private final Optional<Path> backupDir;
    private final Clock clock;
    private final Optional<RemoteServer> remote;

    /**
     * @param writer    the file writer
     * @param backupDir where backups and journals go; empty for next to each file
     * @param clock     for run ids and backup names
     */
    public InPlaceWriter(AtomicWriter writer, Optional<Path> backupDir, Clock clock) {
        this(writer, backupDir, clock, Optional.empty());
    }

    /**
     * @param writer    the file writer
     * @param backupDir where backups and journals go; empty for next to each file (required with a remote server)
     * @param clock     for run ids and backup names
     * @param remote    the server the MailRoot is a local copy of: each file is replaced there first, then in the
     *                  copy; backups and the journal stay on this machine
     */
    public InPlaceWriter(AtomicWriter writer, Optional<Path> backupDir, Clock clock, Optional<RemoteServer> remote) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.backupDir = Objects.requireNonNull(backupDir, "backupDir");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.remote = Objects.requireNonNull(remote, "remote");
        if (remote.isPresent() && backupDir.isEmpty()) {
            throw new IllegalArgumentException("a remote server's backups need a backup folder");
        }
    }

    /** The journal of a server: for a remote one, under the backup folder in a folder named after the server. */
    private Path journalPath(Path serverTab) throws IOException {
        if (remote.isPresent()) {
            return Journal.remoteLocation(remote.get().name(), serverTab.getFileName().toString(), backupDir.get());
        }
        return Journal.location(serverTab, backupDir);
    }

    /** @return a name relative to the server's directory, with {@code /} separators, as the remote server takes it */
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
     * @param result a migration computed from the files as they are now
     * @return what was written
     * @throws IOException when a file changed since it was read or cannot be written; files already replaced stay
     *                     replaced and journaled, the rest untouched
     */
    public Written write(MigrationResult result) throws IOException {
        Path serverTab = result.files().get(0).path();
        Path dir = serverTab.toAbsolutePath().getParent();
        Path journalPath = journalPath(serverTab);
        Journal journal = Journal.read(journalPath);
        Optional<Journal.Run> unfinished = journal.unfinished();
        boolean resumed = unfinished.isPresent();
        if (unfinished.isPresent()) {
            settle(journal, unfinished.get(), dir);
        }
        List<FileResult> changed = result.changedFiles();
        if (changed.isEmpty()) {
            unfinished.ifPresent(r -> appendQuietly(journal, "end", r.id()));
            return new Written(resumed, List.of(), List.of());
        }
        if (remote.isPresent()) {
            Map<String, RemoteServer.Change> files = new LinkedHashMap<>();
            for (FileResult f : changed) {
                files.put(remoteName(dir.relativize(f.path().toAbsolutePath()).toString()),
                        new RemoteServer.Change(f.path(), f.before(), f.after(), null));
            }
            remote.get().prepare(files);
        }
        String run;
        if (unfinished.isPresent()) {
            run = unfinished.get().id();
        } else {
            run = newRunId(journal);
            String[] source = Journal.fields(result.source());
            journal.append("begin", run, clock.instant().toString(), result.options().target().toString(), source[0],
                    source[1], source[2]);
        }
        List<Path> written = new ArrayList<>();
        List<Path> backups = new ArrayList<>();
        for (FileResult f : changed) {
            removeStaleTemporaryFiles(f.path());
            String name = dir.relativize(f.path().toAbsolutePath()).toString();
            Optional<Path> reuse = reusableBackup(journal, unfinished, name, f.beforeHash());
            Path backup;
            if (reuse.isPresent()) {
                backup = reuse.get();
            } else {
                backup = free(journalPath.resolveSibling(name.replace('/', '_').replace('\\', '_')
                        + ".xmailkit-" + run + ".bak"));
                writer.create(backup, f.before(), f.path());
                backups.add(backup);
            }
            journal.append("file", run, name, f.beforeHash(), f.afterHash(),
                    journalPath.toAbsolutePath().getParent().relativize(backup.toAbsolutePath()).toString());
            if (remote.isPresent()) {
                remote.get().replace(remoteName(name), new RemoteServer.Change(f.path(), f.before(), f.after(), backup));
            }
            writer.replace(f.path(), f.after(), f.beforeHash());
            journal.append("done", run, name);
            written.add(f.path());
        }
        journal.append("end", run);
        return new Written(resumed, written, backups);
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
        return Journal.read(journalPath(serverTab)).unfinished().flatMap(Journal.Run::source);
    }

    /**
     * Restores the files the latest run of a server replaced, from its backups. Nothing is restored unless every
     * file still holds what that run wrote (or already holds the original) and every backup is intact.
     *
     * @param serverTab the server.tab path
     * @return the files restored; empty when there was nothing to roll back
     * @throws IOException when a file changed since the migration, a backup is missing or damaged, or a write
     *                     fails
     */
    public List<Path> rollback(Path serverTab) throws IOException {
        Path dir = serverTab.toAbsolutePath().getParent();
        Path journalPath = journalPath(serverTab);
        Journal journal = Journal.read(journalPath);
        Optional<Journal.Run> unfinished = journal.unfinished();
        if (unfinished.isPresent()) {
            settle(journal, unfinished.get(), dir);
            journal = Journal.read(journalPath);
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
        Path base = journalPath.toAbsolutePath().getParent();
        Map<String, byte[]> originals = new LinkedHashMap<>();
        Map<String, String> current = new LinkedHashMap<>();
        Map<String, RemoteServer.Change> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Journal.FileRecord> e : first.entrySet()) {
            Path file = dir.resolve(e.getKey());
            byte[] nowBytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            String now = Files.exists(file) ? Hashes.sha256(nowBytes) : "";
            Journal.FileRecord original = e.getValue();
            if (now.equals(original.oldHash())) {
                continue; // already the original (a rollback interrupted after this file)
            }
            if (!now.equals(latest.get(e.getKey()).newHash())) {
                throw new WriteException(file, MigrationText.of("rollback.changed"), null);
            }
            Path backup = base.resolve(original.backup());
            if (!Files.exists(backup)) {
                throw new WriteException(file, MigrationText.of("rollback.backupMissing", backup), null);
            }
            byte[] bytes = Files.readAllBytes(backup);
            if (!Hashes.sha256(bytes).equals(original.oldHash())) {
                throw new WriteException(file, MigrationText.of("rollback.backupDiffers", backup), null);
            }
            originals.put(e.getKey(), bytes);
            current.put(e.getKey(), now);
            changes.put(remoteName(e.getKey()), new RemoteServer.Change(file, nowBytes, bytes, backup));
        }
        if (remote.isPresent() && !changes.isEmpty()) {
            remote.get().prepare(changes);
        }
        List<Path> restored = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : originals.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (remote.isPresent()) {
                remote.get().replace(remoteName(e.getKey()), changes.get(remoteName(e.getKey())));
            }
            writer.replace(file, e.getValue(), current.get(e.getKey()));
            journal.append("rollback", run.id(), e.getKey());
            restored.add(file);
        }
        journal.append("rolledback", run.id());
        return restored;
    }

    /** Records as done the files an interrupted run had already replaced (their content is the new one). */
    private static void settle(Journal journal, Journal.Run run, Path dir) throws IOException {
        for (Journal.FileRecord r : run.files()) {
            if (r.done()) {
                continue;
            }
            Path file = dir.resolve(r.name());
            if (Files.exists(file) && Hashes.sha256(Files.readAllBytes(file)).equals(r.newHash())) {
                journal.append("done", run.id(), r.name());
            }
        }
    }

    private static Optional<Path> reusableBackup(Journal journal, Optional<Journal.Run> unfinished, String name,
                                                 String oldHash) throws IOException {
        if (unfinished.isEmpty()) {
            return Optional.empty();
        }
        Path base = journal.path().toAbsolutePath().getParent();
        for (Journal.FileRecord r : unfinished.get().files()) {
            if (r.name().equals(name) && r.oldHash().equals(oldHash)) {
                Path b = base.resolve(r.backup());
                if (Files.exists(b) && Hashes.sha256(Files.readAllBytes(b)).equals(oldHash)) {
                    return Optional.of(b);
                }
            }
        }
        return Optional.empty();
    }

    /** Temporary files a killed earlier write left next to this file: never renamed, so never part of it. */
    private static void removeStaleTemporaryFiles(Path file) throws IOException {
        Path real = file.toRealPath();
        String prefix = "." + real.getFileName() + ".xmailkit-";
        try (var s = Files.list(real.getParent())) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix) && AtomicWriter.TEMP.matcher(n).matches()) {
                    Files.deleteIfExists(p);
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
        for (int n = 2; Files.exists(p); n++) {
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
