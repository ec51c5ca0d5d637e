package org.xmailkit.audit.behaviour;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reply line XMail is expected to send, as byte text (one char per byte). {@value #ERROR} stands for one of
 * XMail's internal error numbers (a negative integer that differs between releases).
 *
 * @param text the line without its CRLF
 */
public record Reply(String text) {

    /** Where an XMail error number appears in {@link #text}. */
    public static final String ERROR = "{error}";

    public Reply {
        Objects.requireNonNull(text, "text");
    }

    /**
     * @param actual a line received, without its CRLF
     * @return whether it is this reply
     */
    public boolean matches(String actual) {
        if (!text.contains(ERROR)) {
            return text.equals(actual);
        }
        String[] parts = text.split(Pattern.quote(ERROR), -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("-?[0-9]+");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return actual != null && actual.matches(regex.toString());
    }

    /** @return the reply code (the first three bytes) */
    public String code() {
        return text.length() >= 3 ? text.substring(0, 3) : text;
    }

    /** @return whether the code is 2xx or 3xx */
    public boolean positive() {
        return text.startsWith("2") || text.startsWith("3");
    }

    @Override
    public String toString() {
        return text;
    }
}
