package org.xmailkit.model;

/** The terminator of one physical line, kept so that a document writes back byte for byte. */
public enum LineEnding {
    /** A single line feed (Unix). */
    LF("\n"),
    /** Carriage return then line feed (Windows, and what XMailCFG writes). */
    CRLF("\r\n"),
    /** No terminator: the last line of a file without a final newline. */
    NONE("");

    private final String text;

    LineEnding(String text) {
        this.text = text;
    }

    /** @return the terminator as Latin-1 text (one char per byte) */
    public String text() {
        return text;
    }
}
