package org.xmailkit.audit.tls;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code server.cert} as XMail 1.27 loads it ({@code SSL_CTX_use_certificate_chain_file}): PEM certificates, the
 * first one being the certificate XMail presents, the others its chain.
 *
 * @param path          where it is (or would be)
 * @param status        how it could be read
 * @param certificates  the certificates, in file order (empty unless {@link FileStatus#OK})
 * @param textBeforePem whether human-readable text precedes the first PEM block (OpenSSL skips it)
 * @param problem       what went wrong, for {@link FileStatus#UNREADABLE} (empty when xmailkit refused the file: a
 *                      link leaving the MailRoot, a special file, too large) and {@link FileStatus#INVALID}; else empty
 */
public record CertificateFile(
        Path path, FileStatus status, List<CertificateFacts> certificates, boolean textBeforePem, String problem) {

    public CertificateFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(problem, "problem");
    }

    /** @return the certificate XMail presents, if the file could be read */
    public Optional<CertificateFacts> leaf() {
        return certificates.isEmpty() ? Optional.empty() : Optional.of(certificates.get(0));
    }

    /** @return whether the file exists */
    public boolean present() {
        return status != FileStatus.MISSING;
    }
}
