package org.xmailkit.audit.tls;

/**
 * Whether {@code server.key} belongs to a certificate of {@code server.cert}, proved by signing with the key and
 * verifying with the certificate (what OpenSSL's {@code SSL_CTX_check_private_key} establishes for the first one).
 *
 * @param kind             the outcome
 * @param certificateIndex the 0-based certificate the key belongs to, or -1
 */
public record KeyMatch(Kind kind, int certificateIndex) {

    /** The outcome of the check. */
    public enum Kind {
        /** Not checked: the certificate or the key could not be read. */
        NOT_CHECKED,
        /** The key belongs to the first certificate, the one XMail presents. */
        LEAF,
        /** The key belongs to a later certificate of the file, not the first. */
        OTHER,
        /** The key belongs to no certificate of the file. */
        NONE
    }

    /** @return whether the check ran and the key fits the first certificate */
    public boolean matches() {
        return kind == Kind.LEAF;
    }

    /** @return whether the check ran and the key does not fit the first certificate */
    public boolean mismatch() {
        return kind == Kind.OTHER || kind == Kind.NONE;
    }
}
