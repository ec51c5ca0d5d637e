package org.xmailkit.model.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.xmailkit.model.InputException;

/**
 * The one way xmailkit opens a file for reading. Every file is treated as written by someone else: it is read only
 * when it is a regular file whose real location lies inside a boundary directory (a MailRoot, or the directory a
 * file named on the command line sits in); a symbolic link is followed only when its target stays inside, otherwise
 * the file is refused as "link leaves the MailRoot" and nothing of it is read. FIFOs, devices and sockets are
 * recognised from their attributes, read without following links, and refused without being opened, so none can
 * block the run. Sizes and line counts are bounded by a {@link ReadPolicy}.
 *
 * <p>What remains: a file swapped for a FIFO between the check and the open would still block the open (Java
 * offers no non-blocking open); a swap is detected after the read by comparing the file's identity, and its content
 * is then refused.
 */
public final class SafeReader {

    /** At most this many entries of one directory are listed. */
    public static final int MAX_ENTRIES = 100_000;

    /** What a boundary is, for the message of a link that leaves it. */
    public enum Scope {
        /** A MailRoot: "link leaves the MailRoot". */
        MAILROOT,
        /** Any other directory, named in the message. */
        DIRECTORY
    }

    /** What is at a path, seen without opening it. */
    public enum Kind {
        /** Nothing (or a link to nothing). */
        MISSING,
        /** A regular file inside the boundary. */
        FILE,
        /** A directory inside the boundary. */
        DIRECTORY,
        /** A FIFO, device or socket inside the boundary. */
        SPECIAL,
        /** A link (or a path through a link) that leads out of the boundary. */
        OUTSIDE,
        /** Something whose attributes cannot be read (permissions, a loop of links). */
        UNKNOWN
    }

    private final Path boundary;
    private final Scope scope;
    private volatile Path realBoundary;

    private SafeReader(Path boundary, Scope scope) {
        this.boundary =
                Objects.requireNonNull(boundary, "boundary").toAbsolutePath().normalize();
        this.scope = scope;
    }

    /**
     * @param dir a MailRoot directory (for a bare server.tab, the directory it sits in)
     * @return a reader that reads nothing outside it
     */
    public static SafeReader mailRoot(Path dir) {
        return new SafeReader(dir, Scope.MAILROOT);
    }

    /**
     * @param dir a directory named on the command line, such as an install directory
     * @return a reader that reads nothing outside it
     */
    public static SafeReader directory(Path dir) {
        return new SafeReader(dir, Scope.DIRECTORY);
    }

    /**
     * @param file a file named on the command line, such as a waiver file
     * @return a reader bounded by the directory the file is named in (the named file may not be a link leaving it)
     */
    public static SafeReader forFile(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return new SafeReader(abs.getParent() == null ? abs : abs.getParent(), Scope.DIRECTORY);
    }

    /** @return the boundary directory, absolute, as named (its links not resolved) */
    public Path boundary() {
        return boundary;
    }

    /**
     * @param path a path
     * @return what is there, without opening anything and without following a link out of the boundary
     */
    public Kind kind(Path path) {
        try {
            return located(path).kind;
        } catch (InputException e) {
            return switch (e.reason()) {
                case MISSING -> Kind.MISSING;
                case LINK_OUTSIDE -> Kind.OUTSIDE;
                default -> Kind.UNKNOWN;
            };
        }
    }

    /**
     * Reads a whole file within the bounds of a policy.
     *
     * @param file   the file
     * @param policy the bounds
     * @return its bytes
     * @throws InputException when it is missing, leaves the boundary, is not a regular file, is over a bound, is
     *                        binary where text is wanted, was replaced while being read, or cannot be read
     */
    public byte[] read(Path file, ReadPolicy policy) throws InputException {
        Located at = regularFile(file, policy);
        byte[] bytes;
        try (SeekableByteChannel ch = open(at)) {
            bytes = readBounded(ch, (int) at.attributes.size(), policy.maxBytes());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (bytes == null) {
            throw tooLarge(file, policy.maxBytes() + 1, policy);
        }
        sameFile(file, at);
        if (policy.maxLines() > 0) {
            long lines = ReadPolicy.lines(bytes);
            if (lines > policy.maxLines()) {
                throw new InputException(
                        file,
                        0,
                        InputException.Reason.TOO_MANY_LINES,
                        String.format(Locale.ROOT, "%,d", lines),
                        String.format(Locale.ROOT, "%,d", policy.maxLines()));
            }
        }
        if (policy.text() && ReadPolicy.looksBinary(bytes)) {
            throw new InputException(file, 0, InputException.Reason.BINARY);
        }
        return bytes;
    }

    /**
     * The SHA-256 of a file, read piece by piece (never held whole) within the size bound of a policy; its line
     * bound and text check do not apply.
     *
     * @param file   the file
     * @param policy the bounds
     * @return its SHA-256 in lower-case hex
     * @throws InputException as for {@link #read}
     */
    public String sha256(Path file, ReadPolicy policy) throws InputException {
        Located at = regularFile(file, policy);
        MessageDigest d = Hashes.digest();
        try (SeekableByteChannel ch = open(at)) {
            ByteBuffer buf = ByteBuffer.allocate(65536);
            long total = 0;
            for (int n; (n = ch.read(buf.clear())) >= 0; ) {
                total += n;
                if (total > policy.maxBytes()) {
                    throw tooLarge(file, total, policy);
                }
                d.update(buf.flip());
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        sameFile(file, at);
        return Hashes.hex(d);
    }

    /** Locates a file that may be read under the policy: inside, a regular file, not over the size bound. */
    private Located regularFile(Path file, ReadPolicy policy) throws InputException {
        Objects.requireNonNull(policy, "policy");
        Located at = located(file);
        switch (at.kind) {
            case DIRECTORY -> throw new InputException(file, 0, InputException.Reason.NOT_A_FILE);
            case SPECIAL -> throw new InputException(file, 0, InputException.Reason.SPECIAL_FILE);
            default -> {}
        }
        if (at.attributes.size() > policy.maxBytes()) {
            throw tooLarge(file, at.attributes.size(), policy);
        }
        return at;
    }

    /** Opens a located file's real path, never following a link that took its place since. */
    private static SeekableByteChannel open(Located at) throws IOException {
        return Files.newByteChannel(at.real, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    }

    /** What an I/O error means for a read: missing, or unreadable (with the error as its cause). */
    private static InputException unreadable(Path file, IOException e) {
        InputException x = e instanceof NoSuchFileException
                ? new InputException(file, 0, InputException.Reason.MISSING)
                : new InputException(
                        file,
                        0,
                        InputException.Reason.UNREADABLE,
                        e instanceof AccessDeniedException ? "permission denied" : reason(e));
        x.initCause(e);
        return x;
    }

    /** Refuses what was read when another file took the path's place while it was being read. */
    private static void sameFile(Path file, Located at) throws InputException {
        Object key = at.attributes.fileKey();
        if (key != null && !key.equals(attributes(file, at.real).fileKey())) {
            throw new InputException(file, 0, InputException.Reason.CHANGED);
        }
    }

    /**
     * Lists a directory inside the boundary, in name order; nothing in it is opened.
     *
     * @param dir  the directory
     * @param glob which names (as for {@link Files#newDirectoryStream(Path, String)}), {@code *} for all
     * @param max  at most this many entries (the first ones the file system gives)
     * @return the entries
     * @throws InputException when the directory is missing, leaves the boundary, is not a directory or cannot be
     *                        listed
     */
    public List<Path> list(Path dir, String glob, int max) throws InputException {
        Located at = located(dir);
        if (at.kind != Kind.DIRECTORY) {
            throw new InputException(
                    dir,
                    0,
                    at.kind == Kind.SPECIAL || at.kind == Kind.FILE
                            ? InputException.Reason.NOT_A_DIRECTORY
                            : InputException.Reason.MISSING);
        }
        List<Path> out = new ArrayList<>();
        // Listed through the path as named: its real location was checked, and entries keep the names rules show.
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
            for (Path p : s) {
                if (out.size() >= Math.min(max, MAX_ENTRIES)) {
                    break;
                }
                out.add(p);
            }
        } catch (NotDirectoryException e) {
            throw new InputException(dir, 0, InputException.Reason.MISSING);
        } catch (IOException e) {
            throw unreadable(dir, e);
        }
        out.sort(null);
        return out;
    }

    /** A path checked against the boundary: its real location, what is there and its attributes. */
    private record Located(Path real, Kind kind, BasicFileAttributes attributes) {}

    private Located located(Path path) throws InputException {
        Objects.requireNonNull(path, "path");
        BasicFileAttributes own = attributes(path, path); // missing or unreadable, before anything else
        if (!own.isSymbolicLink()) {
            // The boundary itself, or a name directly in it that is not a link: its real location is the boundary's
            // (resolved once) or a name in it, so no link needs to be resolved and nothing else asked.
            Path abs = path.toAbsolutePath().normalize();
            if (abs.equals(boundary)) {
                Path real = realBoundary(path);
                return at(real, real.equals(abs) ? own : attributes(path, real));
            }
            if (boundary.equals(abs.getParent())) {
                return at(realBoundary(path).resolve(abs.getFileName().toString()), own);
            }
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw unreadable(path, e); // missing here: a link to nothing
        }
        if (!real.startsWith(realBoundary(path))) {
            throw scope == Scope.MAILROOT
                    ? new InputException(path, 0, InputException.Reason.LINK_OUTSIDE)
                    : new InputException(path, 0, InputException.Reason.LINK_OUTSIDE, boundary.toString());
        }
        return at(real, attributes(path, real));
    }

    private static Located at(Path real, BasicFileAttributes a) {
        Kind kind = a.isRegularFile()
                ? Kind.FILE
                : a.isDirectory() ? Kind.DIRECTORY : a.isSymbolicLink() ? Kind.UNKNOWN : Kind.SPECIAL;
        return new Located(real, kind, a);
    }

    private Path realBoundary(Path shown) throws InputException {
        Path r = realBoundary;
        if (r == null) {
            try {
                r = boundary.toRealPath();
            } catch (NoSuchFileException e) {
                throw new InputException(boundary, 0, InputException.Reason.MISSING);
            } catch (IOException e) {
                throw unreadable(shown, e);
            }
            realBoundary = r;
        }
        return r;
    }

    /** The attributes of {@code at} itself, never of what it links to; errors name {@code shown}. */
    private static BasicFileAttributes attributes(Path shown, Path at) throws InputException {
        try {
            return Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw unreadable(shown, e);
        }
    }

    /**
     * Reads at most {@code max} bytes.
     *
     * @return the bytes, or null when the file holds more than {@code max} (it grew since its size was read)
     */
    private static byte[] readBounded(SeekableByteChannel ch, int expected, long max) throws IOException {
        InputStream in = Channels.newInputStream(ch);
        byte[] first = in.readNBytes(expected);
        if (first.length < expected) {
            return first; // it shrank
        }
        int next = in.read();
        if (next < 0) {
            return first; // the usual case: as long as it was
        }
        byte[] more = in.readNBytes((int) Math.min(max - expected, Integer.MAX_VALUE - 8));
        byte[] rest = new byte[more.length + 1];
        rest[0] = (byte) next;
        System.arraycopy(more, 0, rest, 1, more.length);
        if (expected + (long) rest.length > max) {
            return null;
        }
        byte[] all = new byte[expected + rest.length];
        System.arraycopy(first, 0, all, 0, expected);
        System.arraycopy(rest, 0, all, expected, rest.length);
        return all;
    }

    private static InputException tooLarge(Path file, long size, ReadPolicy policy) {
        return new InputException(
                file, 0, InputException.Reason.TOO_LARGE, megabytes(size), megabytes(policy.maxBytes()));
    }

    private static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.rint(mb) ? Long.toString((long) mb) : String.format(Locale.ROOT, "%.1f", mb);
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
