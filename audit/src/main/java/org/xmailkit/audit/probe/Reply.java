package org.xmailkit.audit.probe;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a server answered to one command: the lines as received (each cut at {@link Wire#MAX_LINE} characters), or
 * nothing because the connection ended or timed out first.
 *
 * @param lines the reply lines, without line ends; empty when there was no reply
 * @param error why there was no (complete) reply, or empty
 */
public record Reply(List<String> lines, String error) {

    public Reply {
        lines = List.copyOf(lines);
        Objects.requireNonNull(error, "error");
    }

    /**
     * @param lines the reply lines
     * @return a complete reply
     */
    public static Reply of(String... lines) {
        return new Reply(List.of(lines), "");
    }

    /**
     * @param why why nothing came
     * @return no reply
     */
    public static Reply none(String why) {
        return new Reply(List.of(), why);
    }

    /** @return whether something was answered */
    public boolean answered() {
        return !lines.isEmpty();
    }

    /** @return the SMTP reply code of the first line, or 0 when there is none */
    public int code() {
        if (lines.isEmpty()) {
            return 0;
        }
        String first = lines.get(0);
        if (first.length() < 3) {
            return 0;
        }
        for (int i = 0; i < 3; i++) {
            if (!Character.isDigit(first.charAt(i)) || first.charAt(i) > '9') {
                return 0;
            }
        }
        return Integer.parseInt(first.substring(0, 3));
    }

    /** @return whether an SMTP reply is positive (2xx) */
    public boolean positive() {
        return code() >= 200 && code() < 300;
    }

    /** @return whether a POP3 or CTRL reply starts with {@code +} */
    public boolean ok() {
        return !lines.isEmpty() && lines.get(0).startsWith("+");
    }

    /** @return the first line, or empty */
    public String first() {
        return lines.isEmpty() ? "" : lines.get(0);
    }

    /** @return the lines joined with " | ", or the error in parentheses when there was no reply */
    public String text() {
        return lines.isEmpty() ? "(" + error + ")" : String.join(" | ", lines);
    }

    /**
     * @param f applied to every text of the reply
     * @return the reply with its texts changed
     */
    public Reply map(UnaryOperator<String> f) {
        return new Reply(lines.stream().map(f).toList(), f.apply(error));
    }
}
