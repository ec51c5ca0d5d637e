package org.xmailkit.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One physical line of a {@code .tab} file, exactly as stored: its bytes (as Latin-1 text, one char per byte)
 * without the terminator, and the terminator.
 *
 * @param number 1-based line number
 * @param raw    the line's bytes without its terminator; a CR before a CRLF's CR stays here
 * @param ending the terminator
 */
public record TabLine(int number, String raw, LineEnding ending) {

    public TabLine {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(ending, "ending");
        if (raw.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a line cannot contain a line feed");
        }
    }

    /** @return the line's bytes including its terminator */
    public byte[] bytes() {
        return (raw + ending.text()).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** @return the line's length in bytes including its terminator */
    public int length() {
        return raw.length() + ending.text().length();
    }

    /** @return this line renumbered */
    TabLine withNumber(int newNumber) {
        return newNumber == number ? this : new TabLine(newNumber, raw, ending);
    }

    /**
     * The reads XMail's line reader makes of this line ({@code MscGetConfigLine} over {@code fgets}): the line and
     * its terminator are cut into pieces of at most {@code format.readLimit()} bytes; each piece is cut at its first
     * NUL byte, loses its trailing run of CR and LF bytes, and is then skipped when empty or (if the format honours
     * comments) when its first byte is {@code #}; otherwise it is tokenised on TAB.
     *
     * @param format how the file is read
     * @return one or more reads, in order
     */
    public List<TabRecord> reads(TabFormat format) {
        int limit = format.readLimit();
        if (raw.length() + ending.text().length() <= limit
                && raw.indexOf('\0') < 0
                && (raw.isEmpty() || raw.charAt(raw.length() - 1) != '\r')) {
            // The common line: one read, whose text is the line itself (no copy: a million lines, a million saved).
            return List.of(read(raw, 0, 0, format));
        }
        String full = raw + ending.text();
        if (full.length() <= limit) {
            return List.of(read(full, 0, 0, format));
        }
        List<TabRecord> out = new ArrayList<>(full.length() / limit + 1);
        int piece = 0;
        for (int start = 0; start < full.length(); start += limit) {
            String chunk = full.substring(start, Math.min(full.length(), start + limit));
            out.add(read(chunk, piece++, start, format));
        }
        return out;
    }

    private TabRecord read(String chunk, int piece, int offset, TabFormat format) {
        int nul = chunk.indexOf('\0');
        String text = nul >= 0 ? chunk.substring(0, nul) : chunk;
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\r' || text.charAt(end - 1) == '\n')) {
            end--;
        }
        text = text.substring(0, end);
        if (text.isEmpty()) {
            return new TabRecord(number, piece, offset + 1, text, TabRecord.Kind.BLANK, List.of());
        }
        if (format.hashComments() && text.charAt(0) == '#') {
            return new TabRecord(number, piece, offset + 1, text, TabRecord.Kind.COMMENT, List.of());
        }
        return new TabRecord(number, piece, offset + 1, text, TabRecord.Kind.DATA, tokenize(text, offset));
    }

    /** TAB is the only separator; runs collapse; no empty token is ever produced; quotes do not protect TABs. */
    private static List<Token> tokenize(String text, int offset) {
        List<Token> tokens = new ArrayList<>(4);
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (text.charAt(i) == '\t') {
                i++;
                continue;
            }
            int end = text.indexOf('\t', i);
            if (end < 0) {
                end = n;
            }
            tokens.add(Token.read(text.substring(i, end), offset + i + 1));
            i = end;
        }
        return tokens;
    }
}
