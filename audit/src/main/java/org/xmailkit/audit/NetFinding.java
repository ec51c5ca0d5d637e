package org.xmailkit.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.audit.probe.Endpoint;
import org.xmailkit.model.Text;

/**
 * One thing a {@link NetRule} found on the wire.
 *
 * @param rule        the rule
 * @param endpoint    the endpoint it was seen on
 * @param cause       the file and line that cause it, when the MailRoot is known and the cause is in it
 * @param message     the specific message (what was seen, with values)
 * @param evidence    what shows it: replies, handshake results, configuration lines; never a password or key
 * @param suppression the waiver that applies, if any
 */
public record NetFinding(
        RuleInfo rule,
        Endpoint endpoint,
        Optional<Location> cause,
        Text message,
        List<String> evidence,
        Optional<Suppression> suppression) {

    public NetFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(suppression, "suppression");
    }

    /**
     * @param rule     the rule
     * @param endpoint the endpoint
     * @param cause    the cause in the MailRoot, if known
     * @param message  what
     * @param evidence what shows it
     * @return an unsuppressed finding
     */
    public static NetFinding of(
            RuleInfo rule, Endpoint endpoint, Optional<Location> cause, Text message, List<String> evidence) {
        return new NetFinding(rule, endpoint, cause, message, evidence, Optional.empty());
    }

    /** @return the rule's severity */
    public Severity severity() {
        return rule.severity();
    }

    /** @return whether an active (unexpired) waiver suppresses it */
    public boolean suppressed() {
        return suppression.map(Suppression::active).orElse(false);
    }

    /**
     * @param s a suppression
     * @return this finding with it
     */
    public NetFinding withSuppression(Suppression s) {
        return new NetFinding(rule, endpoint, cause, message, evidence, Optional.of(s));
    }

    /**
     * @param locale the language
     * @return the message rendered
     */
    public String message(Locale locale) {
        return message.render(locale);
    }

    /**
     * The finding as part of a MailRoot's audit ({@code audit --probe}): located at its cause, else at the MailRoot,
     * with the endpoint as its first line of evidence.
     *
     * @param mailRoot the MailRoot directory
     * @return the audit finding
     */
    public Finding asFinding(Path mailRoot) {
        List<String> ev = new ArrayList<>();
        ev.add(endpoint.label());
        ev.addAll(evidence);
        return new Finding(rule, cause.orElse(Location.file(mailRoot)), message, ev, suppression);
    }
}
