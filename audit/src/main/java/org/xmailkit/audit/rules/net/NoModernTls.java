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
import org.xmailkit.audit.probe.ProtocolResult;
import org.xmailkit.audit.probe.TlsFacts;
import org.xmailkit.model.References;

/**
 * NET-015: TLS works, but neither TLS 1.2 nor TLS 1.3 is accepted (both were tested and refused): the endpoint speaks
 * only versions that current clients turn off.
 */
public final class NoModernTls implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-015",
            Severity.HIGH,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(References.rfc(9325, "3.1.1"), References.rfc(8996, "1"), References.nist("3.1")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        List<NetFinding> out = new ArrayList<>();
        for (List<EndpointProbe> g : NetSupport.grouped(NetSupport.tlsWorks(ctx), e -> {
            TlsFacts t = e.tls().get();
            boolean refused = refused(t, "TLSv1.2") && refused(t, "TLSv1.3");
            return refused ? Optional.of(accepted(t)) : Optional.empty();
        })) {
            String accepted = accepted(g.get(0).tls().get());
            out.add(NetSupport.finding(
                    INFO,
                    g,
                    Optional.empty(),
                    INFO.message("legacyOnly", NetSupport.labels(g), accepted),
                    List.of("TLSv1.3: refused", "TLSv1.2: refused", "accepted: " + accepted)));
        }
        return out;
    }

    private static boolean refused(TlsFacts t, String version) {
        return t.protocol(version)
                .map(p -> p.result() == ProtocolResult.Result.REFUSED)
                .orElse(false);
    }

    private static String accepted(TlsFacts t) {
        return String.join(
                ", ",
                t.protocols().stream()
                        .filter(ProtocolResult::accepted)
                        .map(ProtocolResult::protocol)
                        .toList());
    }
}
