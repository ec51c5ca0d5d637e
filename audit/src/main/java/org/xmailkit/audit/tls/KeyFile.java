package org.xmailkit.audit.tls;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code server.key} as XMail 1.27 loads it (the first PEM private key of the file, no passphrase callback). Holds
 * only public facts about the key: never the key itself.
 *
 * @param path        where it is (or would be)
 * @param status      how it could be read
 * @param pemType     the PEM type of the key block used, e.g. {@code RSA PRIVATE KEY}, or empty
 * @param algorithm   the key family ({@code RSA}, {@code EC}, ...), or empty when unknown
 * @param bits        the key size, or 0 when unknown
 * @param permissions the POSIX permissions, when the file system has them
 * @param problem     what went wrong, for {@link FileStatus#UNREADABLE}; else empty (never a parser message, which
 *                    might quote the file)
 */
public record KeyFile(
        Path path,
        FileStatus status,
        String pemType,
        String algorithm,
        int bits,
        Optional<Set<PosixFilePermission>> permissions,
        String problem) {

    public KeyFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(pemType, "pemType");
        Objects.requireNonNull(algorithm, "algorithm");
        permissions = permissions.map(Set::copyOf);
        Objects.requireNonNull(problem, "problem");
    }

    /** @return whether the file exists */
    public boolean present() {
        return status != FileStatus.MISSING;
    }

    /** @return e.g. {@code RSA 2048 bits} */
    public String keyDescription() {
        return CertificateFacts.describeKey(algorithm.isEmpty() ? "?" : algorithm, bits, Optional.empty());
    }

    /** @return whether users other than the owner and group may read or write it (POSIX only) */
    public boolean openToOthers() {
        return permissions
                .map(p -> p.contains(PosixFilePermission.OTHERS_READ) || p.contains(PosixFilePermission.OTHERS_WRITE))
                .orElse(false);
    }
}
