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
import org.xmailkit.audit.tls.ChainIssue;
import org.xmailkit.audit.tls.TlsMaterial;
import org.xmailkit.model.References;
import org.xmailkit.model.Text;

/**
 * NET-023: the chain served stops before a root the Java runtime knows (an intermediate was not sent), or is out of
 * order. XMail sends what server.cert holds, in that order (SSL_CTX_use_certificate_chain_file).
 */
public final class ChainIncomplete implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-023",
            Severity.MEDIUM,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(
                    References.rfc(8446, "4.4.2"),
                    References.rfc(5246, "7.4.2"),
                    References.source("SSLBind.cpp BSslSetupVerify")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        List<NetFinding> out = new ArrayList<>();
        for (List<EndpointProbe> g : NetSupport.byLeaf(ctx)) {
            List<ChainIssue> issues =
                    TlsMaterial.servedChain(g.get(0).tls().get().chain());
            if (issues.isEmpty()) {
                continue;
            }
            List<String> evidence = NetSupport.chain(g.get(0).tls().get()).stream()
                    .map(NetSupport::summary)
                    .toList();
            ChainIssue first = issues.get(0);
            Text message = first.kind() == ChainIssue.Kind.INCOMPLETE
                    ? INFO.message("incomplete", NetSupport.labels(g), first.name(), evidence.size())
                    : INFO.message("order", NetSupport.labels(g), first.index() + 1, first.related() + 1);
            out.add(NetSupport.finding(INFO, g, Optional.empty(), message, evidence));
        }
        return out;
    }
}
