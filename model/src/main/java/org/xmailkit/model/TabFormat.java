package org.xmailkit.model;

/**
 * How XMail reads one kind of {@code .tab} file: whether {@code #} lines are comments and how many bytes one
 * {@code fgets} call returns (longer physical lines are split and each piece is parsed on its own).
 *
 * @param hashComments whether a line whose first byte is {@code #} is skipped (false only for ctrlaccounts.tab)
 * @param readLimit    the most bytes one read returns: the reader's buffer size minus two
 */
public record TabFormat(boolean hashComments, int readLimit) {

    /**
     * server.tab: 2048-byte buffer, so 2046 bytes per read (SvrUtils.cpp SvrReadConfig, MiscUtils.cpp
     * MscGetConfigLine).
     */
    public static final TabFormat SERVER_TAB = new TabFormat(true, 2046);

    public TabFormat {
        if (readLimit < 2) {
            throw new IllegalArgumentException("readLimit must be at least 2: " + readLimit);
        }
    }

    /**
     * A format for a reader with the given line buffer.
     *
     * @param bufferBytes  the size of the reader's line buffer (512, 1024 or 2048 in XMail 1.27)
     * @param hashComments whether {@code #} lines are comments
     * @return the format
     */
    public static TabFormat withBuffer(int bufferBytes, boolean hashComments) {
        // XMail passes sizeof(buffer) - 1 to fgets, which keeps one byte for the NUL: bufferBytes - 2 data bytes.
        return new TabFormat(hashComments, bufferBytes - 2);
    }
}
