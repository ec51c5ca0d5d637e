package org.xmailkit.migrate;

import java.util.List;
import java.util.Objects;
import org.xmailkit.model.Localized;

/**
 * The mechanical fix an audit rule declares for one of its findings, as {@code --fix} applies it: the lines the
 * rule's remediation says to write. The migration knows no rule; whoever runs it with the audit (report's
 * {@code AuditedMigrator}) turns findings into remedies.
 *
 * @param ruleId   the rule, e.g. {@code SEC-008}
 * @param title    the rule's title, in the reader's language
 * @param safe     whether {@code --fix safe} applies it ({@code false}: only when the rule is named)
 * @param line     the finding's server.tab line (0: the file as a whole)
 * @param variable the variable concerned, or empty
 * @param lines    the remediation lines, e.g. {@code "SmtpNoTLSAuths"<TAB>""}
 */
public record Remedy(String ruleId, Localized title, boolean safe, int line, String variable, List<String> lines) {

    public Remedy {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(variable, "variable");
        lines = List.copyOf(lines);
    }
}
