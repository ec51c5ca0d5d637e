package org.xmailkit.audit.probe;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Observations made up for rule tests (no network): a host with endpoints that answer the way XMail 1.27 does with
 * its shipped MailRoot, changed where a test says.
 */
public final class Observed {

    private final List<EndpointProbe> endpoints = new ArrayList<>();
    private String host = "127.0.0.1";
    private String source = "127.0.0.1";

    private Observed() {}

    /** @return an empty host 127.0.0.1, probed from 127.0.0.1 */
    public static Observed host() {
        return new Observed();
    }

    /** @return this host under another name */
    public Observed named(String name) {
        host = name;
        return this;
    }

    /** @return this host probed from another address */
    public Observed from(String address) {
        source = address;
        return this;
    }

    /** @return this host with an endpoint */
    public Observed with(EndpointProbe e) {
        endpoints.add(e);
        return this;
    }

    /** @return the probe */
    public HostProbe probe() {
        List<EndpointProbe> fixed = endpoints.stream()
                .map(e -> new EndpointProbe(
                        new Endpoint(host, e.endpoint().port(), e.endpoint().service()),
                        e.state(),
                        e.detail(),
                        e.greeting(),
                        e.software(),
                        e.smtp(),
                        e.pop3(),
                        e.ctrl(),
                        e.tls(),
                        e.connections(),
                        e.elapsed(),
                        e.limited()))
                .toList();
        return new HostProbe(
                host,
                "127.0.0.1",
                source,
                Instant.EPOCH,
                Duration.ofSeconds(1),
                fixed,
                List.of("SSLv2: unsupported"),
                "");
    }

    // ------------------------------------------------------------------ SMTP

    /** An SMTP endpoint being built. */
    public static final class Smtp {
        private final Service service;
        private final int port;
        private String greeting = "220 mail.example.test <1.2@mail.example.test> [XMail 1.27 ESMTP Server] ready";
        private List<String> auth = List.of("LOGIN", "PLAIN", "CRAM-MD5");
        private Upgrade startTls = new Upgrade(
                Upgrade.Status.ESTABLISHED, "STARTTLS", "220 Ready to start TLS", "TLSv1.3 TLS_AES_256_GCM_SHA384");
        private String vrfyUnknown = "252 Argument not checked";
        private String vrfyLikely = "252 Argument not checked";
        private String expn = "500 Syntax error, command unrecognized";
        private String etrn = "501 Command not accepted";
        private String rcpt = "550 Relay denied";
        private String nullSender = "250 OK";
        private Optional<TlsFacts> tls = Optional.of(Observed.tls());

        private Smtp(Service service, int port) {
            this.service = service;
            this.port = port;
        }

        public Smtp greeting(String g) {
            greeting = g;
            return this;
        }

        public Smtp auth(String... mechanisms) {
            auth = List.of(mechanisms);
            return this;
        }

        public Smtp startTls(Upgrade u) {
            startTls = u;
            return this;
        }

        public Smtp vrfy(String unknown, String likely) {
            vrfyUnknown = unknown;
            vrfyLikely = likely;
            return this;
        }

        public Smtp etrn(String reply) {
            etrn = reply;
            return this;
        }

        public Smtp rcpt(String reply) {
            rcpt = reply;
            return this;
        }

        public Smtp nullSender(String reply) {
            nullSender = reply;
            return this;
        }

        public Smtp tls(Optional<TlsFacts> t) {
            tls = t;
            return this;
        }

        public EndpointProbe build() {
            boolean implicit = service.implicitTls();
            List<String> ext = new ArrayList<>(List.of("VRFY", "ETRN", "8BITMIME", "PIPELINING"));
            if (!auth.isEmpty()) {
                ext.add("AUTH " + String.join(" ", auth));
            }
            if (!implicit && startTls.status() != Upgrade.Status.NOT_OFFERED) {
                ext.add("STARTTLS");
            }
            SmtpFacts f = new SmtpFacts(
                    new Exchange("EHLO [127.0.0.1]", Reply.of("250 mail.example.test")),
                    ext,
                    implicit ? List.of() : auth,
                    implicit ? Upgrade.not(Upgrade.Status.NOT_TRIED) : startTls,
                    implicit || startTls.established() ? Optional.of(auth) : Optional.empty(),
                    Optional.of(ex("VRFY xmailkit-probe-0@mail.example.test", vrfyUnknown)),
                    Optional.of(ex("VRFY postmaster@mail.example.test", vrfyLikely)),
                    Optional.of(ex("EXPN postmaster@mail.example.test", expn)),
                    Optional.of(ex("ETRN xmailkit-probe.invalid", etrn)),
                    Optional.of(new SmtpFacts.Relay(
                            ex("MAIL FROM:<xmailkit-probe@example.com>", "250 OK"),
                            Optional.of(ex("RCPT TO:<xmailkit-probe@example.net>", rcpt)))),
                    Optional.of(ex("MAIL FROM:<>", nullSender)),
                    "");
            return new EndpointProbe(
                    new Endpoint("127.0.0.1", port, service),
                    EndpointProbe.State.OPEN,
                    "",
                    Reply.of(greeting),
                    Software.of(greeting),
                    Optional.of(f),
                    Optional.empty(),
                    Optional.empty(),
                    implicit
                                    || startTls.status() == Upgrade.Status.ESTABLISHED
                                    || startTls.status() == Upgrade.Status.FAILED
                            ? tls
                            : Optional.empty(),
                    3,
                    Duration.ofMillis(100),
                    false);
        }
    }

    /** @return an SMTP endpoint on port 25 */
    public static Smtp smtp() {
        return new Smtp(Service.SMTP, 25);
    }

    /**
     * @param service SMTP, SUBMISSION or SMTPS
     * @param port    its port
     * @return an SMTP endpoint
     */
    public static Smtp smtp(Service service, int port) {
        return new Smtp(service, port);
    }

    // ------------------------------------------------------------------ POP3 and CTRL

    /**
     * @param stls how STLS went
     * @param tls  the TLS facts, if any
     * @return a plain POP3 endpoint on port 110 that offers USER
     */
    public static EndpointProbe pop3(Upgrade stls, Optional<TlsFacts> tls) {
        List<String> capa = new ArrayList<>(List.of("TOP", "USER", "UIDL", "PIPELINING"));
        if (stls.status() != Upgrade.Status.NOT_OFFERED) {
            capa.add("STLS");
        }
        String g = "+OK <1.2@mail.example.test> [XMail 1.27 POP3 Server] service ready; Sat, 6 Dec 2025";
        return new EndpointProbe(
                new Endpoint("127.0.0.1", 110, Service.POP3),
                EndpointProbe.State.OPEN,
                "",
                Reply.of(g),
                Software.of(g),
                Optional.empty(),
                Optional.of(new Pop3Facts(
                        capa,
                        true,
                        true,
                        stls,
                        stls.established() ? Optional.of(capa.subList(0, 4)) : Optional.empty(),
                        "")),
                Optional.empty(),
                tls,
                3,
                Duration.ofMillis(100),
                false);
    }

    /**
     * @param service  CTRL or CTRLS
     * @param greeting the greeting line
     * @param upgrade  how #!TLS went
     * @param tls      the TLS facts, if any
     * @return a CTRL endpoint
     */
    public static EndpointProbe ctrl(Service service, String greeting, Upgrade upgrade, Optional<TlsFacts> tls) {
        Reply g = Reply.of(greeting);
        CtrlFacts.Access access = EndpointProber.ctrlAccess(g);
        int port = service == Service.CTRL ? 6017 : 6018;
        return new EndpointProbe(
                new Endpoint("127.0.0.1", port, service),
                EndpointProbe.State.OPEN,
                "",
                g,
                Software.of(greeting),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new CtrlFacts(access, upgrade)),
                tls,
                2,
                Duration.ofMillis(100),
                false);
    }

    /** @return XMail 1.27's CTRL greeting */
    public static String ctrlGreeting() {
        return "+00000 <1.2@127.0.0.1> XMail 1.27 CTRL Server; Sat, 6 Dec 2025";
    }

    /**
     * @param port a port
     * @return a closed endpoint
     */
    public static EndpointProbe closed(Service service, int port) {
        return new EndpointProbe(
                new Endpoint("127.0.0.1", port, service),
                EndpointProbe.State.CLOSED,
                "Connection refused",
                Reply.none("Connection refused"),
                "",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                1,
                Duration.ofMillis(1),
                false);
    }

    // ------------------------------------------------------------------ TLS

    /** @return TLS 1.3 and 1.2 with strong suites, no certificate */
    public static TlsFacts tls() {
        return tls(List.of());
    }

    /**
     * @param chain the certificates served
     * @return TLS 1.3 and 1.2 with strong suites and that chain
     */
    public static TlsFacts tls(List<X509Certificate> chain) {
        return new TlsFacts(
                false,
                Handshake.completed("TLSv1.3", "TLS_AES_256_GCM_SHA384"),
                List.of(
                        accepted("TLSv1.3"),
                        accepted("TLSv1.2"),
                        refused("TLSv1.1"),
                        refused("TLSv1"),
                        refused("SSLv3")),
                List.of(
                        suite("TLSv1.3", "TLS_AES_256_GCM_SHA384"),
                        suite("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")),
                chain,
                true);
    }

    /**
     * @param implicit whether on an implicit-TLS port
     * @param error    the handshake error
     * @return TLS that never completes
     */
    public static TlsFacts failing(boolean implicit, String error) {
        return new TlsFacts(implicit, Handshake.failed(error), List.of(), List.of(), List.of(), true);
    }

    /**
     * @param protocols the versions and results
     * @param suites    the suites accepted
     * @return TLS facts with those
     */
    public static TlsFacts tls(List<ProtocolResult> protocols, List<SuiteResult> suites) {
        ProtocolResult first =
                protocols.stream().filter(ProtocolResult::accepted).findFirst().orElseThrow();
        return new TlsFacts(
                false,
                Handshake.completed(first.protocol(), suites.get(0).suite()),
                protocols,
                suites,
                List.of(),
                true);
    }

    public static ProtocolResult accepted(String p) {
        return new ProtocolResult(p, ProtocolResult.Result.ACCEPTED, "");
    }

    public static ProtocolResult refused(String p) {
        return new ProtocolResult(p, ProtocolResult.Result.REFUSED, "Received fatal alert: protocol_version");
    }

    public static SuiteResult suite(String protocol, String suite) {
        return new SuiteResult(protocol, suite, Strength.of(suite));
    }

    private static Exchange ex(String command, String reply) {
        return new Exchange(command, Reply.of(reply));
    }
}
