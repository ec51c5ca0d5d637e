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

/** SEC-007 (strict): DefaultSmtpPerms gives every authenticated account VRFY (V) or ETRN (T). See {@link #INFO}. */
public final class DefaultPermsVrfyEtrn implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-007",
            Severity.LOW,
            Category.PRIVACY,
            RuleInfo.STRICT_ONLY,
            RuleInfo.Fix.OPT_IN,
            Set.of(),
            List.of(References.source("SMTPSvr.cpp SMTPGetUserSmtpPerms"), References.rfc(5321, "7.3")),
            List.of("\"DefaultSmtpPerms\"\t\"MR\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return DefaultPerms.check(ctx, INFO, "VT");
    }
}
