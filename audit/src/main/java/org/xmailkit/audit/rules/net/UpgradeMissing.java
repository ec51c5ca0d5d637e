package org.xmailkit.audit.rules.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.xmailkit.audit.NetContext;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.audit.probe.Service;
import org.xmailkit.audit.probe.Upgrade;
import org.xmailkit.model.Text;

/**
 * What NET-003, NET-004 and NET-005 share: a plain endpoint whose TLS upgrade is not advertised or is refused, with
 * the server.tab switch that turns it off when the MailRoot is known and has it off.
 */
final class UpgradeMissing {

    private UpgradeMissing() {}

    static List<NetFinding> check(
            NetContext ctx,
            RuleInfo info,
            Service.Protocol protocol,
            String variable,
            Function<EndpointProbe, Optional<Upgrade>> upgrade) {
        List<NetFinding> out = new ArrayList<>();
        boolean off = NetSupport.flag(ctx, variable).map(on -> !on).orElse(false);
        for (EndpointProbe e : NetSupport.open(ctx, protocol)) {
            if (e.endpoint().service().implicitTls()) {
                continue;
            }
            Optional<Upgrade> u = upgrade.apply(e);
            if (u.isEmpty()
                    || (u.get().status() != Upgrade.Status.NOT_OFFERED
                            && u.get().status() != Upgrade.Status.REFUSED)) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            Text message;
            if (u.get().status() == Upgrade.Status.REFUSED) {
                evidence.add(u.get().command() + " -> " + u.get().reply());
                message = info.message(
                        "refused" + (off ? ".off" : ""),
                        e.endpoint().label(),
                        u.get().reply(),
                        variable);
            } else {
                message = info.message(
                        "notOffered" + (off ? ".off" : ""), e.endpoint().label(), variable);
            }
            if (off) {
                evidence.addAll(NetSupport.lineEvidence(ctx, variable));
            }
            out.add(NetSupport.finding(
                    info, e, off ? NetSupport.at(ctx, variable) : Optional.empty(), message, evidence));
        }
        return out;
    }
}
