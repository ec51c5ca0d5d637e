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
 * SEC-006: ETRN answers every client (AllowSmtpETRN), or smtp.ipprop.tab grants EnableETRN to every client or a very
 * large range. See {@link #INFO}.
 */
public final class EtrnForEveryone implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-006",
            Severity.LOW,
            Category.ABUSE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.OPT_IN,
            Set.of(),
            List.of(
                    References.readme("server.tab AllowSmtpETRN"),
                    References.source("SMTPSvr.cpp SMTPEnumIPPropsCB"),
                    References.rfc(2505, "2.12")),
            List.of("\"AllowSmtpETRN\"\t\"0\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return CommandGrants.check(ctx, INFO, "AllowSmtpETRN", "EnableETRN");
    }
}
