package org.xmailkit.model.ctrl;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/** How a CTRL server's TLS certificate is trusted. */
public sealed interface CtrlTrust permits CtrlTrust.Pinned, CtrlTrust.Authority, CtrlTrust.KnownHosts {

    /**
     * Exactly this certificate ({@code --ctrl-fingerprint}).
     *
     * @param sha256 the SHA-256 of the certificate's DER bytes, 64 lower-case hex digits
     */
    record Pinned(String sha256) implements CtrlTrust {
        public Pinned {
            sha256 = normalise(sha256);
        }
    }

    /**
     * A certificate a CA of this file vouches for, issued to the host name ({@code --ctrl-ca}).
     *
     * @param caFile PEM certificates
     */
    record Authority(Path caFile) implements CtrlTrust {
        public Authority {
            Objects.requireNonNull(caFile, "caFile");
        }
    }

    /**
     * The certificate recorded for the server in a known-hosts file, recorded on first use
     * ({@code --ctrl-known-hosts}).
     *
     * @param file the known-hosts file
     */
    record KnownHosts(Path file) implements CtrlTrust {
        public KnownHosts {
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * @param fingerprint a SHA-256 fingerprint: 64 hex digits, optionally with colons and a {@code SHA256:} prefix
     * @return 64 lower-case hex digits
     * @throws IllegalArgumentException when it is not one
     */
    static String normalise(String fingerprint) {
        String f = fingerprint.strip();
        if (f.regionMatches(true, 0, "SHA256:", 0, 7)) {
            f = f.substring(7);
        }
        f = f.replace(":", "").toLowerCase(Locale.ROOT);
        if (!f.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint (64 hex digits)");
        }
        return f;
    }

    /**
     * @param sha256 64 hex digits
     * @return them as {@code AB:CD:...}, the way openssl prints a fingerprint
     */
    static String display(String sha256) {
        byte[] b = HexFormat.of().parseHex(sha256);
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(b);
    }
}
