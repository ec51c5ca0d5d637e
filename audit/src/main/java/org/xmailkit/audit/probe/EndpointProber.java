package org.xmailkit.audit.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xmailkit.audit.probe.EndpointProbe.State;
import org.xmailkit.model.ctrl.CtrlSession;

/**
 * Probes one endpoint: a conversation that looks at what any client would see (greeting, EHLO, VRFY and the rest;
 * CAPA; the CTRL greeting), the TLS upgrade on its own connection, then the TLS scan. Nothing is ever logged in to
 * and no message is sent: SMTP stops at RCPT TO and resets, and every session ends with QUIT (CTRL, which has no
 * command before the login, is closed after the greeting).
 */
final class EndpointProber {

    /** The sender and recipient of the relay test: domains reserved for examples (RFC 2606), outside any server. */
    static final String RELAY_FROM = "xmailkit-probe@example.com";

    static final String RELAY_TO = "xmailkit-probe@example.net";
    /** The ETRN argument: a domain that cannot exist (RFC 2606 .invalid). */
    static final String ETRN_DOMAIN = "xmailkit-probe.invalid";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern APOP = Pattern.compile("<[^<>@\\s]+@[^<>\\s]+>");

    private final Endpoint endpoint;
    private final Budget budget;
    private final List<String> protocols = TlsPolicy.testable();
    private final List<String> suites = TlsClient.defaultSuites();

    EndpointProber(Endpoint endpoint, InetAddress address, ProbeOptions options) {
        this.endpoint = endpoint;
        this.budget = new Budget(new InetSocketAddress(address, endpoint.port()), options);
    }

    /** @return the local address the connections came from, or empty */
    String source() {
        return budget.source();
    }

    /** @return what the endpoint showed */
    EndpointProbe probe() {
        long start = System.nanoTime();
        Wire first;
        try {
            first = budget.connect();
        } catch (IOException e) {
            return unreachable(e, start);
        }
        try {
            return switch (endpoint.service().protocol()) {
                case SMTP -> smtp(first, start);
                case POP3 -> pop3(first, start);
                case CTRL -> ctrl(first, start);
            };
        } finally {
            first.close();
        }
    }

    private EndpointProbe unreachable(IOException e, long start) {
        // Refused means nothing listens; a time-out or an unreachable network means nothing answered.
        State state = e instanceof ConnectException ? State.CLOSED : State.NO_ANSWER;
        return new EndpointProbe(
                endpoint,
                state,
                Wire.describe(e),
                Reply.none(Wire.describe(e)),
                "",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                budget.connections(),
                elapsed(start),
                false);
    }

    private EndpointProbe result(
            State state,
            String detail,
            Reply greeting,
            Optional<SmtpFacts> smtp,
            Optional<Pop3Facts> pop3,
            Optional<CtrlFacts> ctrl,
            Optional<TlsFacts> tls,
            long start) {
        return new EndpointProbe(
                endpoint,
                state,
                detail,
                greeting,
                Software.of(greeting.first()),
                smtp,
                pop3,
                ctrl,
                tls,
                budget.connections(),
                elapsed(start),
                budget.spent());
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    // ------------------------------------------------------------------ TLS

    /**
     * What the first connection of an implicit-TLS port gave before the service speaks (nothing on a plain port).
     *
     * @param baseline the handshake of an ordinary client, or null on a plain port
     * @param chain    the certificates it was shown
     * @param noTls    the probe's result when that handshake gave no TLS, so there is nothing more to ask
     */
    private record Opening(Handshake baseline, List<X509Certificate> chain, Optional<EndpointProbe> noTls) {}

    /**
     * The handshake on the first connection of an implicit-TLS port, the connection then secured; on a plain port
     * nothing.
     *
     * @param farewell how the service is left on the scanner's connections
     * @param ctrl     the CTRL facts of a result without TLS (CTRL only)
     */
    private Opening opening(Wire w, long start, TlsScanner.Farewell farewell, Optional<CtrlFacts> ctrl) {
        if (!endpoint.service().implicitTls()) {
            return new Opening(null, List.of(), Optional.empty());
        }
        TlsClient.Attempt a = TlsClient.handshake(w.socket(), endpoint.host(), endpoint.port(), protocols, suites);
        if (a.socket() == null) {
            TlsFacts tls = facts(a.handshake(), a.chain(), x -> {}, farewell);
            return new Opening(
                    a.handshake(),
                    a.chain(),
                    Optional.of(result(
                            State.OPEN,
                            "",
                            Reply.none("no TLS"),
                            Optional.empty(),
                            Optional.empty(),
                            ctrl,
                            Optional.of(tls),
                            start)));
        }
        secure(w, a);
        return new Opening(a.handshake(), a.chain(), Optional.empty());
    }

    private TlsFacts facts(
            Handshake baseline,
            List<X509Certificate> chain,
            TlsScanner.Preamble preamble,
            TlsScanner.Farewell farewell) {
        TlsScanner scanner = new TlsScanner(budget, endpoint.host(), preamble, farewell);
        if (!baseline.ok()) {
            // An ordinary client got no TLS. One more try offering everything this runtime has: when that fails
            // too, nothing about versions or suites can be learnt (typically: no usable certificate).
            Handshake any;
            try {
                any = scanner.attempt(TlsPolicy.testable(), TlsClient.allSuites());
            } catch (IOException e) {
                any = Handshake.failed(Wire.describe(e));
            }
            if (!any.ok()) {
                return new TlsFacts(
                        endpoint.service().implicitTls(),
                        baseline,
                        List.of(),
                        List.of(),
                        chain.isEmpty() ? scanner.chain() : chain,
                        !budget.spent());
            }
        }
        TlsScanner.Result r = scanner.scan();
        return new TlsFacts(
                endpoint.service().implicitTls(),
                baseline,
                r.protocols(),
                r.suites(),
                chain.isEmpty() ? r.chain() : chain,
                r.complete());
    }

    // ------------------------------------------------------------------ SMTP

    private EndpointProbe smtp(Wire w, long start) {
        boolean implicit = endpoint.service().implicitTls();
        Opening opening = opening(w, start, this::smtpFarewell, Optional.empty());
        if (opening.noTls().isPresent()) {
            return opening.noTls().get();
        }
        Handshake baseline = opening.baseline();
        List<X509Certificate> chain = opening.chain();
        Reply greeting = w.smtpReply();
        if (greeting.code() == 0) {
            return result(
                    greeting.answered() ? State.OTHER_SERVICE : State.OPEN,
                    greeting.answered() ? "" : greeting.error(),
                    greeting,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    implicit ? Optional.of(facts(baseline, chain, x -> {}, this::smtpFarewell)) : Optional.empty(),
                    start);
        }
        if (greeting.code() != 220) {
            w.smtp("QUIT");
            return result(
                    State.OPEN,
                    "",
                    greeting,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    start);
        }
        String name = heloName(w);
        String domain = announced(greeting.first());
        Exchange ehlo = w.smtp("EHLO " + name);
        if (!ehlo.reply().positive() && ehlo.reply().answered()) {
            ehlo = w.smtp("HELO " + name);
        }
        List<String> ext = ehlo.command().startsWith("EHLO") ? extensions(ehlo.reply()) : List.of();
        List<String> auth = auth(ext);
        Conversation c = new Conversation(w, ehlo);
        Optional<Exchange> vrfyUnknown = c.smtp("VRFY " + unknownUser() + "@" + domain);
        Optional<Exchange> vrfyLikely = c.smtp("VRFY postmaster@" + domain);
        Optional<Exchange> expn = c.smtp("EXPN postmaster@" + domain);
        Optional<Exchange> etrn = c.smtp("ETRN " + ETRN_DOMAIN);
        Optional<SmtpFacts.Relay> relay = Optional.empty();
        Optional<Exchange> mail = c.smtp("MAIL FROM:<" + RELAY_FROM + ">");
        if (mail.isPresent()) {
            Optional<Exchange> rcpt =
                    mail.get().reply().positive() ? c.smtp("RCPT TO:<" + RELAY_TO + ">") : Optional.empty();
            relay = Optional.of(new SmtpFacts.Relay(mail.get(), rcpt));
            c.smtp("RSET");
        }
        Optional<Exchange> nullSender = c.smtp("MAIL FROM:<>");
        if (nullSender.isPresent()) {
            c.smtp("RSET");
        }
        c.smtp("QUIT");

        Upgrade startTls = Upgrade.not(Upgrade.Status.NOT_TRIED);
        Optional<List<String>> authAfter = implicit ? Optional.of(auth) : Optional.empty();
        Optional<TlsFacts> tls = Optional.empty();
        if (implicit) {
            tls = Optional.of(facts(baseline, chain, x -> {}, this::smtpFarewell));
        } else if (!containsKeyword(ext, "STARTTLS")) {
            startTls = Upgrade.not(Upgrade.Status.NOT_OFFERED);
        } else {
            UpgradeRun u = smtpUpgrade(name);
            startTls = u.upgrade();
            authAfter = u.after();
            if (u.handshake() != null) {
                tls = Optional.of(facts(u.handshake(), u.chain(), x -> smtpPreamble(x, name), this::smtpFarewell));
            }
        }
        SmtpFacts facts = new SmtpFacts(
                ehlo,
                ext,
                implicit ? List.of() : auth,
                startTls,
                authAfter,
                vrfyUnknown,
                vrfyLikely,
                expn,
                etrn,
                relay,
                nullSender,
                c.ended());
        return result(State.OPEN, "", greeting, Optional.of(facts), Optional.empty(), Optional.empty(), tls, start);
    }

    /** The upgrade on its own connection: what it gave, and the handshake when the server went ahead. */
    private record UpgradeRun(
            Upgrade upgrade, Optional<List<String>> after, Handshake handshake, List<X509Certificate> chain) {}

    private UpgradeRun smtpUpgrade(String name) {
        Wire u;
        try {
            u = budget.connect();
        } catch (IOException e) {
            return new UpgradeRun(
                    new Upgrade(Upgrade.Status.NOT_TRIED, "", "", Wire.describe(e)), Optional.empty(), null, List.of());
        }
        try (u) {
            Reply greeting = u.smtpReply();
            if (greeting.code() != 220) {
                u.smtp("QUIT");
                return new UpgradeRun(
                        new Upgrade(Upgrade.Status.NOT_TRIED, "", greeting.text(), ""),
                        Optional.empty(),
                        null,
                        List.of());
            }
            u.smtp("EHLO " + name);
            Exchange st = u.smtp("STARTTLS");
            if (!st.reply().positive()) {
                u.smtp("QUIT");
                return new UpgradeRun(
                        new Upgrade(
                                Upgrade.Status.REFUSED, st.command(), st.reply().text(), ""),
                        Optional.empty(),
                        null,
                        List.of());
            }
            TlsClient.Attempt a = TlsClient.handshake(u.socket(), endpoint.host(), endpoint.port(), protocols, suites);
            if (a.socket() == null) {
                return new UpgradeRun(
                        new Upgrade(
                                Upgrade.Status.FAILED,
                                st.command(),
                                st.reply().text(),
                                a.handshake().error()),
                        Optional.empty(),
                        a.handshake(),
                        a.chain());
            }
            secure(u, a);
            Exchange ehlo = u.smtp("EHLO " + name);
            u.smtp("QUIT");
            return new UpgradeRun(
                    new Upgrade(
                            Upgrade.Status.ESTABLISHED,
                            st.command(),
                            st.reply().text(),
                            a.handshake().text()),
                    Optional.of(auth(extensions(ehlo.reply()))),
                    a.handshake(),
                    a.chain());
        }
    }

    private void smtpPreamble(Wire w, String name) throws IOException {
        Reply greeting = w.smtpReply();
        if (greeting.code() != 220) {
            throw new IOException("greeting " + greeting.text());
        }
        w.smtp("EHLO " + name);
        Exchange st = w.smtp("STARTTLS");
        if (!st.reply().positive()) {
            w.smtp("QUIT");
            throw new IOException("STARTTLS refused: " + st.reply().text());
        }
    }

    private void smtpFarewell(Wire w) {
        if (endpoint.service().implicitTls()) {
            w.smtpReply();
        }
        w.smtp("QUIT");
    }

    /** The EHLO name: the local address as an address literal (RFC 5321 §4.1.3), what the connection really is. */
    private static String heloName(Wire w) {
        String a = w.localAddress();
        return a.indexOf(':') >= 0 ? "[IPv6:" + a + "]" : "[" + a + "]";
    }

    /** @return the domain the greeting announces ({@code 220 domain ...}), or a name that cannot exist */
    static String announced(String greeting) {
        String[] f = greeting.length() > 4 ? greeting.substring(4).strip().split("\\s+") : new String[0];
        if (f.length > 0 && f[0].matches("[A-Za-z0-9.-]{1,253}") && f[0].indexOf('.') > 0) {
            return f[0].toLowerCase(Locale.ROOT);
        }
        return "xmailkit-probe.invalid";
    }

    private static String unknownUser() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return "xmailkit-probe-" + HexFormat.of().formatHex(b);
    }

    /** @return the EHLO keywords and their parameters, upper case, one per line after the first */
    static List<String> extensions(Reply ehlo) {
        List<String> out = new ArrayList<>();
        List<String> lines = ehlo.lines();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            String text = l.length() > 4 ? l.substring(4).strip() : "";
            if (!text.isEmpty()) {
                out.add(text.toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** @return the AUTH mechanisms of {@code AUTH x y} and the old {@code AUTH=x y} lines, without repeats */
    static List<String> auth(List<String> extensions) {
        List<String> out = new ArrayList<>();
        for (String e : extensions) {
            if (e.startsWith("AUTH ") || e.startsWith("AUTH=")) {
                for (String m : e.substring(5).strip().split("\\s+")) {
                    if (!m.isEmpty() && !out.contains(m)) {
                        out.add(m);
                    }
                }
            }
        }
        return out;
    }

    private static boolean containsKeyword(List<String> ext, String keyword) {
        return ext.stream().anyMatch(e -> e.equals(keyword) || e.startsWith(keyword + " "));
    }

    private static void secure(Wire w, TlsClient.Attempt a) {
        try {
            w.secure(a.socket());
        } catch (IOException e) {
            throw new IllegalStateException("a TLS socket without streams", e);
        }
    }

    /** Commands of one conversation that stop once the server has hung up. */
    private static final class Conversation {
        private final Wire wire;
        private String ended = "";

        Conversation(Wire wire, Exchange first) {
            this.wire = wire;
            if (!first.reply().answered()) {
                ended = first.command() + ": " + first.reply().error();
            }
        }

        Optional<Exchange> smtp(String command) {
            if (!ended.isEmpty()) {
                return Optional.empty();
            }
            Exchange e = wire.smtp(command);
            if (!e.reply().answered() || e.reply().code() == 421) {
                ended = command + ": "
                        + (e.reply().answered() ? e.reply().text() : e.reply().error());
            }
            return Optional.of(e);
        }

        String ended() {
            return ended.startsWith("QUIT") ? "" : ended;
        }
    }

    // ------------------------------------------------------------------ POP3

    private EndpointProbe pop3(Wire w, long start) {
        boolean implicit = endpoint.service().implicitTls();
        Opening opening = opening(w, start, this::pop3Farewell, Optional.empty());
        if (opening.noTls().isPresent()) {
            return opening.noTls().get();
        }
        Handshake baseline = opening.baseline();
        List<X509Certificate> chain = opening.chain();
        Reply greeting = w.lineReply();
        if (!greeting.ok()) {
            boolean pop3 = greeting.first().startsWith("-ERR");
            if (pop3) {
                w.oneLine("QUIT");
            }
            return result(
                    greeting.answered() && !pop3 ? State.OTHER_SERVICE : State.OPEN,
                    greeting.answered() ? "" : greeting.error(),
                    greeting,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    start);
        }
        boolean apop = APOP.matcher(greeting.first()).find();
        List<String> capa = capabilities(w);
        w.oneLine("QUIT");
        boolean user = !implicit && (capa.isEmpty() || capa.contains("USER"));
        Upgrade stls = Upgrade.not(Upgrade.Status.NOT_TRIED);
        Optional<List<String>> after = implicit ? Optional.of(capa) : Optional.empty();
        Optional<TlsFacts> tls = Optional.empty();
        if (implicit) {
            tls = Optional.of(facts(baseline, chain, x -> {}, this::pop3Farewell));
        } else if (!capa.contains("STLS")) {
            stls = Upgrade.not(Upgrade.Status.NOT_OFFERED);
        } else {
            UpgradeRun u = lineUpgrade("STLS", this::pop3AfterTls);
            stls = u.upgrade();
            after = u.after();
            if (u.handshake() != null) {
                tls = Optional.of(facts(u.handshake(), u.chain(), x -> linePreamble(x, "STLS"), this::pop3Farewell));
            }
        }
        Pop3Facts facts = new Pop3Facts(capa, apop, user, stls, after, "");
        return result(State.OPEN, "", greeting, Optional.empty(), Optional.of(facts), Optional.empty(), tls, start);
    }

    private static List<String> capabilities(Wire w) {
        try {
            w.send("CAPA");
        } catch (IOException e) {
            return List.of();
        }
        Reply r = w.pop3List();
        if (!r.ok()) {
            return List.of();
        }
        return r.lines().subList(1, r.lines().size()).stream()
                .map(l -> l.strip().toUpperCase(Locale.ROOT))
                .toList();
    }

    private Optional<List<String>> pop3AfterTls(Wire w) {
        List<String> capa = capabilities(w);
        w.oneLine("QUIT");
        return Optional.of(capa);
    }

    private void pop3Farewell(Wire w) {
        if (endpoint.service().implicitTls()) {
            w.lineReply();
        }
        w.oneLine("QUIT");
    }

    // ------------------------------------------------------------------ CTRL

    private EndpointProbe ctrl(Wire w, long start) {
        boolean implicit = endpoint.service().implicitTls();
        Opening opening = opening(
                w,
                start,
                this::ctrlFarewell,
                Optional.of(new CtrlFacts(CtrlFacts.Access.UNKNOWN, Upgrade.not(Upgrade.Status.NOT_TRIED))));
        if (opening.noTls().isPresent()) {
            return opening.noTls().get();
        }
        Handshake baseline = opening.baseline();
        List<X509Certificate> chain = opening.chain();
        // The greeting, and nothing else: no login line is ever sent; the connection is closed after it.
        Reply greeting = w.lineReply();
        CtrlFacts.Access access = ctrlAccess(greeting);
        if (access == CtrlFacts.Access.UNKNOWN && greeting.answered()) {
            return result(
                    State.OTHER_SERVICE,
                    "",
                    greeting,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    start);
        }
        w.close();
        Upgrade upgrade = Upgrade.not(Upgrade.Status.NOT_TRIED);
        Optional<TlsFacts> tls = Optional.empty();
        if (implicit) {
            tls = Optional.of(facts(baseline, chain, x -> {}, this::ctrlFarewell));
        } else if (access == CtrlFacts.Access.ANSWERED) {
            UpgradeRun u = lineUpgrade(CtrlSession.START_TLS, x -> Optional.empty());
            upgrade = u.upgrade();
            if (u.handshake() != null) {
                tls = Optional.of(facts(
                        u.handshake(), u.chain(), x -> linePreamble(x, CtrlSession.START_TLS), this::ctrlFarewell));
            }
        }
        return result(
                State.OPEN,
                "",
                greeting,
                Optional.empty(),
                Optional.empty(),
                Optional.of(new CtrlFacts(access, upgrade)),
                tls,
                start);
    }

    /**
     * The CTRL greeting: a positive reply is the login prompt, a negative one a refusal (the CTRL client's grammar).
     */
    static CtrlFacts.Access ctrlAccess(Reply greeting) {
        Matcher m = CtrlSession.REPLY.matcher(greeting.first());
        if (!m.matches()) {
            return CtrlFacts.Access.UNKNOWN;
        }
        return m.group(1).equals("+") ? CtrlFacts.Access.ANSWERED : CtrlFacts.Access.DENIED;
    }

    private void ctrlFarewell(Wire w) {
        if (endpoint.service().implicitTls()) {
            w.lineReply();
        }
        // CTRL has no command before the login: closing is the end of the session.
    }

    // ------------------------------------------------------------------ POP3 STLS and CTRL #!TLS

    /** What to do inside TLS after a line-protocol upgrade; returns what it saw (CAPA) and ends the session. */
    private interface AfterTls {
        Optional<List<String>> run(Wire w);
    }

    private UpgradeRun lineUpgrade(String command, AfterTls after) {
        Wire u;
        try {
            u = budget.connect();
        } catch (IOException e) {
            return new UpgradeRun(
                    new Upgrade(Upgrade.Status.NOT_TRIED, "", "", Wire.describe(e)), Optional.empty(), null, List.of());
        }
        try (u) {
            Reply greeting = u.lineReply();
            if (!greeting.ok()) {
                return new UpgradeRun(
                        new Upgrade(Upgrade.Status.NOT_TRIED, "", greeting.text(), ""),
                        Optional.empty(),
                        null,
                        List.of());
            }
            Exchange st = u.oneLine(command);
            if (!st.reply().ok()) {
                if (endpoint.service().protocol() == Service.Protocol.POP3) {
                    u.oneLine("QUIT");
                }
                return new UpgradeRun(
                        new Upgrade(Upgrade.Status.REFUSED, command, st.reply().text(), ""),
                        Optional.empty(),
                        null,
                        List.of());
            }
            TlsClient.Attempt a = TlsClient.handshake(u.socket(), endpoint.host(), endpoint.port(), protocols, suites);
            if (a.socket() == null) {
                return new UpgradeRun(
                        new Upgrade(
                                Upgrade.Status.FAILED,
                                command,
                                st.reply().text(),
                                a.handshake().error()),
                        Optional.empty(),
                        a.handshake(),
                        a.chain());
            }
            secure(u, a);
            Optional<List<String>> seen = after.run(u);
            return new UpgradeRun(
                    new Upgrade(
                            Upgrade.Status.ESTABLISHED,
                            command,
                            st.reply().text(),
                            a.handshake().text()),
                    seen,
                    a.handshake(),
                    a.chain());
        }
    }

    private void linePreamble(Wire w, String command) throws IOException {
        Reply greeting = w.lineReply();
        if (!greeting.ok()) {
            throw new IOException("greeting " + greeting.text());
        }
        Exchange st = w.oneLine(command);
        if (!st.reply().ok()) {
            if (endpoint.service().protocol() == Service.Protocol.POP3) {
                w.oneLine("QUIT");
            }
            throw new IOException(command + " refused: " + st.reply().text());
        }
    }
}
