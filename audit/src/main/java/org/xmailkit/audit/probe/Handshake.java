package org.xmailkit.audit.probe;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One TLS handshake as the probe saw it.
 *
 * @param ok       whether it completed
 * @param protocol the protocol negotiated, e.g. {@code TLSv1.3}, or empty
 * @param suite    the cipher suite negotiated (IANA name), or empty
 * @param error    why it failed, or empty
 */
public record Handshake(boolean ok, String protocol, String suite, String error) {

    public Handshake {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(error, "error");
    }

    /**
     * @param protocol the protocol
     * @param suite    the suite
     * @return a completed handshake
     */
    public static Handshake completed(String protocol, String suite) {
        return new Handshake(true, protocol, suite, "");
    }

    /**
     * @param error why
     * @return a failed handshake
     */
    public static Handshake failed(String error) {
        return new Handshake(false, "", "", error);
    }

    /** @return e.g. {@code TLSv1.3 TLS_AES_256_GCM_SHA384}, or the error */
    public String text() {
        return ok ? protocol + " " + suite : error;
    }

    /**
     * @param f applied to the error
     * @return the handshake with it changed
     */
    public Handshake map(UnaryOperator<String> f) {
        return new Handshake(ok, protocol, suite, f.apply(error));
    }
}
