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
import org.xmailkit.audit.probe.Service;
import org.xmailkit.model.References;

/**
 * NET-007: a plain POP3 port offers USER and PASS (CAPA {@code USER}) before STLS. XMail 1.27 has no setting that
 * refuses them in clear text: only the listener itself can go ({@code -P-}, keeping POP3S).
 */
public final class CleartextPop3Login implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-007",
            Severity.MEDIUM,
            Category.CREDENTIALS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(
                    References.source("POP3Svr.cpp POP3HandleCmd_USER"),
                    References.rfc(2595, "2.3"),
                    References.rfc(8314, "3")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        List<NetFinding> out = new ArrayList<>();
        for (EndpointProbe e : NetSupport.open(ctx, Service.Protocol.POP3)) {
            if (e.pop3().isEmpty() || !e.pop3().get().userBeforeTls()) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            evidence.add("CAPA: " + String.join(" ", e.pop3().get().capabilities()));
            if (e.pop3().get().apop()) {
                evidence.add("APOP: " + e.greeting().first());
            }
            out.add(NetSupport.finding(
                    INFO,
                    e,
                    Optional.empty(),
                    INFO.message(
                            "user",
                            e.endpoint().label(),
                            e.endpoint().service().offOption(),
                            Service.POP3S.bindOption()),
                    evidence));
        }
        return out;
    }
}
