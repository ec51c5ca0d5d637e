package org.xmailkit.audit.rules.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.xmailkit.audit.tls.CertificateFacts;
import org.xmailkit.audit.tls.HostNames;
import org.xmailkit.model.Effective;
import org.xmailkit.model.Entry;
import org.xmailkit.model.Printable;
import org.xmailkit.model.References;

/**
 * NET-020: the certificate served does not cover the names clients use: the host probed (when it is a name, not an
 * address), the domain the SMTP greeting announces, and with the MailRoot SmtpServerDomain, POP3Domain and
 * HeloDomain (those set). Names are the subjectAltName dNSName entries, or the common name when there is none; a
 * wildcard stands for one left-most label (RFC 6125).
 */
public final class CertificateNames implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-020",
            Severity.MEDIUM,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(References.rfc(6125, "6.4.4"), References.rfc(7817, "3"), References.rfc(8314, "4.4")),
            List.of());

    private static final List<String> VARIABLES = List.of("SmtpServerDomain", "POP3Domain", "HeloDomain");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        Map<String, String> wanted = wanted(ctx);
        List<NetFinding> out = new ArrayList<>();
        for (List<EndpointProbe> g : NetSupport.byLeaf(ctx)) {
            CertificateFacts leaf = NetSupport.leafOf(g);
            List<String> missing = new ArrayList<>();
            List<String> from = new ArrayList<>();
            for (Map.Entry<String, String> w : wanted.entrySet()) {
                if (!leaf.covers(w.getKey()) && !missing.contains(w.getKey())) {
                    missing.add(w.getKey());
                    from.add(w.getKey() + " (" + w.getValue() + ")");
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>(leaf.serverNames());
            names.addAll(leaf.ipAddresses());
            List<String> evidence = new ArrayList<>(List.of(NetSupport.summary(leaf)));
            evidence.addAll(from);
            Optional<Location> cause = Optional.empty();
            for (String v : VARIABLES) {
                Optional<Effective> e = NetSupport.effective(ctx, v);
                if (e.isPresent() && e.get().entry() != null && missing.contains(value(ctx, e.get()))) {
                    cause = NetSupport.at(ctx, v);
                    evidence.addAll(NetSupport.lineEvidence(ctx, v));
                    break;
                }
            }
            out.add(NetSupport.finding(
                    INFO,
                    g,
                    cause,
                    INFO.message(
                            "uncovered",
                            NetSupport.labels(g),
                            String.join(", ", missing),
                            names.isEmpty() ? leaf.subject() : String.join(", ", names)),
                    evidence));
        }
        return out;
    }

    /** @return the names a certificate should cover, each with where it comes from */
    private static Map<String, String> wanted(NetContext ctx) {
        Map<String, String> m = new LinkedHashMap<>();
        String host = ctx.probe().host();
        if (!HostNames.isIpLiteral(host) && host.indexOf('.') > 0) {
            m.put(host.toLowerCase(Locale.ROOT), "probed");
        }
        ctx.probe().endpoints().stream()
                .filter(e -> e.open()
                        && e.endpoint().service().protocol() == Service.Protocol.SMTP
                        && e.greeting().code() == 220)
                .map(e -> e.greeting().first())
                .map(CertificateNames::announced)
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(d -> m.putIfAbsent(d, "greeting"));
        for (String v : VARIABLES) {
            NetSupport.effective(ctx, v)
                    .filter(e -> e.value() != null && !e.value().isBlank())
                    .ifPresent(e -> m.putIfAbsent(value(ctx, e), v));
        }
        return m;
    }

    private static String value(NetContext ctx, Effective e) {
        return Printable.of(Entry.decode(e.value(), ctx.files().get().tab().charset()))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** @return the domain a {@code 220 domain ...} greeting announces, when it is a dotted name */
    static Optional<String> announced(String greeting) {
        String[] f = greeting.length() > 4 ? greeting.substring(4).strip().split("\\s+") : new String[0];
        if (f.length > 0
                && f[0].matches("[A-Za-z0-9.-]{1,253}")
                && f[0].indexOf('.') > 0
                && !HostNames.isIpLiteral(f[0])) {
            return Optional.of(f[0].toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }
}
