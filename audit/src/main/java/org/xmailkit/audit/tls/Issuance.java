package org.xmailkit.audit.tls;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.cert.X509Certificate;

/** Whether one certificate was issued by another: the names chain and the signature verifies. */
final class Issuance {

    private Issuance() {}

    /**
     * @param cert   a certificate
     * @param issuer a candidate issuer
     * @return whether {@code issuer}'s subject is {@code cert}'s issuer and its key verifies {@code cert}'s signature
     */
    static boolean issuedBy(X509Certificate cert, X509Certificate issuer) {
        return cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                && signedBy(cert, issuer.getPublicKey());
    }

    /**
     * @param cert a certificate
     * @param key  a public key
     * @return whether the key verifies the certificate's signature (tried with the JDK, then BouncyCastle)
     */
    static boolean signedBy(X509Certificate cert, PublicKey key) {
        try {
            cert.verify(key);
            return true;
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException | RuntimeException e) {
            try {
                cert.verify(key, Pem.bc());
                return true;
            } catch (GeneralSecurityException | RuntimeException e2) {
                return false;
            }
        }
    }
}
