package org.xmailkit.audit.rules.sec;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.References;

/**
 * SEC-009: DefaultSmtpPerms lifts the size limit (Z) or the TLS requirement (S) for every authenticated account,
 * including the 1.27 default {@code MRVZ} when the variable is absent. See {@link #INFO}.
 */
public final class DefaultPermsBypass implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-009",
            Severity.MEDIUM,
            Category.ABUSE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.OPT_IN,
            Set.of(),
            List.of(
                    References.source("SMTPSvr.cpp SMTPGetUserSmtpPerms"),
                    References.readme("SMTPAUTH.TAB permissions")),
            List.of("\"DefaultSmtpPerms\"\t\"MR\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return DefaultPerms.check(ctx, INFO, "ZS");
    }
}
