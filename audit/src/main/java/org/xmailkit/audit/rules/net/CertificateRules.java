package org.xmailkit.audit.rules.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.xmailkit.audit.NetContext;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.audit.tls.CertificateFacts;
import org.xmailkit.model.Text;

/** What the served-certificate rules share: one finding per distinct leaf, naming every endpoint that serves it. */
final class CertificateRules {

    private CertificateRules() {}

    /**
     * @param ctx     the probe
     * @param info    the rule
     * @param message the message for a leaf served by a group (its labels as {@code {0}}), or empty when fine
     * @return the findings
     */
    static List<NetFinding> perLeaf(
            NetContext ctx, RuleInfo info, BiFunction<CertificateFacts, String, Optional<Text>> message) {
        List<NetFinding> out = new ArrayList<>();
        for (List<EndpointProbe> g : NetSupport.byLeaf(ctx)) {
            CertificateFacts leaf = NetSupport.leafOf(g);
            message.apply(leaf, NetSupport.labels(g))
                    .ifPresent(t -> out.add(
                            NetSupport.finding(info, g, Optional.empty(), t, List.of(NetSupport.summary(leaf)))));
        }
        return out;
    }
}
