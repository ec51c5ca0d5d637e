package org.xmailkit.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.xmailkit.model.ctrl.CtrlException;
import org.xmailkit.model.ctrl.Origins;
import org.xmailkit.model.fs.ReadPolicy;
import org.xmailkit.model.fs.SafeReader;

/**
 * An XMail MailRoot: a directory holding {@code server.tab}, with lazy access to the files around it; or a bare
 * {@code server.tab} given on its own, where the other files are unknown. server.tab is read when the MailRoot is
 * opened; other files are read on first use, and a file that exists but cannot be read is remembered as a read
 * error rather than thrown. Every file is read through one {@link SafeReader} bounded by the MailRoot: nothing
 * outside it is read, even through a symbolic link, and no FIFO or device is opened.
 */
public final class MailRoot {

    /** The TLS certificate (chain) XMail presents, leaf first. */
    public static final String SERVER_CERT = "server.cert";
    /** The TLS private key (PEM, no passphrase). */
    public static final String SERVER_KEY = "server.key";
    /** The CA bundle used when SSLUseCertsFile is on. */
    public static final String CERTS_PEM = "certs.pem";
    /** The hashed CA directory used when SSLUseCertsDir is on. */
    public static final String CERTS_DIR = "certs";

    /** Paths whose kind is remembered at most, so that a directory of many files keeps memory bounded. */
    private static final int KINDS_KEPT = 256;

    private final Path directory;
    private final Path serverTabPath;
    private final boolean bare;
    private final ServerTab serverTab;
    private final SafeReader reader;
    private final Map<MailRootFile, Optional<TabFile>> files = new EnumMap<>(MailRootFile.class);
    /** Read errors by file, shared with the {@link #withContent} copies (their other files are the same). */
    private final Map<Path, InputException> readErrors;

    private final Map<MailRootFile, byte[]> replaced;
    /** The MailRoot opened from disk that this one is a {@link #withContent} copy of; null for that one itself. */
    private final MailRoot origin;
    /** Its secrets, collected once by {@link Secrets#of(MailRoot)}. */
    volatile Secrets secrets;
    /** The directory's names (see {@link #listed}), on the origin only; read once. */
    private Set<String> names;

    private boolean listing;
    /** What is at the paths asked about (see {@link #kind}), on the origin only; at most {@link #KINDS_KEPT}. */
    private final Map<Path, SafeReader.Kind> kinds = new ConcurrentHashMap<>(64);
    /** The same for names directly in the MailRoot directory, by name. */
    private final Map<String, SafeReader.Kind> named = new ConcurrentHashMap<>(64);

    private volatile Path absolute;

    private MailRoot(Path directory, Path serverTabPath, boolean bare, ServerTab serverTab, SafeReader reader) {
        this(directory, serverTabPath, bare, serverTab, reader, Map.of(), null, new LinkedHashMap<>());
    }

    private MailRoot(
            Path directory,
            Path serverTabPath,
            boolean bare,
            ServerTab serverTab,
            SafeReader reader,
            Map<MailRootFile, byte[]> replaced,
            MailRoot origin,
            Map<Path, InputException> readErrors) {
        this.directory = directory;
        this.serverTabPath = serverTabPath;
        this.bare = bare;
        this.serverTab = serverTab;
        this.reader = reader;
        this.replaced = replaced;
        this.origin = origin;
        this.readErrors = readErrors;
    }

    /**
     * @param path a MailRoot directory, or a server.tab file (any name) to audit on its own
     * @return the MailRoot
     * @throws InputException when the path is missing, is a directory without server.tab, or server.tab cannot be
     *                        read (a link leaving the MailRoot, a special file or over the bounds included), or
     *                        it stands for a remote MailRoot that could not be copied (see {@link Origins})
     */
    public static MailRoot open(Path path) throws InputException {
        Objects.requireNonNull(path, "path");
        Optional<CtrlException> remote = Origins.of(path).flatMap(Origins.Origin::failure);
        if (remote.isPresent()) {
            throw new InputException(path, remote.get()); // a remote MailRoot whose copy could not be made
        }
        // The path itself is the user's to name, through links if they like; nothing below it leaves it.
        BasicFileAttributes given;
        try {
            given = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new InputException(path, 0, InputException.Reason.MISSING);
        }
        if (given.isDirectory()) {
            Path tab = path.resolve(MailRootFile.SERVER_TAB.fileName());
            SafeReader reader = SafeReader.mailRoot(path);
            byte[] bytes;
            try {
                bytes = reader.read(tab, ReadPolicy.TEXT);
            } catch (InputException e) {
                // Missing, not a link to nothing (which the read names as such): a directory without server.tab.
                if (e.reason() == InputException.Reason.MISSING && !Files.exists(tab, LinkOption.NOFOLLOW_LINKS)) {
                    throw new InputException(path, 0, InputException.Reason.NOT_A_MAILROOT);
                }
                throw e;
            }
            return new MailRoot(path, tab, false, ServerTab.parse(bytes), reader);
        }
        Path parent = path.toAbsolutePath().getParent();
        SafeReader reader = SafeReader.mailRoot(parent);
        return new MailRoot(parent, path, true, ServerTab.parse(reader.read(path, ReadPolicy.TEXT)), reader);
    }

    /**
     * A copy of this MailRoot in which some files hold the given bytes instead of what is on disk, e.g. a migrated
     * configuration audited before it is written. Nothing is written; files not given are read from disk as usual.
     * A replaced file counts as existing, even in a bare MailRoot.
     *
     * @param content the replaced files and their bytes
     * @return the copy
     */
    public MailRoot withContent(Map<MailRootFile, byte[]> content) {
        Map<MailRootFile, byte[]> all = new EnumMap<>(MailRootFile.class);
        all.putAll(replaced);
        content.forEach((k, v) -> all.put(k, v.clone()));
        byte[] tab = all.get(MailRootFile.SERVER_TAB);
        ServerTab st = tab == null ? serverTab : ServerTab.parse(tab);
        return new MailRoot(
                directory, serverTabPath, bare, st, reader, Collections.unmodifiableMap(all), origin(), readErrors);
    }

    /**
     * The MailRoot opened from disk that this one was copied from with {@link #withContent} (copies of copies
     * included): same directory, and the same files apart from the replaced {@code .tab} files. What is read from
     * the other files, such as the TLS material, can be read once for it and shared by its copies.
     *
     * @return that MailRoot, or this one when it was opened from disk
     */
    public MailRoot origin() {
        return origin == null ? this : origin;
    }

    /** @return the MailRoot directory (for a bare server.tab, the directory it sits in) */
    public Path directory() {
        return directory;
    }

    /** @return the server.tab path */
    public Path serverTabPath() {
        return serverTabPath;
    }

    /** @return whether only server.tab was given, so the other files are unknown */
    public boolean bare() {
        return bare;
    }

    /** @return server.tab as XMail 1.27 sees it */
    public ServerTab serverTab() {
        return serverTab;
    }

    /**
     * @param kind a MailRoot file
     * @return whether it exists (always false for a bare server.tab, where the other files are unknown)
     */
    public boolean exists(MailRootFile kind) {
        if (kind == MailRootFile.SERVER_TAB || replaced.containsKey(kind)) {
            return true;
        }
        if (bare) {
            return false;
        }
        String name = kind.fileName();
        return (flat(name) ? named(name, null) : kind(directory.resolve(name))) != SafeReader.Kind.MISSING;
    }

    /**
     * @param kind a MailRoot file
     * @return the parsed file; empty when it is missing, when the MailRoot is bare, or when it could not be read
     *         (see {@link #readErrors()})
     */
    public synchronized Optional<TabFile> file(MailRootFile kind) {
        if (kind == MailRootFile.SERVER_TAB) {
            return Optional.of(new TabFile(kind, serverTabPath, serverTab.document(), serverTab.charset()));
        }
        return files.computeIfAbsent(kind, k -> {
            if (!exists(k)) {
                return Optional.empty();
            }
            Path p = directory.resolve(k.fileName());
            byte[] given = replaced.get(k);
            if (given != null) {
                return Optional.of(TabFile.parse(k, p, given));
            }
            try {
                return Optional.of(TabFile.parse(k, p, read(p, ReadPolicy.TEXT)));
            } catch (InputException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Reads a file of the MailRoot (or anything below it) through the MailRoot's {@link SafeReader}. A failure other
     * than a missing file is also remembered as a read error of the MailRoot.
     *
     * @param file   a file under the MailRoot
     * @param policy the bounds for this kind of file
     * @return its bytes
     * @throws InputException when it cannot be read within the policy
     */
    public byte[] read(Path file, ReadPolicy policy) throws InputException {
        try {
            return reader.read(file, policy);
        } catch (InputException e) {
            if (e.reason() != InputException.Reason.MISSING) {
                recordReadError(e);
            }
            throw e;
        }
    }

    /**
     * Lists a directory of the MailRoot without opening anything in it. A failure other than a missing directory is
     * also remembered as a read error.
     *
     * @param dir  a directory under the MailRoot
     * @param glob which names, {@code *} for all
     * @param max  at most this many entries
     * @return the entries, in name order
     * @throws InputException when it cannot be listed
     */
    public List<Path> list(Path dir, String glob, int max) throws InputException {
        try {
            return reader.list(dir, glob, max);
        } catch (InputException e) {
            if (e.reason() != InputException.Reason.MISSING) {
                recordReadError(e);
            }
            throw e;
        }
    }

    /**
     * @param path a path under the MailRoot
     * @return what is there, seen without opening it or following a link out of the MailRoot
     */
    public SafeReader.Kind kind(Path path) {
        // Rules ask about the same few files again and again: each path is looked at once per MailRoot, as its
        // listing is read once. What is read is still checked again by the reader when it is read.
        String name = bare ? null : nameIn(path);
        if (name != null) {
            return named(name, path);
        }
        Map<Path, SafeReader.Kind> seen = origin().kinds;
        SafeReader.Kind k = seen.get(path);
        if (k == null) {
            k = listed(path) ? reader.kind(path) : SafeReader.Kind.MISSING;
            if (seen.size() < KINDS_KEPT) {
                seen.put(path, k);
            }
        }
        return k;
    }

    /**
     * @param name a name directly in the MailRoot directory
     * @param path that name resolved against the directory, or null to resolve it here when needed
     * @return what is there, looked at once per MailRoot, and not at all when the listing does not hold it
     */
    private SafeReader.Kind named(String name, Path path) {
        MailRoot o = origin();
        SafeReader.Kind k = o.named.get(name);
        if (k == null) {
            Set<String> listing = o.names();
            k = listing == null || listing.contains(name.toLowerCase(Locale.ROOT))
                    ? reader.kind(path == null ? directory.resolve(name) : path)
                    : SafeReader.Kind.MISSING;
            if (o.named.size() < KINDS_KEPT) {
                o.named.put(name, k);
            }
        }
        return k;
    }

    /**
     * @param path a path
     * @return its name when it is the MailRoot directory and one name more (as resolving a name gives it), told from
     *         its text without making paths; null otherwise, also for {@code .} and {@code ..}
     */
    private String nameIn(Path path) {
        String dir = directory.toString();
        String text = path.toString();
        String separator = directory.getFileSystem().getSeparator();
        if (dir.isEmpty() || !text.startsWith(dir) || !text.startsWith(separator, dir.length())) {
            return null;
        }
        String name = text.substring(dir.length() + separator.length());
        return name.isEmpty() || name.contains(separator) || name.equals(".") || name.equals("..") ? null : name;
    }

    /**
     * Whether a path may exist: false only for a name directly in the MailRoot directory that its listing (read once,
     * when first needed) does not hold, in any case of letters; so a file that is not there costs no look-up. The
     * listing only rules names out: what it holds is still looked at through the reader.
     */
    private boolean listed(Path path) {
        if (bare) {
            return true;
        }
        // Paths are made by resolving a name against the directory: compared as made, normalized only otherwise.
        Path name = directory.equals(path.getParent()) ? path.getFileName() : null;
        if (name == null || name.toString().equals(".") || name.toString().equals("..")) {
            Path abs = path.toAbsolutePath().normalize();
            if (!absoluteDirectory().equals(abs.getParent())) {
                return true;
            }
            name = abs.getFileName();
        }
        Set<String> names = origin().names();
        return names == null || names.contains(name.toString().toLowerCase(Locale.ROOT));
    }

    private Path absoluteDirectory() {
        Path d = absolute;
        if (d == null) {
            d = directory.toAbsolutePath().normalize();
            absolute = d;
        }
        return d;
    }

    /** The names in the MailRoot directory, lower-cased; null when it cannot be listed (every name is then asked). */
    private synchronized Set<String> names() {
        if (!listing) {
            listing = true;
            try {
                Set<String> n = new HashSet<>();
                for (Path p : reader.list(directory, "*", SafeReader.MAX_ENTRIES)) {
                    n.add(p.getFileName().toString().toLowerCase(Locale.ROOT));
                }
                // A directory with more entries than are listed may hold a name the listing missed.
                names = n.size() < SafeReader.MAX_ENTRIES ? n : null;
            } catch (InputException e) {
                names = null;
            }
        }
        return names;
    }

    /**
     * Remembers a file the audit needed but could not read (e.g. a program of the install directory), so that every
     * output names it and the run counts as incomplete.
     *
     * @param e the error
     */
    public void recordReadError(InputException e) {
        synchronized (origin()) {
            readErrors.putIfAbsent(e.path().toAbsolutePath().normalize(), e);
        }
    }

    /**
     * @param relative a path under the MailRoot, e.g. {@code server.cert}
     * @return the path if something is there, even a link leading out of the MailRoot or a special file, which
     *         {@link #read} then refuses (never for a bare server.tab)
     */
    public Optional<Path> path(String relative) {
        if (bare) {
            return Optional.empty();
        }
        Path p = directory.resolve(relative);
        return (flat(relative) ? named(relative, p) : kind(p)) != SafeReader.Kind.MISSING
                ? Optional.of(p)
                : Optional.empty();
    }

    /**
     * @param relative a path under the MailRoot, as given
     * @return whether it names an entry directly in the MailRoot directory, which is then looked up by that name
     *         ({@link #named}) rather than told from the resolved path
     */
    private static boolean flat(String relative) {
        return relative.indexOf('/') < 0
                && relative.indexOf('\\') < 0
                && !relative.isEmpty()
                && !relative.equals(".")
                && !relative.equals("..");
    }

    /** @return the server certificate file, if present */
    public Optional<Path> serverCert() {
        return path(SERVER_CERT);
    }

    /** @return the server key file, if present */
    public Optional<Path> serverKey() {
        return path(SERVER_KEY);
    }

    /** @return the CA bundle, if present */
    public Optional<Path> certsPem() {
        return path(CERTS_PEM);
    }

    /** @return the CA directory, if present (a link leading out of the MailRoot included, which is not listed) */
    public Optional<Path> certsDir() {
        return path(CERTS_DIR).filter(p -> {
            SafeReader.Kind k = kind(p);
            return k == SafeReader.Kind.DIRECTORY || k == SafeReader.Kind.OUTSIDE;
        });
    }

    /** @return the files that exist but could not be read, so far */
    public List<InputException> readErrors() {
        synchronized (origin()) {
            return List.copyOf(readErrors.values());
        }
    }
}
