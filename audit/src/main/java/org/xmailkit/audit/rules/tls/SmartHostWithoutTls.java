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
 * TLS-007: an explicitly configured smart host ({@code DefaultSMTPGateways} entry or smtpfwd.tab line) gets mail
 * with no STARTTLS at all (effective {@code NeedTLS} 0 or not set). smtpfwd.tab is read when the MailRoot is known.
 */
public final class SmartHostWithoutTls implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-007",
            Severity.MEDIUM,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(
                    References.source("SMTPUtils.cpp USmtpOptionsAssign"),
                    References.source("SMTPUtils.cpp USmtpSwitchToSSL"),
                    References.rfc(9325, "3.2")),
            List.of(
                    "\"DefaultSMTPGateways\"\t\"relay.example.net:587,NeedTLS=2\"",
                    "smtpfwd.tab: \"*.example.com\"\t\"relay.example.net:587\"\t\"NeedTLS=2\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return Outbound.check(ctx, INFO, NeedTls.OFF);
    }
}
