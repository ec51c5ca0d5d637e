package org.xmailkit.audit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.model.Text;

/**
 * One thing a rule found.
 *
 * @param rule        the rule
 * @param location    where
 * @param message     the specific message (what was found, with values)
 * @param evidence    short excerpts that show it, e.g. the offending line; never a password or key
 * @param suppression the waiver that applies, if any
 */
public record Finding(
        RuleInfo rule, Location location, Text message, List<String> evidence, Optional<Suppression> suppression) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(suppression, "suppression");
    }

    /**
     * @param rule     the rule
     * @param location where
     * @param message  what
     * @param evidence excerpts
     * @return an unsuppressed finding
     */
    public static Finding of(RuleInfo rule, Location location, Text message, String... evidence) {
        return new Finding(rule, location, message, List.of(evidence), Optional.empty());
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
    public Finding withSuppression(Suppression s) {
        return new Finding(rule, location, message, evidence, Optional.of(s));
    }

    /**
     * @param locale the language
     * @return the message rendered
     */
    public String message(Locale locale) {
        return message.render(locale);
    }
}
