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

/** TLS-001: SMTP STARTTLS switched off ({@code EnableSMTP-TLS} 0, or {@code ""} which XMail reads as 0). */
public final class SmtpStartTlsDisabled implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-001",
            Severity.HIGH,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.OPT_IN,
            Set.of(),
            List.of(
                    References.source("SMTPSvr.cpp SMTPHandleCmd_STARTTLS"),
                    References.rfc(8314, "4.1"),
                    References.rfc(9325, "3.2")),
            List.of("\"EnableSMTP-TLS\"\t\"1\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return InboundSwitch.check(ctx, INFO, TlsSupport.ENABLE_SMTP_TLS);
    }
}
