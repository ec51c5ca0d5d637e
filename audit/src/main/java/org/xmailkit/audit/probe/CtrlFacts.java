package org.xmailkit.audit.probe;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a CTRL (or CTRLS) endpoint answered. No login line is ever sent.
 *
 * @param access whether the administration service greeted the probing host or refused it
 * @param tls    how {@code #!TLS} went (plain CTRL only)
 */
public record CtrlFacts(Access access, Upgrade tls) {

    /** Whether CTRL let the probing host in as far as the login prompt. */
    public enum Access {
        /** The greeting {@code +00000 <timestamp> XMail ... CTRL Server}: a login would be read next. */
        ANSWERED,
        /** An error line such as {@code -00xxx Server does not like Your IP}, then the connection closed. */
        DENIED,
        /** Nothing usable (TLS failed, no greeting). */
        UNKNOWN
    }

    public CtrlFacts {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(tls, "tls");
    }

    /**
     * @param f applied to every text
     * @return the facts with their texts changed
     */
    public CtrlFacts map(UnaryOperator<String> f) {
        return new CtrlFacts(access, tls.map(f));
    }
}
