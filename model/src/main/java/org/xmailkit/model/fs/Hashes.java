package org.xmailkit.model.fs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Content hashes: to notice a file that changed since it was read, and to recognise files xmailkit wrote. */
public final class Hashes {

    /** What {@link #sha256} returns: 64 lower-case hex digits. */
    public static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Hashes() {}

    /**
     * @param bytes content
     * @return its SHA-256 in lower-case hex
     */
    public static String sha256(byte[] bytes) {
        MessageDigest d = digest();
        return HexFormat.of().formatHex(d.digest(bytes));
    }

    /** @return a fresh SHA-256 digest */
    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * @param d a digest that has read some content
     * @return its SHA-256 in lower-case hex
     */
    static String hex(MessageDigest d) {
        return HexFormat.of().formatHex(d.digest());
    }
}
