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
 * SEC-010 (strict): DefaultSmtpPerms lets every mailbox account relay (R), so every mailbox password is a relay
 * credential, for POP-before-SMTP users too. See {@link #INFO}.
 */
public final class DefaultPermsRelay implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-010",
            Severity.LOW,
            Category.RELAY,
            RuleInfo.STRICT_ONLY,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(
                    References.source("SMTPSvr.cpp SMTPGetUserSmtpPerms"),
                    References.source("SMTPSvr.cpp SMTPCheckRelayCapability"),
                    References.rfc(2505, "2.1")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return DefaultPerms.check(ctx, INFO, "R");
    }
}
