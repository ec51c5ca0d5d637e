package org.xmailkit.model.ctrl;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How XMail 1.27 turns a file into CTRL lines and back, and how xmailkit gets a file's exact bytes from them.
 *
 * <p>{@code cfgfileget} does not send a file's bytes: MiscUtils.cpp {@code MscSendTextFile} reads it with
 * {@code fgets} into a 2048-byte buffer ({@code MscFGets(buf, 2047)}, so at most 2046 bytes a piece), strips every
 * CR and LF at the end of each piece ({@code MscGetString}), stops at a NUL byte ({@code strlen}) and sends each piece
 * as a line ending in CRLF. Line endings, a missing last line break, and where a line longer than 2046 bytes was cut
 * are lost on the way; the size that {@code filelist} gives (CTRLSvr.cpp {@code CTRLDo_filelist}, {@code stat}) is
 * what lets xmailkit get them back: {@link #rebuild} tries each way the file can have been written and keeps the one
 * that gives the same lines and the same size.
 *
 * <p>{@code cfgfileset} (CTRLSvr.cpp {@code CTRLDo_cfgfileset}, MiscUtils.cpp {@code MscRecvTextFile}) writes each
 * line it receives followed by {@code "\n"} in C text mode: LF on Unix, CRLF on Windows. Each line is read with
 * BuffSock.cpp {@code BSckGetString} into 2047 bytes: the LF must come within the first 2046, so a line sent with
 * CRLF holds at most {@link #MAX_UPLOAD_LINE} bytes. A longer line ends the upload there, and XMail installs what it
 * had received and answers {@code +00000} all the same (verified against XMail 1.27 on Linux). {@link #upload} gives
 * the lines to send only when the server will store exactly the wanted bytes.
 */
public final class CtrlText {

    /** The most bytes {@code fgets(buf, 2047)} reads at once (MiscUtils.cpp MscSendTextFile, MscGetString). */
    public static final int READ_PIECE = 2046;

    /**
     * The longest line cfgfileset stores whole when it is sent with CRLF: BSckGetString(2047) looks for the LF within
     * 2046 bytes, and the CR before it counts (BuffSock.cpp). A leading dot sent twice counts too.
     */
    public static final int MAX_UPLOAD_LINE = 2044;

    /** How a server opens files in C text mode. */
    public enum Platform {
        /** Unix: text mode changes nothing. */
        POSIX,
        /**
         * Windows: the C runtime reads CRLF as LF and stops at Ctrl-Z (0x1A) in text mode. This is the Microsoft C
         * runtime's documented behaviour, not XMail's code, and was not confirmed against a Windows XMail.
         */
        WINDOWS
    }

    /** The line break a server's cfgfileset writes. */
    public enum Newline {
        LF(new byte[] {'\n'}),
        CRLF(new byte[] {'\r', '\n'});

        @SuppressWarnings("ImmutableEnumChecker") // never handed out: bytes() gives a copy
        private final byte[] bytes;

        Newline(byte[] bytes) {
            this.bytes = bytes;
        }

        /** @return the bytes of the line break */
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** A file rebuilt from cfgfileget's lines and filelist's size (a class, not a record: it holds bytes). */
    public static final class Rebuilt {
        private final byte[] bytes;
        private final boolean exact;

        /**
         * @param bytes the bytes (the closest guess when not exact)
         * @param exact whether exactly one way of writing the file gives those lines and that size
         */
        public Rebuilt(byte[] bytes, boolean exact) {
            this.bytes = bytes.clone();
            this.exact = exact;
        }

        /** @return the bytes (the closest guess when not exact) */
        public byte[] bytes() {
            return bytes.clone();
        }

        /** @return whether exactly one way of writing the file gives those lines and that size */
        public boolean exact() {
            return exact;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Rebuilt r && r.exact == exact && Arrays.equals(r.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes) * 31 + Boolean.hashCode(exact);
        }

        @Override
        public String toString() {
            return "Rebuilt[" + bytes.length + " bytes, exact=" + exact + "]";
        }
    }

    /** Why a file cannot be uploaded so that the server stores exactly its bytes. */
    public enum Refusal {
        /** An empty upload deletes the file (CTRLSvr.cpp CTRLDo_cfgfileset). */
        EMPTY,
        /** The server ends every line, the last included, with its own line break; the file does not. */
        ENDINGS,
        /** A NUL byte: XMail writes each line with {@code fprintf("%s\n")}, which stops there. */
        NUL,
        /** A line longer than {@link #MAX_UPLOAD_LINE} bytes would end the upload early. */
        LONG_LINE
    }

    /**
     * The lines to upload, or why there are none.
     *
     * @param lines   the lines, without line breaks and without dot-stuffing
     * @param refusal why the file cannot be uploaded exactly, if so
     * @param line    the 1-based line the refusal is about, or 0
     */
    public record Upload(List<byte[]> lines, Optional<Refusal> refusal, int line) {
        public Upload {
            lines = List.copyOf(lines);
        }

        static Upload refused(Refusal r, int line) {
            return new Upload(List.of(), Optional.of(r), line);
        }
    }

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte CTRL_Z = 0x1A;

    private CtrlText() {}

    /**
     * @param file     a file's bytes on the server
     * @param platform how the server reads it
     * @return the lines cfgfileget sends for it, without line breaks and before dot-stuffing
     */
    public static List<byte[]> served(byte[] file, Platform platform) {
        byte[] src = platform == Platform.WINDOWS ? textMode(file) : file;
        List<byte[]> out = new ArrayList<>();
        int pos = 0;
        while (pos < src.length) {
            int limit = Math.min(src.length, pos + READ_PIECE);
            int end = pos;
            while (end < limit) {
                if (src[end++] == LF) {
                    break;
                }
            }
            int stop = pos;
            while (stop < end && src[stop] != 0) {
                stop++;
            }
            while (stop > pos && (src[stop - 1] == LF || src[stop - 1] == CR)) {
                stop--;
            }
            out.add(Arrays.copyOfRange(src, pos, stop));
            pos = end;
        }
        return out;
    }

    /** What the Microsoft C runtime's text mode gives a reader: CRLF as LF, nothing after Ctrl-Z. */
    private static byte[] textMode(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
        for (int i = 0; i < file.length; i++) {
            byte b = file[i];
            if (b == CTRL_Z) {
                break;
            }
            if (b == CR && i + 1 < file.length && file[i + 1] == LF) {
                continue;
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    /**
     * Rebuilds a file from what cfgfileget sent and the size filelist gave: each platform, line break and with or
     * without a last line break is tried; the result is exact when the candidates that give the same lines and the
     * same size are one and the same file.
     *
     * @param lines the lines received (dot-stuffing removed)
     * @param size  the file's size
     * @return the file
     */
    public static Rebuilt rebuild(List<byte[]> lines, long size) {
        List<byte[]> matches = candidates(lines, size);
        if (matches.size() == 1) {
            return new Rebuilt(matches.get(0), true);
        }
        return new Rebuilt(matches.isEmpty() ? closest(lines, size) : matches.get(0), false);
    }

    /**
     * @param lines the lines received (dot-stuffing removed)
     * @param size  the file's size
     * @return every distinct file, with one kind of line break throughout, that gives these lines and this size on
     *         some platform: one when the file is known exactly; two for instance for a file of two lines, which may
     *         end in LF or be CRLF without a final line break
     */
    public static List<byte[]> candidates(List<byte[]> lines, long size) {
        List<byte[]> matches = new ArrayList<>();
        for (Platform p : Platform.values()) {
            for (Newline n : Newline.values()) {
                for (boolean last : new boolean[] {true, false}) {
                    byte[] c = candidate(lines, p, n, last);
                    if (c.length == size
                            && equalLines(served(c, p), lines)
                            && matches.stream().noneMatch(m -> Arrays.equals(m, c))) {
                        matches.add(c);
                    }
                }
            }
        }
        return matches;
    }

    /** The candidate closest in size among those that give the same lines (any, if none does). */
    private static byte[] closest(List<byte[]> lines, long size) {
        byte[] closest = null;
        long closestDistance = Long.MAX_VALUE;
        for (Platform p : Platform.values()) {
            for (Newline n : Newline.values()) {
                for (boolean last : new boolean[] {true, false}) {
                    byte[] c = candidate(lines, p, n, last);
                    long distance =
                            Math.abs(c.length - size) + (equalLines(served(c, p), lines) ? 0 : Long.MAX_VALUE / 2);
                    if (distance < closestDistance) {
                        closestDistance = distance;
                        closest = c;
                    }
                }
            }
        }
        return closest;
    }

    /**
     * @param file a file's bytes
     * @return CRLF when its first line break is CRLF, LF when it is LF, empty without line breaks
     */
    public static Optional<Newline> firstBreak(byte[] file) {
        for (int i = 0; i < file.length; i++) {
            if (file[i] == LF) {
                return Optional.of(i > 0 && file[i - 1] == CR ? Newline.CRLF : Newline.LF);
            }
        }
        return Optional.empty();
    }

    /** The file that, written with this line break, gives these lines on this platform. */
    private static byte[] candidate(List<byte[]> lines, Platform p, Newline n, boolean lastBreak) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean ended = false;
        for (int i = 0; i < lines.size(); i++) {
            byte[] w = lines.get(i);
            out.writeBytes(w);
            if (w.length == READ_PIECE) {
                ended = false; // a full piece: the line goes on in the next one
                continue;
            }
            if (p == Platform.POSIX
                    && n == Newline.CRLF
                    && w.length == READ_PIECE - 1
                    && i + 1 < lines.size()
                    && lines.get(i + 1).length == 0) {
                i++; // the piece ended between CR and LF, and the LF came as an empty line
            }
            out.writeBytes(n.bytes);
            ended = true;
        }
        byte[] c = out.toByteArray();
        if (!lastBreak && ended) {
            return Arrays.copyOf(c, c.length - n.bytes.length);
        }
        return c;
    }

    /**
     * @param lines  lines received
     * @param size   the size filelist gave
     * @param file   bytes
     * @return whether a server holding these bytes sends these lines and gives this size, on either platform
     */
    public static boolean holds(List<byte[]> lines, long size, byte[] file) {
        if (size != file.length) {
            return false;
        }
        for (Platform p : Platform.values()) {
            if (equalLines(served(file, p), lines)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param file    the bytes wanted on the server
     * @param newline the line break the server's cfgfileset writes
     * @return the lines whose upload stores exactly these bytes, or why there are none
     */
    public static Upload upload(byte[] file, Newline newline) {
        if (file.length == 0) {
            return Upload.refused(Refusal.EMPTY, 0);
        }
        byte[] nl = newline.bytes;
        if (!endsWith(file, file.length, nl)) {
            return Upload.refused(Refusal.ENDINGS, count(file) + 1);
        }
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        int number = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] != LF) {
                continue;
            }
            number++;
            if (!endsWith(file, i + 1, nl)) {
                return Upload.refused(Refusal.ENDINGS, number);
            }
            int end = i + 1 - nl.length;
            byte[] line = Arrays.copyOfRange(file, start, end);
            if (line.length > 0 && line[line.length - 1] == CR) {
                return Upload.refused(Refusal.ENDINGS, number); // XMail strips every CR before the LF
            }
            for (byte b : line) {
                if (b == 0) {
                    return Upload.refused(Refusal.NUL, number);
                }
            }
            int sent = line.length + (line.length > 0 && line[0] == '.' ? 1 : 0);
            if (sent > MAX_UPLOAD_LINE) {
                return Upload.refused(Refusal.LONG_LINE, number);
            }
            lines.add(line);
            start = i + 1;
        }
        return new Upload(lines, Optional.empty(), 0);
    }

    /**
     * @param lines   lines as sent
     * @param newline the server's line break
     * @return what cfgfileset stores for them
     */
    public static byte[] stored(List<byte[]> lines, Newline newline) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.writeBytes(l);
            out.writeBytes(newline.bytes);
        }
        return out.toByteArray();
    }

    private static boolean endsWith(byte[] b, int end, byte[] suffix) {
        if (end < suffix.length) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (b[end - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int count(byte[] b) {
        int n = 0;
        for (byte x : b) {
            if (x == LF) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param a lines
     * @param b lines
     * @return whether they hold the same bytes
     */
    public static boolean equalLines(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
