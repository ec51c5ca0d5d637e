package org.xmailkit.report;

import java.util.Locale;
import java.util.Objects;
import org.xmailkit.audit.Severity;

/**
 * Something that bounds a server's grade: the grade cannot be better than {@link #bound()}. Each cap names what
 * caused it: a rule and its finding, or why the audit was incomplete.
 *
 * @param bound    the best grade still possible
 * @param reason   which grading rule applies
 * @param ruleId   the rule whose finding causes the cap, or empty for {@link Reason#INCOMPLETE}
 * @param severity the finding's severity, or null for {@link Reason#INCOMPLETE}
 * @param title    the rule title (or the incompleteness explained), in the report's language
 * @param where    the first finding's location, e.g. {@code smtprelay.tab:3}, or empty
 * @param count    how many unsuppressed findings of that rule there are (0 for {@link Reason#INCOMPLETE})
 */
public record GradeCap(
        Grade bound, Reason reason, String ruleId, Severity severity, String title, String where, int count) {

    /** The grading rule behind a cap; the report explains each under {@code grading.reason.<id>}. */
    public enum Reason {
        /** A CRITICAL finding. */
        CRITICAL,
        /** A HIGH finding about relay, access control or accounts: abusable by anyone who can reach the server. */
        EXPOSED,
        /** Any other HIGH finding. */
        HIGH,
        /** A MEDIUM finding. */
        MEDIUM,
        /** A HIGH or CRITICAL finding about the upgrade or the localized build: work to plan, not an exposure. */
        UPGRADE,
        /** A LOW finding. */
        LOW,
        /** Part of the server could not be audited (bare server.tab, unreadable files). */
        INCOMPLETE;

        /** @return the lower-case id */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public GradeCap {
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(where, "where");
    }
}
