package org.xmailkit.audit.tls;

import java.util.Objects;

/**
 * A problem with the order or completeness of {@code server.cert}'s chain.
 *
 * @param kind    what is wrong
 * @param index   the 0-based certificate concerned
 * @param related the 0-based related certificate (its issuer, or where the leaf really is), or -1
 * @param name    a distinguished name the message needs (the missing issuer), or empty
 */
public record ChainIssue(Kind kind, int index, int related, String name) {

    /** What is wrong with the chain. */
    public enum Kind {
        /** The certificate the key belongs to (or the only end-entity certificate) is not the first. */
        LEAF_NOT_FIRST,
        /** A certificate is not followed by its issuer, which is elsewhere in the file. */
        OUT_OF_ORDER,
        /** A certificate is followed by one that did not issue it, and its issuer is not in the file. */
        NOT_ISSUED_BY_NEXT,
        /** The same certificate appears twice. */
        DUPLICATE,
        /** The chain stops at a certificate whose issuer is neither in the file nor a known root. */
        INCOMPLETE
    }

    public ChainIssue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
