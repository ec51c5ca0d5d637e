package org.xmailkit.audit.rules.net;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.NetContext;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.audit.probe.Service;
import org.xmailkit.audit.probe.TlsFacts;
import org.xmailkit.audit.tls.CertificateFacts;
import org.xmailkit.model.Effective;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.Text;

/** What the NET- rules share: references, endpoints, the MailRoot lines that cause what the wire shows, evidence. */
final class NetSupport {

    static final String ENABLE_SMTP_TLS = "EnableSMTP-TLS";
    static final String ENABLE_POP3_TLS = "EnablePOP3-TLS";
    static final String ENABLE_CTRL_TLS = "EnableCTRL-TLS";
    static final String SMTP_NO_TLS_AUTHS = "SmtpNoTLSAuths";

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private NetSupport() {}

    // ------------------------------------------------------------------ endpoints

    /** @return the endpoints that answered and speak the protocol, in probe order */
    static List<EndpointProbe> open(NetContext ctx, Service.Protocol protocol) {
        return ctx.probe().endpoints().stream()
                .filter(e -> e.open() && e.endpoint().service().protocol() == protocol)
                .toList();
    }

    /** @return the endpoints that answered and have TLS facts, in probe order */
    static List<EndpointProbe> withTls(NetContext ctx) {
        return ctx.probe().endpoints().stream()
                .filter(e -> e.open() && e.tls().isPresent())
                .toList();
    }

    /** @return the endpoints whose TLS handshake worked, in probe order */
    static List<EndpointProbe> tlsWorks(NetContext ctx) {
        return withTls(ctx).stream().filter(e -> e.tls().get().works()).toList();
    }

    /**
     * Groups endpoints that show the same thing (XMail has one TLS set-up for every service), so that one finding
     * names them all instead of repeating itself per port.
     *
     * @param endpoints endpoints
     * @param key       what must be the same; empty leaves the endpoint out
     * @return the groups, in the order their first endpoint comes
     */
    static List<List<EndpointProbe>> grouped(
            List<EndpointProbe> endpoints, Function<EndpointProbe, Optional<String>> key) {
        Map<String, List<EndpointProbe>> m = new LinkedHashMap<>();
        for (EndpointProbe e : endpoints) {
            key.apply(e)
                    .ifPresent(k -> m.computeIfAbsent(k, x -> new ArrayList<>()).add(e));
        }
        return List.copyOf(m.values());
    }

    /** @return the endpoints' labels, e.g. {@code smtp 127.0.0.1:25, smtps 127.0.0.1:465} */
    static String labels(List<EndpointProbe> group) {
        return group.stream().map(e -> e.endpoint().label()).collect(Collectors.joining(", "));
    }

    /**
     * @return a finding on the group's first endpoint
     */
    static NetFinding finding(
            RuleInfo rule, List<EndpointProbe> group, Optional<Location> cause, Text message, List<String> evidence) {
        return NetFinding.of(rule, group.get(0).endpoint(), cause, message, evidence);
    }

    /** @return a finding on one endpoint */
    static NetFinding finding(
            RuleInfo rule, EndpointProbe e, Optional<Location> cause, Text message, List<String> evidence) {
        return NetFinding.of(rule, e.endpoint(), cause, message, evidence);
    }

    // ------------------------------------------------------------------ server.tab

    /** @return the variable's effective value, when the MailRoot is known */
    static Optional<Effective> effective(NetContext ctx, String name) {
        return ctx.files().map(f -> f.tab().effective(name));
    }

    /** @return whether XMail 1.27 reads the flag as on (file value or default), when the MailRoot is known */
    static Optional<Boolean> flag(NetContext ctx, String name) {
        return effective(ctx, name).map(e -> e.flag().orElse(false));
    }

    /** @return the variable's server.tab location (line 0 when it is not set), when the MailRoot is known */
    static Optional<Location> at(NetContext ctx, String name) {
        return ctx.files()
                .map(f -> Location.line(
                        f.root().serverTabPath(), f.tab().effective(name).line(), name));
    }

    /** @return the line that sets the variable, as evidence; nothing when it is not set */
    static List<String> lineEvidence(NetContext ctx, String name) {
        if (ctx.files().isEmpty()) {
            return List.of();
        }
        AuditContext f = ctx.files().get();
        Effective e = f.tab().effective(name);
        if (e.entry() == null) {
            return List.of();
        }
        return List.of("server.tab:" + e.entry().line() + ": "
                + Evidence.line(f.tab(), e.entry().line()));
    }

    /** @return {@code name:LINE: text} of a MailRoot file's row, decoded for display */
    static String line(TabFile file, TabFile.Row row) {
        return file.kind().fileName() + ":" + row.line() + ": " + Evidence.line(file, row.line());
    }

    // ------------------------------------------------------------------ certificates

    /** @return the leaf served, with its position */
    static Optional<CertificateFacts> leaf(TlsFacts tls) {
        return tls.leaf().map(c -> new CertificateFacts(0, c));
    }

    /** @return the served chain's certificates */
    static List<CertificateFacts> chain(TlsFacts tls) {
        List<CertificateFacts> out = new ArrayList<>();
        List<X509Certificate> c = tls.chain();
        for (int i = 0; i < c.size(); i++) {
            out.add(new CertificateFacts(i, c.get(i)));
        }
        return out;
    }

    /** @return the endpoints that served a certificate, grouped by the leaf's fingerprint */
    static List<List<EndpointProbe>> byLeaf(NetContext ctx) {
        return grouped(withTls(ctx), e -> leaf(e.tls().get()).map(CertificateFacts::sha256));
    }

    /** @return the leaf of a group of endpoints serving the same one */
    static CertificateFacts leafOf(List<EndpointProbe> group) {
        return leaf(group.get(0).tls().get()).orElseThrow();
    }

    /** @return e.g. {@code 2025-06-10 00:00:00 UTC} */
    static String date(Instant t) {
        return DATE.format(t);
    }

    /** @return a one-line summary of a served certificate for evidence (public facts only) */
    static String summary(CertificateFacts c) {
        List<String> names = new ArrayList<>(c.dnsNames());
        names.addAll(c.ipAddresses());
        return "served #" + c.position() + ": subject " + c.subject() + "; issuer " + c.issuer()
                + (names.isEmpty() ? "" : "; names " + String.join(", ", names))
                + "; notAfter " + date(c.notAfter()) + "; " + c.keyDescription()
                + "; signature " + c.signatureAlgorithm() + "; SHA-256 " + c.sha256();
    }
}
