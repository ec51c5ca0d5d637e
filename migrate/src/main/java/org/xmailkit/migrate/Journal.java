package org.xmailkit.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.xmailkit.model.Localized;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.fs.Hashes;
import org.xmailkit.model.fs.SafeWriter;
import org.xmailkit.model.fs.WritePolicy;
import org.xmailkit.model.fs.WriteRefusedException;
import org.xmailkit.model.version.SourceVersion;

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
 * NAME is the file's name relative to the server's directory, BACKUP the backup's name in the journal's directory.
 *
 * <p>The journal lies where other accounts may write, so it is read as untrusted data: it must be a regular file
 * (not a link), every NAME one the migration writes ({@code server.tab} and {@code smtpfwd.tab}, or a bare file's
 * own name), every BACKUP a backup name this run would have chosen for that file, every hash a SHA-256 and every run
 * id one xmailkit makes. A journal that fails is refused as a whole, before anything is done, with a line saying how
 * to recover. Records are appended under the server's lock ({@link #lockLocation}) and a line torn by a crash is cut
 * off before the next append, so the journal always reads.
 */
public final class Journal {

    static final String MAGIC = "xmailkit-migrate-journal";
    static final String SUFFIX = ".xmailkit-journal";
    static final String LOCK_SUFFIX = ".xmailkit-lock";

    /** Far more than any real journal (a few hundred bytes per run), small enough to read at once. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final String HEADER = MAGIC + "\t1";
    private static final Pattern RUN_ID = Pattern.compile("[0-9]{8}T[0-9]{6}Z(-[0-9]{1,9})?");

    /** One file a run replaced (or was about to). */
    public record FileRecord(
            String name, String oldHash, String newHash, String backup, boolean done, boolean rolledBack) {}

    /**
     * One run over the server.
     *
     * @param source the source version the run migrated from, so that finishing it uses the same one
     */
    public record Run(
            String id,
            String time,
            String target,
            Optional<SourceVersion> source,
            List<FileRecord> files,
            boolean ended,
            boolean rolledBack) {
        public Run {
            files = List.copyOf(files);
        }
    }

    private final SafeWriter writer;
    private final Path path;
    private final List<Run> runs;

    private Journal(SafeWriter writer, Path path, List<Run> runs) {
        this.writer = writer;
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
            return serverTab.toAbsolutePath().normalize().resolveSibling(name);
        }
        return backupDir
                .get()
                .toAbsolutePath()
                .normalize()
                .resolve(key(serverTab))
                .resolve(name);
    }

    /**
     * @param journal   a journal's path
     * @param serverTab the server.tab it is for
     * @return the lock next to it
     */
    public static Path lockNextTo(Path journal, Path serverTab) {
        return journal.resolveSibling(serverTab.getFileName() + LOCK_SUFFIX);
    }

    /**
     * The lock file held while a run writes or rolls back the server: next to its journal.
     *
     * @param serverTab the server.tab path
     * @param backupDir the backup directory, if given
     * @return the lock file path
     * @throws IOException when the server.tab path cannot be resolved
     */
    public static Path lockLocation(Path serverTab, Optional<Path> backupDir) throws IOException {
        return location(serverTab, backupDir).resolveSibling(serverTab.getFileName() + LOCK_SUFFIX);
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
        return backupDir
                .toAbsolutePath()
                .normalize()
                .resolve("ctrl-" + readable + "-" + hash)
                .resolve(serverTabName + SUFFIX);
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
        String hash =
                Hashes.sha256(real.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 10);
        return (readable.length() == 0 ? "root" : readable) + "-" + hash;
    }

    /**
     * Reads and checks a journal on its own, to look at it (tools, tests); runs use {@link #read(SafeWriter, Path)}.
     *
     * @param path a journal file
     * @return the journal
     * @throws WriteException when it cannot be used
     * @throws IOException    on read errors
     */
    public static Journal read(Path path) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        return read(WritePolicy.STANDARD.writerFor(abs.getParent()), abs);
    }

    /**
     * Reads and checks a journal.
     *
     * @param writer a writer for the journal's directory (and the server's, when that is another)
     * @param path   the journal file; a missing file is an empty journal
     * @return the journal
     * @throws WriteException when it cannot be used: a link or special file, too large, or a line that xmailkit
     *                        did not write (a torn last line excepted)
     * @throws IOException    on read errors
     */
    public static Journal read(SafeWriter writer, Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = writer.readBack(path, MAX_BYTES).orElse(new byte[0]);
        } catch (WriteRefusedException e) {
            String why =
                    switch (e.reason()) {
                        case LINK -> "journal.why.link";
                        case TOO_LARGE -> "journal.why.size";
                        default -> "journal.why.special";
                    };
            Localized reason = MigrateMessages.text(why);
            throw new WriteException(
                    path, MigrateMessages.text("journal.unusable", reason, path.getFileName() + ".damaged"), e);
        }
        String tab = path.getFileName().toString();
        if (!tab.endsWith(SUFFIX)) {
            throw new IllegalArgumentException("not a journal file name: " + path);
        }
        tab = tab.substring(0, tab.length() - SUFFIX.length());
        Set<String> names = new HashSet<>();
        names.add(tab);
        if (tab.equals(MailRootFile.SERVER_TAB.fileName())) {
            ServerFiles.EDITABLE.forEach(k -> names.add(k.fileName()));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        Map<String, RunBuilder> runs = new LinkedHashMap<>();
        // The last element follows the last line feed: empty, or a line torn when a run was killed while appending
        // (ignored: the step it announced never happened, since every step waits for its record to be on disk).
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            String why = i == 0 && !line.equals(HEADER) ? "journal.why.header" : check(line, i, runs, names);
            if (why != null) {
                Localized reason = MigrateMessages.text(why);
                throw new WriteException(
                        path,
                        MigrateMessages.text("journal.bad", i + 1, reason, path.getFileName() + ".damaged"),
                        null);
            }
        }
        List<Run> out = new ArrayList<>();
        runs.values().forEach(b -> out.add(b.build()));
        return new Journal(writer, path, out);
    }

    /** @return the message key of what is wrong with a record, or null when it is one xmailkit writes */
    private static String check(String line, int index, Map<String, RunBuilder> runs, Set<String> names) {
        if (line.isEmpty() || line.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
            return "journal.why.record";
        }
        if (index == 0 || line.equals(HEADER)) {
            // A repeated header: two runs of an older version that both found the journal empty. It says nothing.
            return null;
        }
        String[] f = line.split("\t", -1);
        if (f.length < 2) {
            return "journal.why.record";
        }
        if (!RUN_ID.matcher(f[1]).matches()) {
            return "journal.why.run";
        }
        RunBuilder run = runs.get(f[1]);
        if (!f[0].equals("begin") && run == null) {
            return "journal.why.record";
        }
        switch (f[0]) {
            case "begin" -> {
                if (f.length != 4 && f.length != 7) {
                    return "journal.why.record";
                }
                if (runs.putIfAbsent(f[1], new RunBuilder(f[1], f[2], f[3], source(f))) != null) {
                    return "journal.why.twice";
                }
                return null;
            }
            case "file" -> {
                if (f.length != 6) {
                    return "journal.why.record";
                }
                if (!names.contains(f[2])) {
                    return "journal.why.name";
                }
                if (!Hashes.SHA256.matcher(f[3]).matches()
                        || !Hashes.SHA256.matcher(f[4]).matches()) {
                    return "journal.why.hash";
                }
                if (!backupName(f[2], f[1]).matcher(f[5]).matches()) {
                    return "journal.why.backup";
                }
                run.file(f);
                return null;
            }
            case "done", "rollback" -> {
                if (f.length != 3) {
                    return "journal.why.record";
                }
                if (!names.contains(f[2])) {
                    return "journal.why.name";
                }
                return run.mark(f[2], f[0].equals("rollback")) ? null : "journal.why.record";
            }
            case "end", "rolledback" -> {
                if (f.length != 2) {
                    return "journal.why.record";
                }
                if (f[0].equals("end")) {
                    run.end();
                } else {
                    run.rolledBack();
                }
                return null;
            }
            default -> {
                return "journal.why.record";
            }
        }
    }

    /**
     * The backup file names a run chooses for a file: in the journal's own directory, named after the file and the
     * run ({@code server.tab.xmailkit-20250301T100000Z.bak}, {@code -2} before {@code .bak} when taken).
     *
     * @param name the file's name relative to the server's directory
     * @param run  the run id
     * @return the pattern its backup names match
     */
    static Pattern backupName(String name, String run) {
        return Pattern.compile(Pattern.quote(backupStem(name) + ".xmailkit-" + run) + "(-[0-9]{1,9})?\\.bak");
    }

    /** The start of a file's backup name: its name with path separators turned into {@code _}. */
    static String backupStem(String name) {
        return name.replace('/', '_').replace('\\', '_');
    }

    private static Optional<SourceVersion> source(String[] f) {
        if (f.length < 7) {
            return Optional.empty();
        }
        try {
            XMailVersion earliest = XMailVersion.parse(f[4]);
            XMailVersion latest = XMailVersion.parse(f[5]);
            boolean given = f[6].equals("given");
            return Optional.of(
                    given && earliest.equals(latest)
                            ? SourceVersion.given(earliest)
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
        return new String[] {
            versionText(source.earliest()), versionText(source.latest()), source.given() ? "given" : "inferred"
        };
    }

    /** {@link XMailVersion#EARLIEST} prints as {@code pre-0.50}, which is not parseable; store it as 0.0. */
    private static String versionText(XMailVersion v) {
        return v.equals(XMailVersion.EARLIEST) ? "0.0" : v.toString();
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
     * Appends one record and flushes it to disk before returning. The caller holds the server's lock.
     *
     * @param fields the record's fields
     * @throws IOException on failure
     */
    public void append(String... fields) throws IOException {
        for (String f : fields) {
            if (f.indexOf('\t') >= 0 || f.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("journal fields cannot hold TAB or LF: " + f);
            }
        }
        writer.append(
                path,
                (HEADER + "\n").getBytes(StandardCharsets.UTF_8),
                (String.join("\t", fields) + "\n").getBytes(StandardCharsets.UTF_8));
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

        void file(String[] f) {
            files.put(files.size(), new FileRecord(f[2], f[3], f[4], f[5], false, false));
        }

        /** Marks the latest record of that file done (or rolled back). */
        boolean mark(String name, boolean rollback) {
            for (int i = files.size() - 1; i >= 0; i--) {
                FileRecord r = files.get(i);
                if (r.name().equals(name) && (rollback ? !r.rolledBack() : !r.done())) {
                    files.put(
                            i,
                            new FileRecord(
                                    r.name(),
                                    r.oldHash(),
                                    r.newHash(),
                                    r.backup(),
                                    r.done() || !rollback,
                                    r.rolledBack() || rollback));
                    return true;
                }
            }
            return rollback; // a rollback record for a file never marked done is harmless
        }

        void end() {
            ended = true;
        }

        void rolledBack() {
            rolledBack = true;
        }

        Run build() {
            return new Run(id, time, target, source, new ArrayList<>(files.values()), ended, rolledBack);
        }
    }
}
