package org.xmailkit.model;

import java.util.List;
import java.util.Objects;

/**
 * One read of XMail's line reader: a physical line, or a piece of one when the line is longer than the reader's
 * buffer. Its text has the NUL-truncation and the trailing CR/LF stripping already applied.
 *
 * @param line   1-based physical line number
 * @param piece  0 for the first read of the line, 1.. for continuation pieces of an over-long line
 * @param column 1-based byte column where this read starts in the physical line
 * @param text   the text XMail parses (Latin-1)
 * @param kind   blank, comment or data
 * @param tokens the tokens (empty unless {@code kind} is {@link Kind#DATA})
 */
public record TabRecord(int line, int piece, int column, String text, Kind kind, List<Token> tokens) {

    /** What XMail does with a read. */
    public enum Kind {
        /** Empty after stripping: skipped. */
        BLANK,
        /** First byte {@code #} in a file whose reader honours comments: skipped. */
        COMMENT,
        /** Tokenised. */
        DATA
    }

    public TabRecord {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        tokens = List.copyOf(tokens);
    }

    /** @return the number of tokens */
    public int size() {
        return tokens.size();
    }

    /**
     * @param index 0-based token index
     * @return the de-quoted value of that token, or null when the record has fewer tokens
     */
    public String value(int index) {
        return index < tokens.size() ? tokens.get(index).value() : null;
    }
}
