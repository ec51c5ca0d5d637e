package org.xmailkit.audit.rules.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.xmailkit.audit.NetContext;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.audit.probe.ProtocolResult;
import org.xmailkit.audit.probe.Strength;
import org.xmailkit.audit.probe.SuiteResult;
import org.xmailkit.audit.probe.TlsFacts;

/**
 * What the protocol-version and cipher-suite rules share: one finding per group of endpoints that show the same
 * thing (XMail has one TLS set-up for every service).
 */
final class TlsProtocols {

    private TlsProtocols() {}

    /** A finding per group of endpoints that accept the same versions among those named. */
    static List<NetFinding> accepted(NetContext ctx, RuleInfo info, List<String> versions) {
        List<NetFinding> out = new ArrayList<>();
        for (List<EndpointProbe> g : NetSupport.grouped(NetSupport.tlsWorks(ctx), e -> {
            List<String> hit = versions.stream()
                    .filter(v -> e.tls()
                            .get()
                            .protocol(v)
                            .map(ProtocolResult::accepted)
                            .orElse(false))
                    .toList();
            return hit.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", hit));
        })) {
            TlsFacts tls = g.get(0).tls().get();
            List<String> hit = versions.stream()
                    .filter(v -> tls.protocol(v).map(ProtocolResult::accepted).orElse(false))
                    .toList();
            out.add(NetSupport.finding(
                    info,
                    g,
                    Optional.empty(),
                    info.message("accepted", NetSupport.labels(g), String.join(", ", hit)),
                    hit.stream().map(v -> v + ": accepted").toList()));
        }
        return out;
    }

    /** A finding per group of endpoints that accept the same suites of a strength. */
    static List<NetFinding> suites(NetContext ctx, RuleInfo info, Strength strength) {
        List<NetFinding> out = new ArrayList<>();
        for (List<EndpointProbe> g : NetSupport.grouped(NetSupport.tlsWorks(ctx), e -> {
            List<SuiteResult> s = e.tls().get().suites(strength);
            return s.isEmpty() ? Optional.empty() : Optional.of(names(s, x -> true));
        })) {
            List<SuiteResult> s = g.get(0).tls().get().suites(strength);
            List<String> evidence =
                    s.stream().map(x -> x.protocol() + " " + x.suite()).toList();
            out.add(NetSupport.finding(
                    info,
                    g,
                    Optional.empty(),
                    info.message("accepted", NetSupport.labels(g), distinct(s).size(), String.join(", ", distinct(s))),
                    evidence));
        }
        return out;
    }

    private static List<String> distinct(List<SuiteResult> s) {
        return s.stream().map(SuiteResult::suite).distinct().toList();
    }

    private static String names(List<SuiteResult> s, Predicate<SuiteResult> keep) {
        return String.join(
                ",",
                s.stream().filter(keep).map(x -> x.protocol() + "/" + x.suite()).toList());
    }
}
