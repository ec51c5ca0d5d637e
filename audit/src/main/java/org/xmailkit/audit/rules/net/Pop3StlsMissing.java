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
 * NET-004: POP3 STLS not offered or refused on a plain port; with the MailRoot, the server.tab switch that turns
 * it off.
 */
public final class Pop3StlsMissing implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-004",
            Severity.MEDIUM,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(
                    References.source("POP3Svr.cpp POP3HandleCmd_CAPA"),
                    References.rfc(2595, "4"),
                    References.rfc(8314, "3")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        return UpgradeMissing.check(ctx, INFO, Service.Protocol.POP3, NetSupport.ENABLE_POP3_TLS, e -> e.pop3()
                .map(p -> p.stls()));
    }
}
