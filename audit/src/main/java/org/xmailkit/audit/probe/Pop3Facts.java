package org.xmailkit.audit.probe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a POP3 (or POP3S) endpoint answered. No login is tried: whether USER and PASS work before TLS is read from
 * CAPA ({@code USER}, RFC 2449 §6.1), and APOP from the greeting's timestamp (RFC 1939 §7).
 *
 * @param capabilities  the CAPA lines on the first link (plain for POP3, TLS for POP3S), upper case
 * @param apop          whether the greeting carries an APOP timestamp
 * @param userBeforeTls whether USER/PASS is offered on a plain link
 * @param stls          how STLS went
 * @param capabilitiesAfterTls the CAPA lines inside TLS, if TLS was reached after STLS
 * @param ended         why the conversation stopped early, or empty
 */
public record Pop3Facts(
        List<String> capabilities,
        boolean apop,
        boolean userBeforeTls,
        Upgrade stls,
        Optional<List<String>> capabilitiesAfterTls,
        String ended) {

    public Pop3Facts {
        capabilities = List.copyOf(capabilities);
        Objects.requireNonNull(stls, "stls");
        capabilitiesAfterTls = capabilitiesAfterTls.map(List::copyOf);
        Objects.requireNonNull(ended, "ended");
    }

    /**
     * @param f applied to every text the server sent
     * @return the facts with their texts changed
     */
    public Pop3Facts map(UnaryOperator<String> f) {
        return new Pop3Facts(
                capabilities.stream().map(f).toList(),
                apop,
                userBeforeTls,
                stls.map(f),
                capabilitiesAfterTls.map(c -> c.stream().map(f).toList()),
                f.apply(ended));
    }
}
