package org.xmailkit.model;

import java.nio.file.Path;

/**
 * The one escaper for text shown to people (a terminal, a text report, a message): what a MailRoot holds can carry
 * control characters that move the cursor, clear the screen, set the window title or reorder what is displayed,
 * and none of them may reach a terminal. C0 controls other than TAB, DEL and the C1 controls (U+0080 to U+009F,
 * which is also what a raw 0x80-0x9F byte of a Latin-1 file decodes to) are shown as {@code \xNN}; the
 * bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), the line and paragraph
 * separators, the byte order mark and unpaired surrogates as <code>&#92;uXXXX</code>. Everything else, Japanese
 * included, is kept. A backslash is not doubled, so escaping twice gives the same text as escaping once.
 *
 * <p>JSON and SARIF carry the exact strings (their encoders escape what their syntax needs); HTML pages show text
 * through this escaper, then HTML-escape it (the report's output format).
 */
public final class Printable {

    /** How a TAB is shown where the difference between a TAB and spaces matters (server.tab lines). */
    public static final String TAB = "<TAB>";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Printable() {}

    /**
     * @param c a UTF-16 code unit
     * @return whether {@link #of(String)} replaces it (a surrogate only when unpaired, which this cannot tell)
     */
    public static boolean escaped(char c) {
        if (c < 0x20) {
            return c != '\t';
        }
        if (c < 0x7F) {
            return false;
        }
        if (c <= 0x9F) {
            return true;
        }
        return c == '\u061C'
                || c == '\u200E'
                || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u2028'
                || c == '\u2029'
                || c == '\uFEFF';
    }

    /**
     * @param text any text headed for a person; null gives {@code "null"}, as string concatenation would
     * @return it with every control character in a visible escaped form; TAB kept
     */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        int first = firstEscaped(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || escaped(c)) {
                escape(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @param path a path headed for a person (a directory may be named with escape sequences or a newline)
     * @return it as text, escaped like {@link #of(String)}
     */
    public static String of(Path path) {
        return of(String.valueOf(path));
    }

    /**
     * @param text a line of a {@code .tab} file, decoded
     * @return it escaped like {@link #of(String)}, with each TAB shown as {@link #TAB}
     */
    public static String showingTabs(String text) {
        return of(text).replace("\t", TAB);
    }

    private static int firstEscaped(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue; // printable ASCII, most of any text: no surrogate or control check
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (escaped(c) || Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static void escape(StringBuilder out, char c) {
        if (c <= 0xFF) {
            out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        } else {
            out.append("\\u")
                    .append(HEX[c >> 12])
                    .append(HEX[(c >> 8) & 0xF])
                    .append(HEX[(c >> 4) & 0xF])
                    .append(HEX[c & 0xF]);
        }
    }
}
