package org.xmailkit.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A problem found while reading a {@code .tab} file. Parsing never throws on content; it reports problems.
 *
 * @param code   what is wrong
 * @param line   1-based physical line
 * @param column 1-based byte column (1 when the whole line is meant)
 * @param args   values for the message placeholders
 */
public record Problem(ProblemCode code, int line, int column, List<String> args) {

    private static final Messages MESSAGES = ModelMessages.MESSAGES;

    public Problem {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    /**
     * @param code   what is wrong
     * @param line   1-based line
     * @param column 1-based column
     * @param args   message values
     * @return the problem
     */
    public static Problem of(ProblemCode code, int line, int column, String... args) {
        return new Problem(code, line, column, List.of(args));
    }

    /**
     * @param locale the language
     * @return the message, e.g. {@code missing closing quote}; a key {@code problem.<CODE>.<n>} (n = number of
     *         values) takes precedence over {@code problem.<CODE>}, for messages with optional parts
     */
    public String message(Locale locale) {
        String key = "problem." + code.name();
        String variant = key + "." + args.size();
        return MESSAGES.get(locale, MESSAGES.has(locale, variant) ? variant : key, args.toArray());
    }

    /**
     * @param locale the language
     * @return {@code line:column: message}
     */
    public String format(Locale locale) {
        return line + ":" + column + ": " + message(locale);
    }
}
