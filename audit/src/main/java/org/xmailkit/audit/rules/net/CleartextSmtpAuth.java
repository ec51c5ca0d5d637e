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
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.audit.probe.Service;
import org.xmailkit.model.References;

/**
 * NET-006: SMTP AUTH mechanisms that carry the password itself (LOGIN, PLAIN, or any not known to be a challenge)
 * are offered before STARTTLS; with the MailRoot, SmtpNoTLSAuths (absent, or listing them) is named as the cause.
 */
public final class CleartextSmtpAuth implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-006",
            Severity.HIGH,
            Category.CREDENTIALS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(
                    References.source("SMTPSvr.cpp SMTPListAuths"), References.rfc(4954, "4"),
                    References.rfc(8314, "3"), References.rfc(6409, "4.3")),
            List.of("\"SmtpNoTLSAuths\"\t\"\""));

    /** Challenge-response mechanisms: the password itself does not cross the wire. */
    static final Set<String> CHALLENGES = Set.of("CRAM-MD5", "DIGEST-MD5", "SCRAM-SHA-1", "SCRAM-SHA-256");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        List<NetFinding> out = new ArrayList<>();
        for (EndpointProbe e : NetSupport.open(ctx, Service.Protocol.SMTP)) {
            if (e.smtp().isEmpty()) {
                continue;
            }
            List<String> clear = e.smtp().get().authBeforeTls().stream()
                    .filter(m -> !CHALLENGES.contains(m))
                    .toList();
            if (clear.isEmpty()) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            evidence.add("EHLO: AUTH " + String.join(" ", e.smtp().get().authBeforeTls()));
            Optional<Location> cause = NetSupport.at(ctx, NetSupport.SMTP_NO_TLS_AUTHS);
            evidence.addAll(NetSupport.lineEvidence(ctx, NetSupport.SMTP_NO_TLS_AUTHS));
            boolean set = NetSupport.effective(ctx, NetSupport.SMTP_NO_TLS_AUTHS)
                    .map(x -> x.isSet())
                    .orElse(false);
            String key = ctx.files().isEmpty() ? "offered" : set ? "listed" : "unset";
            out.add(NetSupport.finding(
                    INFO, e, cause, INFO.message(key, e.endpoint().label(), String.join(", ", clear)), evidence));
        }
        return out;
    }
}
