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
 * NET-009: ETRN (for a domain that cannot exist) is accepted from the probing host; with the MailRoot,
 * AllowSmtpETRN is named when it is on.
 */
public final class EtrnAccepted implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-009",
            Severity.LOW,
            Category.ABUSE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(
                    References.source("SMTPSvr.cpp SMTPHandleCmd_ETRN"),
                    References.rfc(1985, "5"),
                    References.rfc(2505, "2.12")),
            List.of("\"AllowSmtpETRN\"\t\"0\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        List<NetFinding> out = new ArrayList<>();
        boolean allowed = NetSupport.flag(ctx, "AllowSmtpETRN").orElse(false);
        for (EndpointProbe e : NetSupport.open(ctx, Service.Protocol.SMTP)) {
            Optional<Exchange> etrn =
                    e.smtp().flatMap(s -> s.etrn()).filter(x -> x.reply().positive());
            if (etrn.isEmpty()) {
                continue;
            }
            List<String> evidence = new ArrayList<>(List.of(etrn.get().text()));
            if (allowed) {
                evidence.addAll(NetSupport.lineEvidence(ctx, "AllowSmtpETRN"));
            }
            out.add(NetSupport.finding(
                    INFO,
                    e,
                    allowed ? NetSupport.at(ctx, "AllowSmtpETRN") : Optional.empty(),
                    INFO.message(
                            allowed ? "allowed" : "accepted",
                            e.endpoint().label(),
                            ctx.probe().source(),
                            etrn.get().reply().first()),
                    evidence));
        }
        return out;
    }
}
