package org.xmailkit.audit.probe;

import java.util.Objects;

/**
 * A cipher suite an endpoint accepted.
 *
 * @param protocol the protocol version it was negotiated with
 * @param suite    the suite (IANA name, or the JDK's {@code SSL_} name for old ones)
 * @param strength how good it is
 */
public record SuiteResult(String protocol, String suite, Strength strength) {

    public SuiteResult {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(strength, "strength");
    }
}
