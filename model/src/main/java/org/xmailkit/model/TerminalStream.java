package org.xmailkit.model;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A print stream for text read by people, on a terminal or in a file: everything printed goes through
 * {@link Printable#of(String)}, so no control character from a MailRoot, a path or an error message reaches the
 * terminal; line breaks come only from {@code println}. A caller that means to send control characters of its own
 * (colours, a progress line's carriage return) says so with {@link #raw(String)}.
 *
 * <p>There is no way in for text escaped elsewhere: a caller hands over the text as read, and the stream escapes it
 * exactly once. In UTF-8 (the usual case) the escaping and the encoding are one pass over the text, straight into
 * bytes; other encodings go through the print stream's own encoder.
 */
public final class TerminalStream extends PrintStream {

    private static final byte[] TAB = Printable.TAB.getBytes(StandardCharsets.US_ASCII);
    /** Bytes of plain text encoded before they are handed on (the output itself is buffered by the caller). */
    private static final int CHUNK = 1 << 12;

    /** Whether the encoding is UTF-8, where printable ASCII is its own byte. */
    private final boolean utf8;

    private final byte[] lineSeparator;
    private final byte[] chunk = new byte[CHUNK];

    /**
     * @param out     the bytes
     * @param charset the text encoding
     * @param flush   whether every {@code println} flushes
     */
    public TerminalStream(OutputStream out, Charset charset, boolean flush) {
        super(out, flush, charset);
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.lineSeparator = System.lineSeparator().getBytes(charset);
    }

    /**
     * Prints text as it is, control characters included: only for the caller's own fixed sequences, never for
     * anything read from input.
     *
     * @param controls the text
     */
    public void raw(String controls) {
        super.print(controls);
    }

    @Override
    public void print(String s) {
        print(s, false);
    }

    /**
     * Prints text escaped like {@link #print(String)}, with each TAB shown as {@link Printable#TAB}: the same as
     * printing {@link Printable#showingTabs(String)}, in one pass.
     *
     * @param s a line of a {@code .tab} file, decoded, or a text quoting one
     */
    public void printShowingTabs(String s) {
        print(s, true);
    }

    @Override
    public void print(Object obj) {
        print(String.valueOf(obj));
    }

    @Override
    public void print(char[] s) {
        print(new String(s));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }

    @Override
    public void println() {
        if (utf8) {
            write(lineSeparator, 0, lineSeparator.length);
        } else {
            super.println();
        }
    }

    @Override
    public void println(String x) {
        synchronized (this) {
            print(x);
            println();
        }
    }

    @Override
    public void println(Object x) {
        println(String.valueOf(x));
    }

    private void print(String text, boolean tabs) {
        String s = text == null ? "null" : text;
        if (!utf8) {
            super.print(tabs ? Printable.showingTabs(s) : Printable.of(s));
            return;
        }
        synchronized (this) {
            int n = s.length();
            int pos = 0;
            for (int i = 0; i < n; i++) {
                if (pos > CHUNK - TAB.length) {
                    write(chunk, 0, pos);
                    pos = 0;
                }
                char c = s.charAt(i);
                if (c >= 0x20 && c < 0x7F) {
                    chunk[pos++] = (byte) c;
                } else if (c == '\t' && tabs) {
                    System.arraycopy(TAB, 0, chunk, pos, TAB.length);
                    pos += TAB.length;
                } else if (c == '\t') {
                    chunk[pos++] = '\t';
                } else {
                    // Anything else (a control, a Japanese letter, a surrogate) starts the rest, which the escaper
                    // takes from here: what came before was printable ASCII, so no pair is cut.
                    write(chunk, 0, pos);
                    String rest = s.substring(i);
                    String shown = tabs ? Printable.showingTabs(rest) : Printable.of(rest);
                    byte[] b = shown.getBytes(StandardCharsets.UTF_8);
                    write(b, 0, b.length);
                    return;
                }
            }
            write(chunk, 0, pos);
        }
    }
}
