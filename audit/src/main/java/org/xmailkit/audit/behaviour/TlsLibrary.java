package org.xmailkit.audit.behaviour;

import java.util.Locale;

/**
 * The OpenSSL an XMail build is linked with, as far as it decides whether XMail can load its own certificate. At
 * security level 2 (Debian's OpenSSL 3 default) {@code SSL_CTX_use_certificate_chain_file} refuses RSA keys under
 * 2048 bits and elliptic curves under 224 bits ("ee key too small"), so every handshake fails; the Windows release
 * of 1.27 shipped OpenSSL 0.9.8, which has no such check, and the localized build OpenSSL 1.1.1, whose default level
 * 1 only refuses keys under 1024 bits.
 */
public enum TlsLibrary {

    /** OpenSSL 3 at security level 2, as Debian and most current Linux builds of XMail use it. */
    OPENSSL_3_LEVEL_2(2048, 224, true),
    /** OpenSSL 1.1.1 at its default security level 1 (the localized 1.27 build for Windows). */
    OPENSSL_1_1_1(1024, 160, false),
    /** OpenSSL 0.9.8 (the original 1.27 release for Windows): no minimum key size. */
    OPENSSL_0_9_8(0, 0, false);

    private final int minRsaBits;
    private final int minEcBits;
    private final boolean refusesSha1;

    TlsLibrary(int minRsaBits, int minEcBits, boolean refusesSha1) {
        this.minRsaBits = minRsaBits;
        this.minEcBits = minEcBits;
        this.refusesSha1 = refusesSha1;
    }

    /**
     * @param algorithm a key algorithm as the JDK names it ("RSA", "EC", "DSA", ...)
     * @param bits      the key size
     * @return whether the library loads a certificate with such a key
     */
    public boolean accepts(String algorithm, int bits) {
        return switch (algorithm) {
            case "EC" -> bits >= minEcBits;
            case "RSA", "DSA" -> bits >= minRsaBits;
            default -> true;
        };
    }

    /**
     * @param signatureAlgorithm a certificate's signature algorithm as the JDK names it ("SHA256withRSA", ...)
     * @return whether the library loads a certificate (not self-signed) signed so: OpenSSL 3 counts SHA-1 as 63
     *         bits and MD5 as 39, under level 2's 112; level 1 (80 bits) in 1.1.1 still takes SHA-1
     */
    public boolean acceptsSignature(String signatureAlgorithm) {
        String a = signatureAlgorithm.toUpperCase(Locale.ROOT);
        if (a.startsWith("MD5") || a.startsWith("MD2")) {
            return this == OPENSSL_0_9_8;
        }
        return !(a.startsWith("SHA1") && refusesSha1);
    }
}
