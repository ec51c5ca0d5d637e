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
import org.xmailkit.audit.net.IpAddress;
import org.xmailkit.audit.net.IpMap;
import org.xmailkit.audit.probe.CtrlFacts;
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.audit.probe.Service;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.References;

/**
 * NET-012: the CTRL administration service greeted the probing host with its login prompt (a login would be read
 * next; none was sent). With the MailRoot, the ctrl.ipmap.tab line that lets the probing address in is named, or the
 * missing file.
 */
public final class CtrlAnswers implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-012",
            Severity.HIGH,
            Category.ACCESS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(
                    References.source("CTRLSvr.cpp CTRLCheckPeerIP"),
                    References.source("CTRLSvr.cpp CTRLHandleSession")),
            List.of("\"0.0.0.0\"\t\"0.0.0.0\"\t\"DENY\"\t1", "\"127.0.0.1\"\t\"255.255.255.255\"\t\"ALLOW\"\t2"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        List<NetFinding> out = new ArrayList<>();
        for (EndpointProbe e : NetSupport.open(ctx, Service.Protocol.CTRL)) {
            if (e.ctrl().map(CtrlFacts::access).orElse(CtrlFacts.Access.UNKNOWN) != CtrlFacts.Access.ANSWERED) {
                continue;
            }
            List<String> evidence = new ArrayList<>(List.of(e.greeting().first()));
            Optional<Location> cause = Optional.empty();
            String key = "answered";
            Optional<IpMap.Decision> d = decision(ctx);
            if (d.isPresent() && d.get().allowed()) {
                IpMap map = map(ctx).orElseThrow();
                if (!map.exists()) {
                    key = "noMap";
                    cause = Optional.of(Location.file(ctx.files().get().root().directory()));
                } else if (d.get().decidedBy().isPresent()) {
                    IpMap.Rule r = d.get().decidedBy().get();
                    key = "allowedBy";
                    cause = Optional.of(Location.line(map.file().get().path(), r.line(), ""));
                    evidence.add(NetSupport.line(map.file().get(), r.row()));
                }
            }
            Service s = e.endpoint().service();
            out.add(NetSupport.finding(
                    INFO,
                    e,
                    cause,
                    INFO.message(key, e.endpoint().label(), ctx.probe().source(), s.offOption(), s.bindOption()),
                    evidence));
        }
        return out;
    }

    /** @return ctrl.ipmap.tab, when the MailRoot is known */
    static Optional<IpMap> map(NetContext ctx) {
        return ctx.files().map(f -> IpMap.of(f.root().file(MailRootFile.CTRL_IPMAP)));
    }

    /** @return what ctrl.ipmap.tab decides for the probing address, when the MailRoot and the address are known */
    static Optional<IpMap.Decision> decision(NetContext ctx) {
        Optional<IpAddress> source = IpAddress.parse(ctx.probe().source());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        return map(ctx).map(m -> m.decide(source.get()));
    }
}
