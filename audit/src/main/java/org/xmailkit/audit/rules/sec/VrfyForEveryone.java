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
 * SEC-005: VRFY answers every client (AllowSmtpVRFY), or smtp.ipprop.tab grants EnableVRFY to every client or a very
 * large range. See {@link #INFO}.
 */
public final class VrfyForEveryone implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-005",
            Severity.MEDIUM,
            Category.PRIVACY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.SAFE,
            Set.of(),
            List.of(
                    References.readme("server.tab AllowSmtpVRFY"), References.source("SMTPSvr.cpp SMTPEnumIPPropsCB"),
                    References.rfc(5321, "7.3"), References.rfc(2505, "2.11")),
            List.of("\"AllowSmtpVRFY\"\t\"0\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return CommandGrants.check(ctx, INFO, "AllowSmtpVRFY", "EnableVRFY");
    }
}
