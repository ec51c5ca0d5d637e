package org.xmailkit.audit.rules.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.NetContext;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.NetRule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.behaviour.XMailMatch;
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.audit.probe.Service;
import org.xmailkit.model.Effective;
import org.xmailkit.model.Entry;
import org.xmailkit.model.References;

/**
 * NET-027: SmtpNoTLSAuths is set, yet a plain SMTP port offers mechanisms it does not list (for example PLAIN when it
 * says LOGIN only), so the server does not run on this server.tab. XMail 1.27 advertises on a link without TLS only
 * what it finds in the list as StrUtils.cpp StrLimIStr searches ({@link XMailMatch#limIStr}: in practice the first
 * item); a mechanism counts as listed when it is an item or StrLimIStr finds it, so that neither a server that reads
 * the whole list nor one with the quirk ({@code PLAINPLAIN} lets PLAIN through) is reported.
 */
public final class AuthBeyondNoTlsAuths implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-027",
            Severity.MEDIUM,
            Category.CREDENTIALS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE, RuleInfo.Need.MAILROOT),
            List.of(References.source("SMTPSvr.cpp SMTPAddAuth"), References.source("StrUtils.cpp StrLimIStr")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        Effective e = NetSupport.effective(ctx, NetSupport.SMTP_NO_TLS_AUTHS).orElseThrow();
        if (e.entry() == null || e.value() == null) {
            return List.of();
        }
        String value = Entry.decode(e.value(), ctx.files().get().tab().charset());
        List<String> listed = new ArrayList<>();
        for (String m : value.split(",")) {
            if (!m.isBlank()) {
                listed.add(m.strip().toUpperCase(Locale.ROOT));
            }
        }
        List<NetFinding> out = new ArrayList<>();
        for (EndpointProbe p : NetSupport.open(ctx, Service.Protocol.SMTP)) {
            if (p.smtp().isEmpty() || p.endpoint().service().implicitTls()) {
                continue;
            }
            List<String> extra = p.smtp().get().authBeforeTls().stream()
                    .filter(m -> !listed.contains(m) && !XMailMatch.limIStr(value, m, ","))
                    .toList();
            if (extra.isEmpty()) {
                continue;
            }
            List<String> evidence = new ArrayList<>(
                    List.of("EHLO: AUTH " + String.join(" ", p.smtp().get().authBeforeTls())));
            evidence.addAll(NetSupport.lineEvidence(ctx, NetSupport.SMTP_NO_TLS_AUTHS));
            out.add(NetSupport.finding(
                    INFO,
                    p,
                    NetSupport.at(ctx, NetSupport.SMTP_NO_TLS_AUTHS),
                    INFO.message(
                            listed.isEmpty() ? "none" : "beyond",
                            p.endpoint().label(),
                            String.join(", ", extra),
                            String.join(", ", listed)),
                    evidence));
        }
        return out;
    }
}
