package org.xmailkit.audit.rules.tls;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.References;
import org.xmailkit.model.syntax.GatewayOptions.NeedTls;

/**
 * TLS-008: an explicitly configured smart host gets mail with opportunistic STARTTLS only ({@code NeedTLS=1}): a
 * refused or stripped STARTTLS silently falls back to clear text.
 */
public final class SmartHostOpportunisticTls implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-008",
            Severity.LOW,
            Category.TLS,
            RuleInfo.STRICT_ONLY,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.source("SMTPUtils.cpp USmtpSwitchToSSL"), References.rfc(9325, "3.2")),
            List.of(
                    "\"DefaultSMTPGateways\"\t\"relay.example.net:587,NeedTLS=2\"",
                    "smtpfwd.tab: \"*.example.com\"\t\"relay.example.net:587\"\t\"NeedTLS=2\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return Outbound.check(ctx, INFO, NeedTls.OPPORTUNISTIC);
    }
}
