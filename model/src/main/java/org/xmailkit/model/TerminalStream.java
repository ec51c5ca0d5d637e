package org.xmailkit.model;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * A print stream for text read by people, on a terminal or in a file: everything printed goes through
 * {@link Printable#of(String)}, so no control character from a MailRoot, a path or an error message reaches the
 * terminal; line breaks come only from {@code println}. A caller that means to send control characters of its own
 * (colours, a progress line's carriage return) says so with {@link #raw(String)}.
 */
public final class TerminalStream extends PrintStream {

    /**
     * @param out     the bytes
     * @param charset the text encoding
     * @param flush   whether every {@code println} flushes
     */
    public TerminalStream(OutputStream out, Charset charset, boolean flush) {
        super(out, flush, charset);
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
        super.print(Printable.of(s));
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
}
