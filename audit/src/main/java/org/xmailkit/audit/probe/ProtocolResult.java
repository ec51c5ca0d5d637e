package org.xmailkit.audit.probe;

import java.util.Objects;

/**
 * Whether an endpoint accepts one protocol version.
 *
 * @param protocol the JDK's name: {@code SSLv3}, {@code TLSv1}, {@code TLSv1.1}, {@code TLSv1.2}, {@code TLSv1.3}
 * @param result   what the probe found
 * @param detail   the handshake error when refused, or why it was not tested
 */
public record ProtocolResult(String protocol, Result result, String detail) {

    /** What the probe found. */
    public enum Result {
        ACCEPTED,
        REFUSED,
        UNTESTED
    }

    public ProtocolResult {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
    }

    /** @return whether the endpoint accepts it */
    public boolean accepted() {
        return result == Result.ACCEPTED;
    }
}
