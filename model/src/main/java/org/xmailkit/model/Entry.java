package org.xmailkit.model;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A server.tab variable line as XMail 1.27 stores it: a read with at least two tokens; token 0 is the name and
 * token 1 the value. Name and value are the de-quoted bytes as Latin-1 text (one char per byte).
 *
 * @param name   the name, compared case-sensitively
 * @param value  the value XMail uses
 * @param record the read it came from
 */
public record Entry(String name, String value, TabRecord record) {

    public Entry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(record, "record");
    }

    /** @return the 1-based physical line */
    public int line() {
        return record.line();
    }

    /** @return the name token */
    public Token nameToken() {
        return record.tokens().get(0);
    }

    /** @return the value token */
    public Token valueToken() {
        return record.tokens().get(1);
    }

    /**
     * @param charset the file's text encoding
     * @return the value decoded for display
     */
    public String displayValue(Charset charset) {
        return decode(value, charset);
    }

    /**
     * Decodes Latin-1 "byte text" for display in the given charset.
     *
     * @param bytesAsLatin1 bytes as Latin-1 text
     * @param charset       the real encoding
     * @return the decoded text
     */
    public static String decode(String bytesAsLatin1, Charset charset) {
        byte[] bytes = bytesAsLatin1.getBytes(StandardCharsets.ISO_8859_1);
        // ASCII reads the same in every encoding a file is detected in: such a text is kept as it is, not decoded. A
        // '?' may stand for a char that is no byte at all, so a text with one is decoded as ever.
        if (readsAsAscii(charset) && plainAscii(bytes)) {
            return bytesAsLatin1;
        }
        return new String(bytes, charset);
    }

    /** @return whether the charset is one {@link TextEncoding#detect} gives: each reads the bytes 0 to 127 as ASCII */
    @SuppressWarnings("ReferenceEquality") // identity: the very instances detect() gives; any other is decoded as ever
    private static boolean readsAsAscii(Charset charset) {
        return charset == StandardCharsets.US_ASCII
                || charset == StandardCharsets.UTF_8
                || charset == TextEncoding.WINDOWS_31J
                || charset == TextEncoding.EUC_JP
                || charset == StandardCharsets.ISO_8859_1;
    }

    /** @return whether every byte is ASCII and none is a '?' */
    private static boolean plainAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0 || b == '?') {
                return false;
            }
        }
        return true;
    }
}
