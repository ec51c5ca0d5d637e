package org.xmailkit.model;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.model.ctrl.CtrlException;
import org.xmailkit.model.ctrl.Origins;

/**
 * An XMail MailRoot: a directory holding {@code server.tab}, with lazy access to the files around it; or a bare
 * {@code server.tab} given on its own, where the other files are unknown. server.tab is read when the MailRoot is
 * opened; other files are read on first use, and a file that exists but cannot be read is remembered as a read
 * error rather than thrown.
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

    private final Path directory;
    private final Path serverTabPath;
    private final boolean bare;
    private final ServerTab serverTab;
    private final Map<MailRootFile, Optional<TabFile>> files = new EnumMap<>(MailRootFile.class);
    private final List<InputException> readErrors = new ArrayList<>();
    private final Map<MailRootFile, byte[]> replaced;
    /** The MailRoot opened from disk that this one is a {@link #withContent} copy of; null for that one itself. */
    private final MailRoot origin;

    private MailRoot(Path directory, Path serverTabPath, boolean bare, ServerTab serverTab) {
        this(directory, serverTabPath, bare, serverTab, Map.of(), null);
    }

    private MailRoot(Path directory, Path serverTabPath, boolean bare, ServerTab serverTab,
                     Map<MailRootFile, byte[]> replaced, MailRoot origin) {
        this.directory = directory;
        this.serverTabPath = serverTabPath;
        this.bare = bare;
        this.serverTab = serverTab;
        this.replaced = replaced;
        this.origin = origin;
    }

    /**
     * @param path a MailRoot directory, or a server.tab file (any name) to audit on its own
     * @return the MailRoot
     * @throws InputException when the path is missing, is a directory without server.tab, or server.tab cannot be
     *                        read, or it stands for a remote MailRoot that could not be copied (see {@link Origins})
     */
    public static MailRoot open(Path path) throws InputException {
        Objects.requireNonNull(path, "path");
        Optional<CtrlException> remote = Origins.of(path).flatMap(Origins.Origin::failure);
        if (remote.isPresent()) {
            throw new InputException(path, remote.get()); // a remote MailRoot whose copy could not be made
        }
        if (!Files.exists(path)) {
            throw new InputException(path, 0, InputException.Reason.MISSING);
        }
        if (Files.isDirectory(path)) {
            Path tab = path.resolve(MailRootFile.SERVER_TAB.fileName());
            if (!Files.exists(tab, LinkOption.NOFOLLOW_LINKS)) {
                throw new InputException(path, 0, InputException.Reason.NOT_A_MAILROOT);
            }
            return new MailRoot(path, tab, false, ServerTab.parse(FileInput.read(tab)));
        }
        Path parent = path.toAbsolutePath().getParent();
        return new MailRoot(parent, path, true, ServerTab.parse(FileInput.read(path)));
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
        return new MailRoot(directory, serverTabPath, bare, st, Collections.unmodifiableMap(all), origin());
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
        return !bare && Files.exists(directory.resolve(kind.fileName()));
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
                return Optional.of(TabFile.parse(k, p, FileInput.read(p)));
            } catch (InputException e) {
                readErrors.add(e);
                return Optional.empty();
            }
        });
    }

    /**
     * @param relative a path under the MailRoot, e.g. {@code server.cert}
     * @return the path if it exists (never for a bare server.tab)
     */
    public Optional<Path> path(String relative) {
        if (bare) {
            return Optional.empty();
        }
        Path p = directory.resolve(relative);
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
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

    /** @return the CA directory, if present */
    public Optional<Path> certsDir() {
        return path(CERTS_DIR).filter(Files::isDirectory);
    }

    /** @return the files that exist but could not be read, so far */
    public synchronized List<InputException> readErrors() {
        return List.copyOf(readErrors);
    }
}
