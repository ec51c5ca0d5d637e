package org.xmailkit.model;

/**
 * One TAB-separated token as XMail 1.27 reads it ({@code StrTokenize} then {@code StrDeQuote}).
 *
 * @param raw      the token's bytes as written (Latin-1 text, one char per byte)
 * @param value    the value XMail uses after de-quoting
 * @param column   1-based byte column of the token's first byte in its physical line
 * @param quoted   whether the token starts with {@code "} and was de-quoted
 * @param closed   for a quoted token, whether a closing unescaped quote was found
 * @param trailing bytes after the closing quote, which XMail discards (empty if none)
 */
public record Token(String raw, String value, int column, boolean quoted, boolean closed, String trailing) {

    /**
     * Reads one token the way {@code StrDeQuote(tok, '"')} does: only a token whose first byte is a quote is
     * de-quoted; {@code \"} becomes {@code "}; any other backslash stays; everything after the closing quote is
     * dropped; a missing closing quote is tolerated.
     *
     * @param raw    the token bytes
     * @param column 1-based column of the token
     * @return the token
     */
    public static Token read(String raw, int column) {
        if (raw.isEmpty() || raw.charAt(0) != '"') {
            return new Token(raw, raw, column, false, false, "");
        }
        // The usual token, "value": its first quote after the opening one closes it unless a backslash escapes it.
        int close = raw.indexOf('"', 1);
        if (close < 0) {
            return new Token(raw, raw.substring(1), column, true, false, "");
        }
        if (raw.charAt(close - 1) != '\\') {
            return new Token(raw, raw.substring(1, close), column, true, true, raw.substring(close + 1));
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 1;
        boolean closed = false;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == '"') {
                out.append('"');
                i += 2;
            } else if (c == '"') {
                closed = true;
                break;
            } else {
                out.append(c);
                i++;
            }
        }
        String trailing = closed ? raw.substring(i + 1) : "";
        return new Token(raw, out.toString(), column, true, closed, trailing);
    }
}
