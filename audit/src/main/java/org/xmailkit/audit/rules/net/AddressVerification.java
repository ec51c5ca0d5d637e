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
import org.xmailkit.audit.probe.SmtpFacts;
import org.xmailkit.model.References;

/**
 * NET-008: VRFY or EXPN tells addresses that exist from those that do not: an address that cannot exist gets a
 * definite "no" (550, 551, 553), postmaster gets 250 or 251, or EXPN expands. A disabled VRFY answers 252 (XMail:
 * "Argument not checked") even though EHLO always lists it, so the command is tested, not the keyword. With the
 * MailRoot, AllowSmtpVRFY is named when it is on.
 */
public final class AddressVerification implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-008",
            Severity.MEDIUM,
            Category.PRIVACY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(
                    References.source("SMTPSvr.cpp SMTPHandleCmd_VRFY"),
                    References.rfc(5321, "7.3"),
                    References.rfc(2505, "2.11")),
            List.of("\"AllowSmtpVRFY\"\t\"0\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        List<NetFinding> out = new ArrayList<>();
        boolean allowed = NetSupport.flag(ctx, "AllowSmtpVRFY").orElse(false);
        for (EndpointProbe e : NetSupport.open(ctx, Service.Protocol.SMTP)) {
            if (e.smtp().isEmpty()) {
                continue;
            }
            SmtpFacts s = e.smtp().get();
            List<Exchange> telling = new ArrayList<>();
            s.vrfyUnknown().filter(x -> definiteNo(x.reply().code())).ifPresent(telling::add);
            s.vrfyLikely()
                    .filter(x -> x.reply().code() == 250 || x.reply().code() == 251)
                    .ifPresent(telling::add);
            s.expn().filter(x -> x.reply().code() == 250).ifPresent(telling::add);
            if (telling.isEmpty()) {
                continue;
            }
            List<String> evidence =
                    new ArrayList<>(telling.stream().map(Exchange::text).toList());
            if (allowed) {
                evidence.addAll(NetSupport.lineEvidence(ctx, "AllowSmtpVRFY"));
            }
            out.add(NetSupport.finding(
                    INFO,
                    e,
                    allowed ? NetSupport.at(ctx, "AllowSmtpVRFY") : Optional.empty(),
                    INFO.message(
                            allowed ? "allowed" : "answers",
                            e.endpoint().label(),
                            telling.get(0).text()),
                    evidence));
        }
        return out;
    }

    /** @return whether a reply code says the mailbox does not exist (RFC 5321 §3.5.3, §4.2.3) */
    static boolean definiteNo(int code) {
        return code == 550 || code == 551 || code == 553;
    }
}
