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
import org.xmailkit.model.References;

/** NET-001: a greeting names the server software and its version (XMail's banners cannot be configured). */
public final class VersionDisclosed implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-001",
            Severity.INFO,
            Category.PRIVACY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(
                    References.source("SMTPSvr.cpp SMTPHandleSession"),
                    References.source("POP3Svr.cpp POP3HandleSession"),
                    References.source("CTRLSvr.cpp CTRLHandleSession")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        List<NetFinding> out = new ArrayList<>();
        List<EndpointProbe> open =
                ctx.probe().endpoints().stream().filter(EndpointProbe::open).toList();
        for (List<EndpointProbe> g :
                NetSupport.grouped(open, e -> e.software().isEmpty() ? Optional.empty() : Optional.of(e.software()))) {
            List<String> evidence = g.stream()
                    .map(e -> e.endpoint().label() + ": " + e.greeting().first())
                    .toList();
            out.add(NetSupport.finding(
                    INFO,
                    g,
                    Optional.empty(),
                    INFO.message("disclosed", NetSupport.labels(g), g.get(0).software()),
                    evidence));
        }
        return out;
    }
}
