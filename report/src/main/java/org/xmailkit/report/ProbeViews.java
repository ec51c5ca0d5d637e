package org.xmailkit.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xmailkit.audit.probe.CtrlFacts;
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.audit.probe.HostProbe;
import org.xmailkit.audit.probe.Pop3Facts;
import org.xmailkit.audit.probe.ProtocolResult;
import org.xmailkit.audit.probe.SmtpFacts;
import org.xmailkit.audit.probe.Strength;
import org.xmailkit.audit.probe.SuiteResult;
import org.xmailkit.audit.probe.TlsFacts;
import org.xmailkit.audit.probe.Upgrade;
import org.xmailkit.audit.tls.CertificateFacts;
import org.xmailkit.report.ProbeView.EndpointView;
import org.xmailkit.report.ProbeView.Row;

/** Builds the {@link ProbeView} of a host's observations, in one language (texts: {@code output.properties}). */
public final class ProbeViews {

    private ProbeViews() {}

    /**
     * @param probe    the observations
     * @param mailRoot the MailRoot compared with them, as shown, or empty
     * @param locale   the language
     * @return the view (certificate validity as at the time of the probe)
     */
    public static ProbeView of(HostProbe probe, String mailRoot, Locale locale) {
        Instant now = probe.started();
        Texts t = new Texts(locale);
        String summary = probe.probed()
                ? t.get(
                        "probe.summary",
                        probe.address(),
                        probe.source().isEmpty() ? "-" : probe.source(),
                        seconds(probe.elapsed()))
                : "";
        List<EndpointView> endpoints = new ArrayList<>();
        List<List<Row>> tlsSeen = new ArrayList<>();
        for (EndpointProbe e : probe.endpoints()) {
            endpoints.add(endpoint(e, t, now, tlsSeen, endpoints));
        }
        List<String> untested = new ArrayList<>();
        for (String u : probe.untested()) {
            int colon = u.indexOf(": ");
            String version = colon < 0 ? u : u.substring(0, colon);
            String reason = colon < 0 ? "" : u.substring(colon + 2);
            untested.add(version + " (" + t.reason(reason) + ")");
        }
        return new ProbeView(
                probe.host(),
                summary,
                mailRoot,
                probe.probed() ? "" : error(probe, locale),
                endpoints,
                untested.isEmpty() ? "" : t.get("probe.untested", String.join(", ", untested)));
    }

    /**
     * @param probe  a host that could not be probed
     * @param locale the language
     * @return why, in words
     */
    public static String error(HostProbe probe, Locale locale) {
        return probe.error().equals(HostProbe.UNKNOWN_HOST)
                ? OutputTexts.get(locale, "probe.error.unknownHost", probe.host())
                : probe.error();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    private static EndpointView endpoint(
            EndpointProbe e, Texts t, Instant now, List<List<Row>> tlsSeen, List<EndpointView> before) {
        String state =
                switch (e.state()) {
                    case OPEN -> "open";
                    case CLOSED -> "closed";
                    case NO_ANSWER -> "noAnswer";
                    case OTHER_SERVICE -> "otherService";
                };
        String status = t.get("probe.state." + state) + (e.software().isEmpty() ? "" : ", " + e.software());
        List<Row> rows = new ArrayList<>();
        if (!e.detail().isEmpty()) {
            rows.add(new Row(t.get("probe.row.detail"), e.detail(), !e.open()));
        }
        if (e.greeting().answered()) {
            rows.add(new Row(t.get("probe.row.greeting"), e.greeting().first(), false));
        }
        e.smtp().ifPresent(s -> smtp(rows, s, t));
        e.pop3().ifPresent(p -> pop3(rows, p, t));
        e.ctrl().ifPresent(c -> ctrl(rows, c, t));
        if (e.tls().isPresent()) {
            // XMail has one TLS set-up for every port: a block already shown is named, not repeated.
            List<Row> tls = new ArrayList<>();
            tls(tls, e.tls().get(), t, now);
            List<Row> details = tls.subList(1, tls.size());
            int same = details.isEmpty() ? -1 : tlsSeen.indexOf(details);
            rows.add(tls.get(0));
            if (same >= 0) {
                rows.add(new Row(
                        t.get("probe.row.details"),
                        t.get("probe.sameAs", before.get(same).label()),
                        details.stream().anyMatch(Row::alert)));
            } else {
                rows.addAll(details);
            }
            tlsSeen.add(List.copyOf(details));
        } else {
            tlsSeen.add(List.of());
        }
        if (e.limited()) {
            rows.add(new Row(t.get("probe.row.budget"), t.get("probe.limited", e.connections()), true));
        }
        return new EndpointView(e.endpoint().label(), state, status, rows);
    }

    private static void smtp(List<Row> rows, SmtpFacts s, Texts t) {
        if (!s.extensions().isEmpty()) {
            rows.add(new Row("EHLO", String.join(" ", s.extensions()), false));
        } else {
            rows.add(new Row(s.ehlo().command().split(" ")[0], s.ehlo().reply().text(), false));
        }
        String before = s.authBeforeTls().isEmpty() ? "-" : String.join(" ", s.authBeforeTls());
        String after = s.authAfterTls()
                .map(a -> a.isEmpty() ? "-" : String.join(" ", a))
                .orElse(t.get("probe.notReached"));
        rows.add(new Row(
                "AUTH", t.get("probe.auth", before, after), !s.authBeforeTls().isEmpty()));
        if (s.startTls().status() != Upgrade.Status.NOT_TRIED
                || !s.startTls().handshake().isEmpty()) {
            rows.add(upgrade("STARTTLS", s.startTls(), t));
        }
        List<String> vrfy = new ArrayList<>();
        s.vrfyUnknown().ifPresent(x -> vrfy.add(x.text()));
        s.vrfyLikely().ifPresent(x -> vrfy.add(x.text()));
        if (!vrfy.isEmpty()) {
            boolean tells = s.vrfyUnknown()
                            .map(x -> List.of(550, 551, 553).contains(x.reply().code()))
                            .orElse(false)
                    || s.vrfyLikely()
                            .map(x -> x.reply().code() == 250 || x.reply().code() == 251)
                            .orElse(false);
            rows.add(new Row("VRFY", String.join("; ", vrfy), tells));
        }
        s.expn().ifPresent(x -> rows.add(new Row("EXPN", x.text(), x.reply().code() == 250)));
        s.etrn().ifPresent(x -> rows.add(new Row("ETRN", x.text(), x.reply().positive())));
        s.relay().ifPresent(r -> {
            List<String> parts = new ArrayList<>(List.of(r.mail().text()));
            r.rcpt().ifPresent(x -> parts.add(x.text()));
            String verdict = r.accepted()
                    ? t.get("probe.relay.accepted")
                    : r.rcpt().isPresent() ? t.get("probe.relay.refused") : t.get("probe.relay.untested");
            rows.add(new Row(
                    t.get("probe.row.relay"), verdict + " (" + String.join("; ", parts) + ", RSET)", r.accepted()));
        });
        s.nullSender()
                .ifPresent(x -> rows.add(new Row(
                        t.get("probe.row.nullSender"), x.text(), x.reply().code() >= 500)));
        if (!s.ended().isEmpty()) {
            rows.add(new Row(t.get("probe.row.ended"), s.ended(), true));
        }
    }

    private static void pop3(List<Row> rows, Pop3Facts p, Texts t) {
        rows.add(new Row("CAPA", p.capabilities().isEmpty() ? "-" : String.join(" ", p.capabilities()), false));
        rows.add(new Row(t.get("probe.row.userBeforeTls"), t.yesNo(p.userBeforeTls()), p.userBeforeTls()));
        rows.add(new Row("APOP", t.yesNo(p.apop()), false));
        if (p.stls().status() != Upgrade.Status.NOT_TRIED) {
            rows.add(upgrade("STLS", p.stls(), t));
        }
        p.capabilitiesAfterTls()
                .filter(c -> p.stls().established())
                .ifPresent(c -> rows.add(new Row(t.get("probe.row.capaAfterTls"), String.join(" ", c), false)));
    }

    private static void ctrl(List<Row> rows, CtrlFacts c, Texts t) {
        String access =
                switch (c.access()) {
                    case ANSWERED -> "answered";
                    case DENIED -> "denied";
                    case UNKNOWN -> "unknown";
                };
        rows.add(new Row(
                t.get("probe.row.access"), t.get("probe.access." + access), c.access() == CtrlFacts.Access.ANSWERED));
        if (c.tls().status() != Upgrade.Status.NOT_TRIED) {
            rows.add(upgrade("#!TLS", c.tls(), t));
        }
    }

    private static Row upgrade(String label, Upgrade u, Texts t) {
        String value =
                switch (u.status()) {
                    case NOT_OFFERED -> t.get("probe.upgrade.notOffered");
                    case REFUSED -> t.get("probe.upgrade.refused", u.reply());
                    case FAILED -> t.get("probe.upgrade.failed", u.reply(), u.handshake());
                    case ESTABLISHED -> t.get("probe.upgrade.established", u.reply(), u.handshake());
                    case NOT_TRIED -> t.get("probe.upgrade.notTried", u.handshake());
                };
        return new Row(label, value, u.status() != Upgrade.Status.ESTABLISHED);
    }

    private static void tls(List<Row> rows, TlsFacts x, Texts t, Instant now) {
        rows.add(new Row(
                "TLS",
                x.handshake().ok()
                        ? x.handshake().text()
                        : t.get("probe.tls.failed", x.handshake().error()),
                !x.works()));
        if (!x.protocols().isEmpty()) {
            List<String> versions = new ArrayList<>();
            boolean legacy = false;
            for (ProtocolResult p : x.protocols()) {
                String r =
                        switch (p.result()) {
                            case ACCEPTED -> t.get("probe.version.accepted");
                            case REFUSED -> t.get("probe.version.refused");
                            case UNTESTED -> t.get("probe.version.untested", t.reason(p.detail()));
                        };
                legacy |= p.accepted() && List.of("SSLv3", "TLSv1", "TLSv1.1").contains(p.protocol());
                versions.add(p.protocol() + " " + r);
            }
            rows.add(new Row(t.get("probe.row.versions"), String.join(", ", versions), legacy));
        }
        for (Strength s : Strength.values()) {
            List<String> names =
                    x.suites(s).stream().map(SuiteResult::suite).distinct().toList();
            if (!names.isEmpty()) {
                rows.add(new Row(
                        t.get("probe.suites." + s.id()),
                        names.size() + ": " + String.join(", ", names),
                        s == Strength.WEAK || s == Strength.INSECURE));
            }
        }
        if (!x.complete()) {
            rows.add(new Row(t.get("probe.row.scan"), t.get("probe.incomplete"), true));
        }
        if (!x.chain().isEmpty()) {
            CertificateFacts leaf = new CertificateFacts(0, x.chain().get(0));
            List<String> names = new ArrayList<>(leaf.serverNames());
            names.addAll(leaf.ipAddresses());
            rows.add(new Row(t.get("probe.row.certificate"), leaf.subject(), false));
            rows.add(new Row(t.get("probe.row.names"), names.isEmpty() ? "-" : String.join(", ", names), false));
            rows.add(new Row(
                    t.get("probe.row.key"),
                    leaf.keyDescription() + ", " + leaf.signatureAlgorithm(),
                    leaf.weakKey() || leaf.weakSignature()));
            boolean expired = leaf.expired(now) || leaf.notYetValid(now);
            rows.add(new Row(
                    t.get("probe.row.valid"),
                    t.get(
                            expired ? "probe.valid.expired" : "probe.valid.left",
                            leaf.notBefore().toString(),
                            leaf.notAfter().toString(),
                            leaf.daysLeft(now)),
                    expired));
            rows.add(new Row(
                    t.get("probe.row.issuer"),
                    leaf.selfSigned() ? t.get("probe.selfSigned") : leaf.issuer(),
                    leaf.selfSigned()));
            rows.add(new Row(
                    t.get("probe.row.chain"), t.get("probe.chain", x.chain().size()), false));
            rows.add(new Row("SHA-256", leaf.sha256(), false));
        }
    }

    /** The texts of one language. */
    private static final class Texts {
        private final Locale locale;

        Texts(Locale locale) {
            this.locale = locale;
        }

        String get(String key, Object... args) {
            return OutputTexts.get(locale, key, args);
        }

        String yesNo(boolean b) {
            return get(b ? "probe.yes" : "probe.no");
        }

        /** @return a reason code of the probe in words, or the text itself when it is none */
        String reason(String code) {
            return switch (code) {
                case "unsupported", "disabled", "unavailable", "budget" -> get("probe.reason." + code);
                default -> code;
            };
        }
    }
}
