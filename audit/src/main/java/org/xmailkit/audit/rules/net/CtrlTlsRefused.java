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

/** NET-005: CTRL refuses #!TLS on a plain port; with the MailRoot, the server.tab switch that turns it off. */
public final class CtrlTlsRefused implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-005",
            Severity.MEDIUM,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(References.source("CTRLSvr.cpp CTRLLogin"), References.rfc(9325, "3.2")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        return UpgradeMissing.check(ctx, INFO, Service.Protocol.CTRL, NetSupport.ENABLE_CTRL_TLS, e -> e.ctrl()
                .map(c -> c.tls()));
    }
}
