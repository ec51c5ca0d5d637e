package org.xmailkit.model;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads configuration files as bytes, refusing what cannot be an XMail configuration file. */
public final class FileInput {

    /** The largest file xmailkit reads: far above any real MailRoot file, small enough to hold in memory. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private FileInput() {
    }

    /**
     * @param path a file
     * @return its bytes
     * @throws InputException when it is missing, unreadable, a directory, too large or binary
     */
    public static byte[] read(Path path) throws InputException {
        return read(path, Files::readAllBytes);
    }

    /** How the bytes of a regular file are fetched; tests substitute failures no file system gives to root. */
    @FunctionalInterface
    interface ByteReader {
        byte[] read(Path path) throws IOException;
    }

    static byte[] read(Path path, ByteReader reader) throws InputException {
        byte[] bytes = read(path, reader, MAX_BYTES);
        if (looksBinary(bytes)) {
            throw new InputException(path, 0, InputException.Reason.BINARY);
        }
        return bytes;
    }

    /**
     * Reads a file that may legitimately hold NUL bytes (a UTF-16 registry export), with the same checks as
     * {@link #read(Path)} apart from the binary test, and a smaller bound.
     *
     * @param path     a file
     * @param maxBytes the largest size accepted
     * @return its bytes
     * @throws InputException when it is missing, unreadable, not a regular file or larger than {@code maxBytes}
     */
    public static byte[] readBytes(Path path, long maxBytes) throws InputException {
        return read(path, Files::readAllBytes, Math.min(maxBytes, MAX_BYTES));
    }

    private static byte[] read(Path path, ByteReader reader, long maxBytes) throws InputException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
            throw new InputException(path, 0, InputException.Reason.MISSING);
        }
        if (Files.isDirectory(path) || (!Files.isRegularFile(path))) {
            throw new InputException(path, 0, InputException.Reason.NOT_A_FILE);
        }
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                throw new InputException(path, 0, InputException.Reason.TOO_LARGE, megabytes(size),
                        megabytes(maxBytes));
            }
            bytes = reader.read(path);
        } catch (AccessDeniedException e) {
            throw new InputException(path, 0, InputException.Reason.UNREADABLE, "permission denied");
        } catch (NoSuchFileException e) {
            throw new InputException(path, 0, InputException.Reason.MISSING);
        } catch (IOException e) {
            throw new InputException(path, 0, InputException.Reason.UNREADABLE, String.valueOf(e.getMessage()));
        }
        return bytes;
    }

    /** Sizes in messages are whole MiB, at least 1 so that a bound under 1 MiB does not read as 0. */
    private static String megabytes(long bytes) {
        return Long.toString(Math.max(1, bytes / (1024 * 1024)));
    }

    /**
     * A file is binary when it starts like a common binary format (PNG, ZIP, gzip, PDF, ELF, Windows executable) or
     * when more than one in twenty (and at least four) of its first 8 KiB are control bytes (NUL included) other than TAB, CR, LF, FF
     * and Ctrl-Z. A text file with a stray NUL still parses, as XMail reads it, and gets a reported problem instead.
     *
     * @param bytes the file's bytes
     * @return whether the bytes are not text
     */
    public static boolean looksBinary(byte[] bytes) {
        if (startsWith(bytes, 0x89, 'P', 'N', 'G') || startsWith(bytes, 'P', 'K', 3, 4) || startsWith(bytes, 0x1F, 0x8B)
                || startsWith(bytes, '%', 'P', 'D', 'F') || startsWith(bytes, 0x7F, 'E', 'L', 'F')
                || startsWith(bytes, 'M', 'Z')) {
            return true;
        }
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\r' && b != '\n' && b != '\f' && b != 0x1A) {
                control++;
            }
        }
        // A few stray control bytes in a short file are a damaged text file, which XMail still reads.
        return control >= 4 && control * 20 > n;
    }

    private static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
