package org.xmailkit.model.fs;

/**
 * How much of one file xmailkit reads, by kind of file. Every file is read whole into memory, so each kind has a
 * bound far above what a real MailRoot holds and small enough that one hostile file cannot exhaust the run; a file
 * over a bound is refused with a message naming the bound, never read in part.
 *
 * @param maxBytes the largest size accepted
 * @param maxLines the most lines accepted (0: not counted, for files that are not line-oriented)
 * @param text     whether the file must be text: binary content (an image, an archive, a program) is refused
 */
public record ReadPolicy(long maxBytes, int maxLines, boolean text) {

    /**
     * MailRoot {@code .tab} files, user.tab and waiver files: at most 16 MiB and 1 000 000 lines. The largest real
     * configuration files (spammers.tab, mailusers.tab of a big site) hold tens of thousands of lines.
     */
    public static final ReadPolicy TEXT = new ReadPolicy(16L * 1024 * 1024, 1_000_000, true);

    /** Certificates, keys and CA bundles (PEM): at most 4 MiB; a public CA bundle is about 250 KiB. */
    public static final ReadPolicy PEM = new ReadPolicy(4L * 1024 * 1024, 0, false);

    /**
     * Programs and libraries of an install directory, read as bytes only to find version strings and DLL names:
     * at most 64 MiB (an OpenSSL 3 libcrypto is about 5 MiB).
     */
    public static final ReadPolicy PROGRAM = new ReadPolicy(64L * 1024 * 1024, 0, false);

    public ReadPolicy {
        if (maxBytes < 0 || maxLines < 0) {
            throw new IllegalArgumentException("bounds must not be negative");
        }
    }

    /**
     * @param bytes a file's content
     * @return its number of lines: line feeds, plus one for a last line without one
     */
    public static long lines(byte[] bytes) {
        long n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? n + 1 : n;
    }

    /**
     * A file is binary when it starts like a common binary format (PNG, ZIP, gzip, PDF, ELF, Windows executable) or
     * when more than one in twenty (and at least four) of its first 8 KiB are control bytes (NUL included) other
     * than TAB, CR, LF, FF and Ctrl-Z. A text file with a stray NUL still parses, as XMail reads it, and gets a
     * reported problem instead.
     *
     * @param bytes the file's bytes
     * @return whether the bytes are not text
     */
    public static boolean looksBinary(byte[] bytes) {
        if (startsWith(bytes, 0x89, 'P', 'N', 'G')
                || startsWith(bytes, 'P', 'K', 3, 4)
                || startsWith(bytes, 0x1F, 0x8B)
                || startsWith(bytes, '%', 'P', 'D', 'F')
                || startsWith(bytes, 0x7F, 'E', 'L', 'F')
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
