package org.xmailkit.audit.probe;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What an SMTP (or submission, or SMTPS) endpoint answered. On SMTPS the conversation runs inside TLS, so
 * {@code authBeforeTls} is empty and {@code startTls} is {@link Upgrade.Status#NOT_TRIED}.
 *
 * @param ehlo         the EHLO exchange (or HELO, when EHLO was refused)
 * @param extensions   the EHLO keywords, upper case, e.g. {@code STARTTLS}, {@code AUTH LOGIN PLAIN}
 * @param authBeforeTls the AUTH mechanisms offered on the plain connection, upper case
 * @param startTls     how STARTTLS went
 * @param authAfterTls the AUTH mechanisms offered inside TLS (after STARTTLS, or on SMTPS), if TLS was reached
 * @param vrfyUnknown  VRFY of an address that cannot exist
 * @param vrfyLikely   VRFY of postmaster at the domain the server announced
 * @param expn         EXPN of postmaster
 * @param etrn         ETRN of a domain that cannot exist
 * @param relay        the relay test: MAIL FROM and RCPT TO in outside domains, then RSET
 * @param nullSender   MAIL FROM:&lt;&gt;, then RSET
 * @param ended        why the conversation stopped early (the server closed the connection, a timeout), or empty
 */
public record SmtpFacts(
        Exchange ehlo,
        List<String> extensions,
        List<String> authBeforeTls,
        Upgrade startTls,
        Optional<List<String>> authAfterTls,
        Optional<Exchange> vrfyUnknown,
        Optional<Exchange> vrfyLikely,
        Optional<Exchange> expn,
        Optional<Exchange> etrn,
        Optional<Relay> relay,
        Optional<Exchange> nullSender,
        String ended) {

    public SmtpFacts {
        Objects.requireNonNull(ehlo, "ehlo");
        extensions = List.copyOf(extensions);
        authBeforeTls = List.copyOf(authBeforeTls);
        Objects.requireNonNull(startTls, "startTls");
        authAfterTls = authAfterTls.map(List::copyOf);
        Objects.requireNonNull(vrfyUnknown, "vrfyUnknown");
        Objects.requireNonNull(vrfyLikely, "vrfyLikely");
        Objects.requireNonNull(expn, "expn");
        Objects.requireNonNull(etrn, "etrn");
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(nullSender, "nullSender");
        Objects.requireNonNull(ended, "ended");
    }

    /**
     * The relay test.
     *
     * @param mail the MAIL FROM exchange
     * @param rcpt the RCPT TO exchange, when MAIL FROM was accepted
     */
    public record Relay(Exchange mail, Optional<Exchange> rcpt) {
        public Relay {
            Objects.requireNonNull(mail, "mail");
            Objects.requireNonNull(rcpt, "rcpt");
        }

        /** @return whether the server accepted a recipient in an outside domain from an outside sender */
        public boolean accepted() {
            return mail.reply().positive()
                    && rcpt.map(r -> r.reply().positive()).orElse(false);
        }
    }

    /**
     * @param keyword an EHLO keyword such as {@code STARTTLS}
     * @return whether the server lists it
     */
    public boolean offers(String keyword) {
        String k = keyword.toUpperCase(Locale.ROOT);
        return extensions.stream().anyMatch(e -> e.equals(k) || e.startsWith(k + " ") || e.startsWith(k + "="));
    }

    /**
     * @param f applied to every text the server sent (and the commands)
     * @return the facts with their texts changed
     */
    public SmtpFacts map(UnaryOperator<String> f) {
        return new SmtpFacts(
                ehlo.map(f),
                extensions.stream().map(f).toList(),
                authBeforeTls.stream().map(f).toList(),
                startTls.map(f),
                authAfterTls.map(a -> a.stream().map(f).toList()),
                vrfyUnknown.map(x -> x.map(f)),
                vrfyLikely.map(x -> x.map(f)),
                expn.map(x -> x.map(f)),
                etrn.map(x -> x.map(f)),
                relay.map(r -> new Relay(r.mail().map(f), r.rcpt().map(x -> x.map(f)))),
                nullSender.map(x -> x.map(f)),
                f.apply(ended));
    }
}
