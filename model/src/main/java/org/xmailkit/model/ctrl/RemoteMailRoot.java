package org.xmailkit.model.ctrl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.Messages;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.TabRecord;

/**
 * Copies what xmailkit reads of a remote MailRoot into a local folder, over one CTRL session, with {@code filelist}
 * and {@code cfgfileget} only: the {@code .tab} files and TLS files at its top, {@code certs/}, {@code custdomains/},
 * whether {@code cmdaliases/} exists, and each account's {@code user.tab}. The copy is an ordinary MailRoot folder the
 * model reads unchanged (folders 0700, files 0600). Every name the server lists is checked before it is asked for or
 * written ({@link PrivateFiles#safeName}); counts and sizes are bounded.
 */
public final class RemoteMailRoot {

    /** The most files read from one folder (certs/, custdomains/). */
    public static final int MAX_FOLDER_FILES = 2000;
    /** The most accounts whose user.tab is read. */
    public static final int MAX_ACCOUNTS = 5000;
    /** The most bytes one copy may hold, all files together. */
    public static final long MAX_COPY_BYTES = 256L * 1024 * 1024;

    /** Files at the top of a MailRoot that xmailkit reads besides the .tab files. */
    private static final List<String> TOP_FILES =
            List.of(MailRoot.SERVER_CERT, MailRoot.SERVER_KEY, MailRoot.CERTS_PEM);

    private static final List<String> FOLDERS_READ = List.of(MailRoot.CERTS_DIR, "custdomains");
    private static final List<String> FOLDERS_SEEN = List.of("cmdaliases");
    private static final Messages MESSAGES = Messages.of("org.xmailkit.model.messages", RemoteMailRoot.class);

    /** What the user should know about a copy. */
    public enum NoteKind {
        /** A file's bytes could not be rebuilt exactly (line breaks, a NUL byte, or it changed while read). */
        INEXACT,
        /** Two ways of writing a file fit what CTRL shows, and the server's other files do not tell which it is. */
        AMBIGUOUS,
        /** A listed file could not be read. */
        UNREADABLE,
        /** A file larger than xmailkit reads was left out. */
        TOO_LARGE,
        /** Names that cannot be asked for safely were left out. */
        UNSAFE_NAMES,
        /** Only the first files or accounts were read. */
        TRUNCATED
    }

    /**
     * One thing to know about a copy.
     *
     * @param kind what
     * @param name the file or folder it is about, relative to MailRoot
     * @param args message values
     */
    public record Note(NoteKind kind, String name, List<String> args) {
        public Note {
            args = List.copyOf(args);
        }

        /**
         * @param locale the language
         * @return the note, without the file
         */
        public String message(Locale locale) {
            return MESSAGES.get(locale, "ctrl.note." + kind.name(), args.toArray());
        }
    }

    /**
     * A remote MailRoot copied into a local folder.
     *
     * @param server      {@code ctrl://user@host:port}
     * @param directory   the local folder, a MailRoot
     * @param transport   how it was read
     * @param fingerprint the server certificate's SHA-256, unless read in clear text
     * @param firstUse    whether that certificate was recorded in the known-hosts file just now
     * @param files       every file copied, relative to MailRoot, with its size on the server
     * @param notes       what the user should know
     */
    public record Snapshot(
            String server,
            Path directory,
            CtrlTransport transport,
            Optional<String> fingerprint,
            boolean firstUse,
            Map<String, Long> files,
            List<Note> notes) {
        public Snapshot {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(directory, "directory");
            files = Map.copyOf(files);
            notes = List.copyOf(notes);
        }
    }

    private final CtrlSession session;
    private final Path directory;
    private final Map<String, Long> files = new LinkedHashMap<>();
    private final List<Note> notes = new ArrayList<>();
    /** Files two ways of writing fit, with those ways; settled at the end by the server's other files. */
    private final Map<String, List<byte[]>> ambiguous = new LinkedHashMap<>();
    /** The bytes copied so far, by the sizes filelist gave. */
    private long copied;
    /** How many files known exactly end their lines with LF, and with CRLF. */
    private final Map<CtrlText.Newline, Integer> breaks = new LinkedHashMap<>();

    private RemoteMailRoot(CtrlSession session, Path directory) {
        this.session = session;
        this.directory = directory;
    }

    /**
     * @param session   a logged-in session
     * @param directory an empty or new local folder for the copy
     * @return the copy
     * @throws CtrlException when the session fails or the server has no server.tab
     * @throws IOException   when the copy cannot be written
     */
    public static Snapshot copy(CtrlSession session, Path directory) throws IOException {
        PrivateFiles.newPrivateDirectory(directory);
        RemoteMailRoot r = new RemoteMailRoot(session, directory);
        r.run();
        return new Snapshot(
                session.server(),
                directory,
                session.transport(),
                session.fingerprint(),
                session.firstUse(),
                r.files,
                r.notes);
    }

    private void run() throws IOException {
        Map<String, Long> top = listing(".");
        if (!top.containsKey(MailRootFile.SERVER_TAB.fileName())) {
            throw new CtrlException(session.server(), CtrlException.Kind.NO_SERVER_TAB);
        }
        for (MailRootFile f : MailRootFile.values()) {
            fetchIfListed(top, "", f.fileName());
        }
        for (String name : TOP_FILES) {
            fetchIfListed(top, "", name);
        }
        for (String folder : FOLDERS_READ) {
            Optional<Map<String, Long>> entries = folder(folder);
            if (entries.isEmpty()) {
                continue;
            }
            PrivateFiles.directory(directory, folder);
            int n = 0;
            for (String name : entries.get().keySet()) {
                if (n++ >= MAX_FOLDER_FILES) {
                    notes.add(new Note(NoteKind.TRUNCATED, folder, List.of(Integer.toString(MAX_FOLDER_FILES))));
                    break;
                }
                fetchIfListed(entries.get(), folder + "/", name);
            }
        }
        for (String folder : FOLDERS_SEEN) {
            if (folder(folder).isPresent()) {
                PrivateFiles.directory(directory, folder);
            }
        }
        userTabs();
        settle();
    }

    /**
     * A file that fits two ways of writing (two lines: LF with a final line break, or CRLF without) takes the line
     * break of the server's files that are known exactly; when they do not agree, or there are none, it is noted as
     * not exact.
     */
    private void settle() throws IOException {
        int lf = breaks.getOrDefault(CtrlText.Newline.LF, 0);
        int crlf = breaks.getOrDefault(CtrlText.Newline.CRLF, 0);
        Optional<CtrlText.Newline> usual = lf > 0 && crlf == 0
                ? Optional.of(CtrlText.Newline.LF)
                : crlf > 0 && lf == 0 ? Optional.of(CtrlText.Newline.CRLF) : Optional.empty();
        for (Map.Entry<String, List<byte[]>> e : ambiguous.entrySet()) {
            List<byte[]> fitting = e.getValue().stream()
                    .filter(c -> usual.isPresent() && CtrlText.firstBreak(c).equals(usual))
                    .toList();
            if (fitting.size() == 1) {
                PrivateFiles.writePrivate(directory, e.getKey(), fitting.get(0));
            } else {
                notes.add(new Note(
                        NoteKind.AMBIGUOUS,
                        e.getKey(),
                        List.of(CtrlText.firstBreak(e.getValue().get(0))
                                .map(Enum::name)
                                .orElse("-"))));
            }
        }
    }

    /**
     * Each account's user.tab, where the audit looks for it: {@code domains/DOMAIN/DIR/user.tab}, DOMAIN as written
     * or in lower case.
     */
    private void userTabs() throws IOException {
        Path users = directory.resolve(MailRootFile.MAIL_USERS.fileName());
        if (!files.containsKey(MailRootFile.MAIL_USERS.fileName())) {
            return;
        }
        TabFile tab = TabFile.parse(
                MailRootFile.MAIL_USERS,
                users,
                PrivateFiles.readCopied(directory, MailRootFile.MAIL_USERS.fileName(), CtrlSession.MAX_FILE_BYTES));
        Set<String> folders = new LinkedHashSet<>();
        int unsafe = 0;
        for (TabRecord r : tab.document().dataRecords()) {
            if (r.size() < MailRootFile.MAIL_USERS.minColumns()) {
                continue;
            }
            String domain = r.value(0);
            String dir = r.value(4);
            for (String d : List.of(domain, domain.toLowerCase(Locale.ROOT))) {
                String folder = "domains/" + d + "/" + dir;
                if (PrivateFiles.safeName(folder + "/user.tab")) {
                    folders.add(folder);
                } else {
                    unsafe++;
                }
            }
        }
        if (unsafe > 0) {
            notes.add(new Note(NoteKind.UNSAFE_NAMES, "domains", List.of(Integer.toString(unsafe))));
        }
        int n = 0;
        for (String folder : folders) {
            if (n++ >= MAX_ACCOUNTS) {
                notes.add(new Note(NoteKind.TRUNCATED, "domains", List.of(Integer.toString(MAX_ACCOUNTS))));
                break;
            }
            Optional<Map<String, Long>> entries = folder(folder, "user.tab");
            if (entries.isPresent()) {
                fetchIfListed(entries.get(), folder + "/", "user.tab");
            }
        }
    }

    /** @return the folder's files by name (unsafe names left out and counted), or empty when it does not exist */
    private Optional<Map<String, Long>> folder(String folder) throws CtrlException {
        return folder(folder, "*");
    }

    private Optional<Map<String, Long>> folder(String folder, String pattern) throws CtrlException {
        try {
            return Optional.of(listing(folder, pattern));
        } catch (CtrlException e) {
            if (e.kind() == CtrlException.Kind.COMMAND && e.code() == LISTDIR_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** XMail's ERR_LISTDIR_NOT_FOUND, the answer to filelist of a folder that does not exist (verified: -00211). */
    private static final int LISTDIR_NOT_FOUND = 211;
    /** XMail's ERR_FILE_OPEN, the answer to cfgfileget of a file that cannot be opened (verified: -00019). */
    private static final int FILE_OPEN = 19;

    private Map<String, Long> listing(String folder) throws CtrlException {
        return listing(folder, "*");
    }

    private Map<String, Long> listing(String folder, String pattern) throws CtrlException {
        Map<String, Long> out = new LinkedHashMap<>();
        int unsafe = 0;
        for (CtrlSession.Entry e : session.list(folder, pattern)) {
            String rel = folder.equals(".") ? e.name() : folder + "/" + e.name();
            if (PrivateFiles.safeName(rel) && e.name().indexOf('/') < 0) {
                out.put(e.name(), e.size());
            } else {
                unsafe++;
            }
        }
        if (unsafe > 0) {
            notes.add(new Note(NoteKind.UNSAFE_NAMES, folder, List.of(Integer.toString(unsafe))));
        }
        return out;
    }

    private void fetchIfListed(Map<String, Long> listing, String prefix, String name) throws IOException {
        Long size = listing.get(name);
        if (size == null) {
            return;
        }
        String rel = prefix + name;
        if (size > CtrlSession.MAX_FILE_BYTES) {
            notes.add(new Note(NoteKind.TOO_LARGE, rel, List.of(Long.toString(size))));
            return;
        }
        copied += size;
        if (copied > MAX_COPY_BYTES) {
            throw new CtrlException(
                    session.server(), CtrlException.Kind.LIMIT, "filelist", MAX_COPY_BYTES / (1024 * 1024) + " MB");
        }
        Optional<List<byte[]>> lines = fetch(rel);
        if (lines.isEmpty()) {
            return;
        }
        List<byte[]> fits = CtrlText.candidates(lines.get(), size);
        if (fits.isEmpty()) {
            // Read once more, with its size: the file may have changed between filelist and cfgfileget.
            Optional<Long> again = size(rel);
            Optional<List<byte[]>> second = again.isPresent() ? fetch(rel) : Optional.empty();
            if (second.isPresent()) {
                size = again.get();
                lines = second;
                fits = CtrlText.candidates(lines.get(), size);
            }
        }
        byte[] bytes;
        if (fits.size() == 1) {
            bytes = fits.get(0);
            CtrlText.firstBreak(bytes).ifPresent(n -> breaks.merge(n, 1, Integer::sum));
        } else if (fits.size() > 1) {
            bytes = fits.get(0);
            ambiguous.put(rel, fits);
        } else {
            bytes = CtrlText.rebuild(lines.get(), size).bytes();
            notes.add(new Note(NoteKind.INEXACT, rel, List.of(Long.toString(size), Integer.toString(bytes.length))));
        }
        PrivateFiles.writePrivate(directory, rel, bytes);
        files.put(rel, size);
    }

    private Optional<List<byte[]>> fetch(String rel) throws CtrlException {
        try {
            return Optional.of(session.get(rel));
        } catch (CtrlException e) {
            if (e.kind() == CtrlException.Kind.COMMAND && e.code() == FILE_OPEN) {
                notes.add(new Note(NoteKind.UNREADABLE, rel, List.of(String.format("-%05d", e.code()))));
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<Long> size(String rel) throws CtrlException {
        int slash = rel.lastIndexOf('/');
        String folder = slash < 0 ? "." : rel.substring(0, slash);
        String name = rel.substring(slash + 1);
        return Optional.ofNullable(folder(folder, name).orElse(Map.of()).get(name));
    }

    /**
     * Fetches one file of a remote MailRoot as it is now, for comparisons before and after a write.
     *
     * @param session a logged-in session
     * @param rel     the file, relative to MailRoot (a name {@link PrivateFiles#safeName} accepts)
     * @return what the server holds: its lines and size, or empty when the file does not exist
     * @throws CtrlException when the session fails
     */
    public static Optional<Remote> current(CtrlSession session, String rel) throws CtrlException {
        if (!PrivateFiles.safeName(rel)) {
            throw new IllegalArgumentException("not a plain relative name");
        }
        int slash = rel.lastIndexOf('/');
        String folder = slash < 0 ? "." : rel.substring(0, slash);
        String name = rel.substring(slash + 1);
        Long size = null;
        try {
            for (CtrlSession.Entry e : session.list(folder, name)) {
                if (e.name().equals(name)) {
                    size = e.size();
                }
            }
        } catch (CtrlException e) {
            if (e.kind() == CtrlException.Kind.COMMAND && e.code() == LISTDIR_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        if (size == null) {
            return Optional.empty();
        }
        if (size > CtrlSession.MAX_FILE_BYTES) {
            throw new CtrlException(
                    session.server(),
                    CtrlException.Kind.LIMIT,
                    "filelist " + rel,
                    Long.toString(CtrlSession.MAX_FILE_BYTES));
        }
        return Optional.of(new Remote(session.get(rel), size));
    }

    /**
     * A remote file as the protocol shows it.
     *
     * @param lines its lines (see {@link CtrlText#served})
     * @param size  its size
     */
    public record Remote(List<byte[]> lines, long size) {
        public Remote {
            lines = List.copyOf(lines);
        }

        /**
         * @param bytes a file's bytes
         * @return whether the server holds exactly these bytes, as far as lines and size show
         */
        public boolean holds(byte[] bytes) {
            return CtrlText.holds(lines, size, bytes);
        }
    }
}
