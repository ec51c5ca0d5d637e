package org.xmailkit.report.text;

import org.xmailkit.audit.Severity;
import org.xmailkit.model.TerminalStream;

/** The colours of the text outputs: ANSI escapes, printed raw only when asked (on a terminal); all else is escaped. */
final class Ansi {

    static final String RESET = "\u001B[0m";
    static final String DIM = "\u001B[2m";
    static final String BOLD = "\u001B[1m";

    private final boolean on;

    /** @param on whether to colour at all */
    Ansi(boolean on) {
        this.on = on;
    }

    /** @return the colour of a severity (none for info) */
    static String of(Severity s) {
        return switch (s) {
            case CRITICAL -> "\u001B[1;31m";
            case HIGH -> "\u001B[31m";
            case MEDIUM -> "\u001B[33m";
            case LOW -> "\u001B[36m";
            case INFO -> "";
        };
    }

    /** Prints text, in colour when asked: the colour's escape sequences are the only ones printed raw. */
    void paint(TerminalStream out, String code, String text) {
        if (on && !code.isEmpty()) {
            out.raw(code);
            out.print(text);
            out.raw(RESET);
        } else {
            out.print(text);
        }
    }

    void paintln(TerminalStream out, String code, String text) {
        paint(out, code, text);
        out.println();
    }

    /**
     * Prints a line, in colour when asked: a fixed prefix, then a text with each TAB shown
     * ({@link TerminalStream#printShowingTabs(String)}), e.g. a quoted line of a {@code .tab} file.
     */
    void paintlnShowingTabs(TerminalStream out, String code, String prefix, String text) {
        boolean painted = on && !code.isEmpty();
        if (painted) {
            out.raw(code);
        }
        out.print(prefix);
        out.printShowingTabs(text);
        if (painted) {
            out.raw(RESET);
        }
        out.println();
    }
}
