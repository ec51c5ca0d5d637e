package org.xmailkit.migrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.xmailkit.audit.SourceVersion;
import org.xmailkit.model.XMailVersion;

/**
 * The migration journal of one server: an append-only text file (UTF-8, one TAB-separated record per line, each
 * flushed to disk before the step it announces) that says which files a run replaced and where their backups are.
 * It lets a killed run finish where it stopped and lets {@code --rollback} restore exactly what a run changed.
 *
 * <pre>
 * xmailkit-migrate-journal  1
 * begin       RUN  TIME  TARGET  SOURCE-EARLIEST  SOURCE-LATEST  given|inferred
 * file        RUN  NAME  OLD-SHA256  NEW-SHA256  BACKUP
 * done        RUN  NAME
 * end         RUN
 * rollback    RUN  NAME
 * rolledback  RUN
 * </pre>
 * NAME is the file's name relative to the server's directory, BACKUP the backup's name relative to the
 * journal's directory.
 */
public final class Journal {

    static final String MAGIC = "xmailkit-migrate-journal";
    static final String SUFFIX = ".xmailkit-journal";

    /** One file a run replaced (or was about to). */
    public record FileRecord(String name, String oldHash, String newHash, String backup, boolean done,
                             boolean rolledBack) {
    }

    /**
     * One run over the server.
     *
     * @param source the source version the run migrated from, so that finishing it uses the same one
     */
    public record Run(String id, String time, String target, Optional<SourceVersion> source, List<FileRecord> files,
                      boolean ended, boolean rolledBack) {
        public Run {
            files = List.copyOf(files);
        }
    }

    private final Path path;
    private final List<Run> runs;

    private Journal(Path path, List<Run> runs) {
        this.path = path;
        this.runs = List.copyOf(runs);
    }

    /**
     * Where a server's journal lives: next to its server.tab, or under the backup directory in a folder named
     * after the server.
     *
     * @param serverTab the server.tab path
     * @param backupDir the backup directory, if given
     * @return the journal path
     * @throws IOException when the server.tab path cannot be resolved
     */
    public static Path location(Path serverTab, Optional<Path> backupDir) throws IOException {
        String name = serverTab.getFileName() + SUFFIX;
        if (backupDir.isEmpty()) {
            return serverTab.toAbsolutePath().resolveSibling(name);
        }
        return backupDir.get().resolve(key(serverTab)).resolve(name);
    }

    /**
     * Where the journal of a remote server lives: under the backup directory, in a folder named after the server
     * ({@code ctrl-HOST_PORT-USER-HASH}), since its local copy is made afresh for each run.
     *
     * @param server        the server, as {@code ctrl://user@host:port}
     * @param serverTabName the name of its server.tab
     * @param backupDir     the backup directory
     * @return the journal path
     */
    public static Path remoteLocation(String server, String serverTabName, Path backupDir) {
        String readable = server.replaceFirst("^[a-z]+://", "").replaceAll("[^A-Za-z0-9._-]", "_");
        if (readable.length() > 60) {
            readable = readable.substring(0, 60);
        }
        String hash = Hashes.sha256(server.getBytes(StandardCharsets.UTF_8)).substring(0, 10);
        return backupDir.resolve("ctrl-" + readable + "-" + hash).resolve(serverTabName + SUFFIX);
    }

    /** A stable folder name for a server: the last parts of its real directory plus a hash of the whole path. */
    static String key(Path serverTab) throws IOException {
        Path real = serverTab.toAbsolutePath().getParent().toRealPath();
        StringBuilder readable = new StringBuilder();
        int parts = real.getNameCount();
        for (int i = Math.max(0, parts - 2); i < parts; i++) {
            if (readable.length() > 0) {
                readable.append('_');
            }
            readable.append(real.getName(i).toString().replaceAll("[^A-Za-z0-9._-]", "_"));
        }
        String hash = Hashes.sha256(real.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 10);
        return (readable.length() == 0 ? "root" : readable) + "-" + hash;
    }

    /**
     * @param path the journal file; a missing file is an empty journal
     * @return the journal
     * @throws WriteException when a line cannot be read
     * @throws IOException    on read errors
     */
    public static Journal read(Path path) throws IOException {
        if (!Files.exists(path)) {
            return new Journal(path, List.of());
        }
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        Map<String, RunBuilder> runs = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            boolean ok = switch (f[0]) {
                case MAGIC -> i == 0;
                case "begin" -> (f.length == 4 || f.length == 7)
                        && runs.putIfAbsent(f[1], new RunBuilder(f[1], f[2], f[3], source(f))) == null;
                case "file" -> f.length == 6 && runs.containsKey(f[1]) && runs.get(f[1]).file(f);
                case "done" -> f.length == 3 && runs.containsKey(f[1]) && runs.get(f[1]).mark(f[2], false);
                case "rollback" -> f.length == 3 && runs.containsKey(f[1]) && runs.get(f[1]).mark(f[2], true);
                case "end" -> f.length == 2 && runs.containsKey(f[1]) && runs.get(f[1]).end();
                case "rolledback" -> f.length == 2 && runs.containsKey(f[1]) && runs.get(f[1]).rolledBack();
                default -> false;
            };
            // A torn last line (the run was killed while appending) is ignored; the record it announced never
            // happened, since every step waits for its record to be on disk.
            if (!ok && !(i == lines.size() - 1 && !endsWithNewline(path))) {
                throw new WriteException(path, MigrationText.of("journal.bad", i + 1), null);
            }
        }
        List<Run> out = new ArrayList<>();
        runs.values().forEach(b -> out.add(b.build()));
        return new Journal(path, out);
    }

    private static Optional<SourceVersion> source(String[] f) {
        if (f.length < 7) {
            return Optional.empty();
        }
        try {
            XMailVersion earliest = XMailVersion.parse(f[4]);
            XMailVersion latest = XMailVersion.parse(f[5]);
            boolean given = f[6].equals("given");
            return Optional.of(given && earliest.equals(latest) ? SourceVersion.given(earliest)
                    : new SourceVersion(earliest, latest, List.of(), false));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param source a source version
     * @return the fields a {@code begin} record stores for it
     */
    static String[] fields(SourceVersion source) {
        return new String[] {versionText(source.earliest()), versionText(source.latest()),
                source.given() ? "given" : "inferred"};
    }

    /** {@link XMailVersion#EARLIEST} prints as {@code pre-0.50}, which is not parseable; store it as 0.0. */
    private static String versionText(XMailVersion v) {
        return v.equals(XMailVersion.EARLIEST) ? "0.0" : v.toString();
    }

    private static boolean endsWithNewline(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return true;
            }
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, size - 1);
            return b.get(0) == '\n';
        }
    }

    /** @return the journal file */
    public Path path() {
        return path;
    }

    /** @return every run, oldest first */
    public List<Run> runs() {
        return runs;
    }

    /** @return the last run if it never reached its end (the process was killed or failed) */
    public Optional<Run> unfinished() {
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        Run last = runs.get(runs.size() - 1);
        return last.ended() || last.rolledBack() ? Optional.empty() : Optional.of(last);
    }

    /** @return the latest run that replaced a file and has not been rolled back */
    public Optional<Run> lastToRollBack() {
        for (int i = runs.size() - 1; i >= 0; i--) {
            Run r = runs.get(i);
            if (!r.rolledBack() && r.files().stream().anyMatch(f -> f.done() && !f.rolledBack())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Appends one record and flushes it to disk before returning.
     *
     * @param fields the record's fields
     * @throws IOException on failure
     */
    public void append(String... fields) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        boolean fresh = !Files.exists(path) || Files.size(path) == 0;
        StringBuilder text = new StringBuilder();
        if (fresh) {
            text.append(MAGIC).append('\t').append('1').append('\n');
        }
        for (String f : fields) {
            if (f.indexOf('\t') >= 0 || f.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("journal fields cannot hold TAB or LF: " + f);
            }
        }
        text.append(String.join("\t", fields)).append('\n');
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    private static final class RunBuilder {
        final String id;
        final String time;
        final String target;
        final Optional<SourceVersion> source;
        final Map<Integer, FileRecord> files = new LinkedHashMap<>();
        boolean ended;
        boolean rolledBack;

        RunBuilder(String id, String time, String target, Optional<SourceVersion> source) {
            this.id = id;
            this.time = time;
            this.target = target;
            this.source = source;
        }

        boolean file(String[] f) {
            files.put(files.size(), new FileRecord(f[2], f[3].toLowerCase(Locale.ROOT), f[4].toLowerCase(Locale.ROOT),
                    f[5], false, false));
            return true;
        }

        /** Marks the latest record of that file done (or rolled back). */
        boolean mark(String name, boolean rollback) {
            for (int i = files.size() - 1; i >= 0; i--) {
                FileRecord r = files.get(i);
                if (r.name().equals(name) && (rollback ? !r.rolledBack() : !r.done())) {
                    files.put(i, new FileRecord(r.name(), r.oldHash(), r.newHash(), r.backup(),
                            r.done() || !rollback, r.rolledBack() || rollback));
                    return true;
                }
            }
            return rollback; // a rollback record for a file never marked done is harmless
        }

        boolean end() {
            ended = true;
            return true;
        }

        boolean rolledBack() {
            rolledBack = true;
            return true;
        }

        Run build() {
            return new Run(id, time, target, source, new ArrayList<>(files.values()), ended, rolledBack);
        }
    }
}
