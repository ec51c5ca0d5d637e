package org.xmailkit.audit.rules.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.NetContext;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.NetRule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.net.IpMap;
import org.xmailkit.audit.probe.CtrlFacts;
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.audit.probe.Service;
import org.xmailkit.model.References;

/**
 * NET-026: the MailRoot's ctrl.ipmap.tab denies the probing address, yet CTRL greeted it: the server does not run on
 * this MailRoot, the probe's address is not what the server sees (NAT, a proxy), or something else answers.
 */
public final class CtrlAnsweredDespiteMap implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-026",
            Severity.MEDIUM,
            Category.ACCESS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE, RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("CTRLSvr.cpp CTRLCheckPeerIP"),
                    References.source("MiscUtils.cpp MscCheckAllowedIP")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        Optional<IpMap.Decision> d = CtrlAnswers.decision(ctx);
        if (d.isEmpty() || d.get().allowed() || d.get().decidedBy().isEmpty()) {
            return List.of();
        }
        IpMap map = CtrlAnswers.map(ctx).orElseThrow();
        IpMap.Rule rule = d.get().decidedBy().get();
        Location at = Location.line(map.file().orElseThrow().path(), rule.line(), "");
        List<NetFinding> out = new ArrayList<>();
        for (EndpointProbe e : NetSupport.open(ctx, Service.Protocol.CTRL)) {
            if (e.ctrl().map(CtrlFacts::access).orElse(CtrlFacts.Access.UNKNOWN) != CtrlFacts.Access.ANSWERED) {
                continue;
            }
            out.add(NetSupport.finding(
                    INFO,
                    e,
                    Optional.of(at),
                    INFO.message(
                            "contradicted", e.endpoint().label(), ctx.probe().source(), rule.line()),
                    List.of(e.greeting().first(), NetSupport.line(map.file().get(), rule.row()))));
        }
        return out;
    }
}
