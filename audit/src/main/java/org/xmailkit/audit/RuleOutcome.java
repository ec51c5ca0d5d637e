package org.xmailkit.audit;

import java.util.Objects;
import java.util.Optional;
import org.xmailkit.model.Text;

/**
 * How one rule went on one server.
 *
 * @param rule   the rule
 * @param status the outcome
 * @param reason why it was not applicable, if so
 */
public record RuleOutcome(RuleInfo rule, Status status, Optional<Text> reason) {

    /** The outcome of a rule. */
    public enum Status {
        /** Ran and found nothing. */
        PASSED,
        /** Ran and found something. */
        FAILED,
        /** Could not run: what it needs is missing (e.g. a bare server.tab). */
        NOT_APPLICABLE,
        /** Not in the chosen profile. */
        SKIPPED
    }

    public RuleOutcome {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }
}
