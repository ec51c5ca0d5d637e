package org.xmailkit.audit.rules.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.NetContext;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.NetRule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.audit.probe.Exchange;
import org.xmailkit.audit.probe.Service;
import org.xmailkit.model.References;

/**
 * NET-011: MAIL FROM:&lt;&gt; is refused for good (5xx); with the MailRoot, AllowNullSender is named when it is
 * off.
 */
public final class NullSenderRefused implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-011",
            Severity.MEDIUM,
            Category.ABUSE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(
                    References.source("SMTPSvr.cpp SMTPHandleCmd_MAIL"),
                    References.rfc(5321, "4.5.5"),
                    References.rfc(2505, "2.6.1")),
            List.of("\"AllowNullSender\"\t\"1\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        List<NetFinding> out = new ArrayList<>();
        boolean off = NetSupport.flag(ctx, "AllowNullSender").map(on -> !on).orElse(false);
        for (EndpointProbe e : NetSupport.open(ctx, Service.Protocol.SMTP)) {
            Optional<Exchange> ns = e.smtp()
                    .flatMap(s -> s.nullSender())
                    .filter(x -> x.reply().code() >= 500 && x.reply().code() < 600);
            if (ns.isEmpty()) {
                continue;
            }
            List<String> evidence = new ArrayList<>(List.of(ns.get().text()));
            if (off) {
                evidence.addAll(NetSupport.lineEvidence(ctx, "AllowNullSender"));
            }
            out.add(NetSupport.finding(
                    INFO,
                    e,
                    off ? NetSupport.at(ctx, "AllowNullSender") : Optional.empty(),
                    INFO.message(
                            off ? "off" : "refused",
                            e.endpoint().label(),
                            ns.get().reply().first()),
                    evidence));
        }
        return out;
    }
}
