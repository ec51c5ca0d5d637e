package org.xmailkit.report.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.xmailkit.audit.probe.CtrlFacts;
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.audit.probe.Exchange;
import org.xmailkit.audit.probe.HostProbe;
import org.xmailkit.audit.probe.Pop3Facts;
import org.xmailkit.audit.probe.ProtocolResult;
import org.xmailkit.audit.probe.SmtpFacts;
import org.xmailkit.audit.probe.SuiteResult;
import org.xmailkit.audit.probe.TlsFacts;
import org.xmailkit.audit.probe.Upgrade;
import org.xmailkit.audit.tls.CertificateFacts;

/**
 * One host's wire observations as JSON: the {@code observations} object of {@code xmailkit probe --format json}
 * and the {@code probe} object of an audited server with {@code audit --probe} ({@code docs/probe.md},
 * {@code docs/schemas/xmailkit-probe-1.schema.json}). Facts as seen, not translated: replies are the server's own
 * lines, enum values are fixed words.
 */
public final class ProbeJson {

    private ProbeJson() {}

    /**
     * @param o     where to write
     * @param probe the host's observations
     */
    public static void observations(ObjectNode o, HostProbe probe) {
        o.put("host", probe.host());
        o.put("address", probe.address());
        o.put("source", probe.source());
        o.put("startedAt", probe.started().toString());
        o.put("elapsedMs", probe.elapsed().toMillis());
        o.put("error", probe.error().isEmpty() ? null : probe.error());
        ArrayNode untested = o.putArray("untestedProtocols");
        for (String u : probe.untested()) {
            int colon = u.indexOf(": ");
            ObjectNode n = untested.addObject();
            n.put("protocol", colon < 0 ? u : u.substring(0, colon));
            n.put("reason", colon < 0 ? "" : u.substring(colon + 2));
        }
        ArrayNode endpoints = o.putArray("endpoints");
        for (EndpointProbe e : probe.endpoints()) {
            endpoint(endpoints.addObject(), e);
        }
    }

    private static void endpoint(ObjectNode o, EndpointProbe e) {
        o.put("service", e.endpoint().service().id());
        o.put("port", e.endpoint().port());
        o.put("endpoint", e.endpoint().display());
        o.put("state", word(e.state().name()));
        o.put("detail", e.detail());
        ArrayNode greeting = o.putArray("greeting");
        e.greeting().lines().forEach(greeting::add);
        o.put("software", e.software().isEmpty() ? null : e.software());
        o.put("connections", e.connections());
        o.put("elapsedMs", e.elapsed().toMillis());
        o.put("limited", e.limited());
        if (e.smtp().isPresent()) {
            smtp(o.putObject("smtp"), e.smtp().get());
        } else {
            o.putNull("smtp");
        }
        if (e.pop3().isPresent()) {
            pop3(o.putObject("pop3"), e.pop3().get());
        } else {
            o.putNull("pop3");
        }
        if (e.ctrl().isPresent()) {
            CtrlFacts c = e.ctrl().get();
            ObjectNode n = o.putObject("ctrl");
            n.put("access", word(c.access().name()));
            upgrade(n.putObject("tls"), c.tls());
        } else {
            o.putNull("ctrl");
        }
        if (e.tls().isPresent()) {
            tls(o.putObject("tls"), e.tls().get());
        } else {
            o.putNull("tls");
        }
    }

    private static void smtp(ObjectNode o, SmtpFacts s) {
        exchange(o.putObject("ehlo"), s.ehlo());
        strings(o.putArray("extensions"), s.extensions());
        strings(o.putArray("authBeforeTls"), s.authBeforeTls());
        upgrade(o.putObject("startTls"), s.startTls());
        if (s.authAfterTls().isPresent()) {
            strings(o.putArray("authAfterTls"), s.authAfterTls().get());
        } else {
            o.putNull("authAfterTls");
        }
        exchange(o, "vrfyUnknown", s.vrfyUnknown());
        exchange(o, "vrfyLikely", s.vrfyLikely());
        exchange(o, "expn", s.expn());
        exchange(o, "etrn", s.etrn());
        if (s.relay().isPresent()) {
            ObjectNode r = o.putObject("relay");
            exchange(r.putObject("mail"), s.relay().get().mail());
            exchange(r, "rcpt", s.relay().get().rcpt());
            r.put("accepted", s.relay().get().accepted());
        } else {
            o.putNull("relay");
        }
        exchange(o, "nullSender", s.nullSender());
        o.put("ended", s.ended());
    }

    private static void pop3(ObjectNode o, Pop3Facts p) {
        strings(o.putArray("capabilities"), p.capabilities());
        o.put("apop", p.apop());
        o.put("userBeforeTls", p.userBeforeTls());
        upgrade(o.putObject("stls"), p.stls());
        if (p.capabilitiesAfterTls().isPresent()) {
            strings(o.putArray("capabilitiesAfterTls"), p.capabilitiesAfterTls().get());
        } else {
            o.putNull("capabilitiesAfterTls");
        }
        o.put("ended", p.ended());
    }

    private static void tls(ObjectNode o, TlsFacts t) {
        o.put("implicit", t.implicit());
        ObjectNode h = o.putObject("handshake");
        h.put("ok", t.handshake().ok());
        h.put("protocol", t.handshake().protocol());
        h.put("suite", t.handshake().suite());
        h.put("error", t.handshake().error());
        ArrayNode protocols = o.putArray("protocols");
        for (ProtocolResult p : t.protocols()) {
            ObjectNode n = protocols.addObject();
            n.put("protocol", p.protocol());
            n.put("result", word(p.result().name()));
            n.put("detail", p.detail());
        }
        ArrayNode suites = o.putArray("suites");
        for (SuiteResult s : t.suites()) {
            ObjectNode n = suites.addObject();
            n.put("protocol", s.protocol());
            n.put("suite", s.suite());
            n.put("strength", s.strength().id());
        }
        o.put("complete", t.complete());
        ArrayNode chain = o.putArray("chain");
        List<X509Certificate> c = t.chain();
        for (int i = 0; i < c.size(); i++) {
            certificate(chain.addObject(), new CertificateFacts(i, c.get(i)));
        }
    }

    private static void certificate(ObjectNode o, CertificateFacts c) {
        o.put("subject", c.subject());
        o.put("issuer", c.issuer());
        o.put("serial", c.serial());
        o.put("notBefore", c.notBefore().toString());
        o.put("notAfter", c.notAfter().toString());
        o.put("keyAlgorithm", c.keyAlgorithm());
        o.put("keyBits", c.keyBits());
        o.put("key", c.keyDescription());
        o.put("signatureAlgorithm", c.signatureAlgorithm());
        strings(o.putArray("dnsNames"), c.dnsNames());
        strings(o.putArray("ipAddresses"), c.ipAddresses());
        o.put("selfSigned", c.selfSigned());
        o.put("ca", c.ca());
        o.put("sha256", c.sha256());
    }

    private static void upgrade(ObjectNode o, Upgrade u) {
        o.put("status", word(u.status().name()));
        o.put("command", u.command());
        o.put("reply", u.reply());
        o.put("handshake", u.handshake());
    }

    private static void exchange(ObjectNode parent, String field, Optional<Exchange> e) {
        if (e.isPresent()) {
            exchange(parent.putObject(field), e.get());
        } else {
            parent.putNull(field);
        }
    }

    private static void exchange(ObjectNode o, Exchange e) {
        o.put("command", e.command());
        strings(o.putArray("reply"), e.reply().lines());
        o.put("code", e.reply().code());
        o.put("error", e.reply().error());
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    /** @return an enum constant as a JSON word: {@code NOT_OFFERED} to {@code notOffered} */
    static String word(String constant) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }
}
