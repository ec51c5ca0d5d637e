package org.xmailkit.model.ctrl;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one CTRL server.
 *
 * @param transport      CTRLS, #!TLS or clear text
 * @param trust          how its certificate is trusted (unused in clear text)
 * @param connectTimeout the longest wait for the connection
 * @param readTimeout    the longest wait for any answer
 */
public record CtrlSettings(CtrlTransport transport, CtrlTrust trust, Duration connectTimeout, Duration readTimeout) {

    /** The default waits. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default wait for an answer. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    public CtrlSettings {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || readTimeout.isNegative()
                || readTimeout.isZero()
                || readTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }
}
