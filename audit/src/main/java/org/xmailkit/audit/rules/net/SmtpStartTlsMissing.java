package org.xmailkit.audit.rules.net;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.NetContext;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.NetRule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.probe.Service;
import org.xmailkit.model.References;

/**
 * NET-003: SMTP STARTTLS not offered or refused on a plain port; with the MailRoot, the server.tab switch that
 * turns it off.
 */
public final class SmtpStartTlsMissing implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-003",
            Severity.HIGH,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(
                    References.source("SMTPSvr.cpp SMTPHandleCmd_EHLO"),
                    References.rfc(3207, "4"),
                    References.rfc(8314, "3")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        return UpgradeMissing.check(ctx, INFO, Service.Protocol.SMTP, NetSupport.ENABLE_SMTP_TLS, e -> e.smtp()
                .map(s -> s.startTls()));
    }
}
