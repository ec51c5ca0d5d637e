package org.xmailkit.audit.probe;

import java.util.Locale;

/**
 * How good a cipher suite is, after RFC 9325 §4.1-4.2 (and RFC 7465 for RC4, RFC 8996 context): strong (TLS 1.3, or
 * forward secret key exchange with an AEAD cipher), acceptable (forward secret with CBC), weak (no forward secrecy,
 * or 3DES with its 64-bit blocks), insecure (NULL, anonymous, export, RC4, single DES, MD5).
 */
public enum Strength {
    STRONG,
    ACCEPTABLE,
    WEAK,
    INSECURE;

    /** @return the lower-case id */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param suite an IANA (or JDK {@code SSL_}) cipher suite name
     * @return its strength
     */
    public static Strength of(String suite) {
        String s = suite.toUpperCase(Locale.ROOT);
        if (s.contains("_NULL_")
                || s.endsWith("_NULL")
                || s.contains("_ANON_")
                || s.contains("EXPORT")
                || s.contains("_RC4_")
                || s.contains("_DES_CBC_")
                || s.contains("_DES40_")
                || s.endsWith("_MD5")) {
            return INSECURE;
        }
        if (s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_")) {
            return STRONG;
        }
        boolean forwardSecret = s.contains("_DHE_") || s.contains("_ECDHE_");
        if (!forwardSecret || s.contains("3DES")) {
            return WEAK;
        }
        boolean aead = s.contains("_GCM_") || s.contains("_CHACHA20_") || s.contains("_CCM");
        return aead ? STRONG : ACCEPTABLE;
    }
}
