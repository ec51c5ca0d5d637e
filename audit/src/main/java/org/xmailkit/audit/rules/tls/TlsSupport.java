package org.xmailkit.audit.rules.tls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.AuditRun;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Location;
import org.xmailkit.model.Effective;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.syntax.GatewayList;
import org.xmailkit.model.syntax.GatewayOptions;
import org.xmailkit.model.syntax.GatewayOptions.NeedTls;

/** What the TLS rules share: server.tab switches, outbound routes and locations. */
final class TlsSupport {

    static final String ENABLE_SMTP_TLS = "EnableSMTP-TLS";
    static final String ENABLE_POP3_TLS = "EnablePOP3-TLS";
    static final String ENABLE_CTRL_TLS = "EnableCTRL-TLS";
    static final List<String> INBOUND_SWITCHES = List.of(ENABLE_SMTP_TLS, ENABLE_POP3_TLS, ENABLE_CTRL_TLS);
    static final String SMTP_NO_TLS_AUTHS = "SmtpNoTLSAuths";
    static final String SMTP_GW_CONFIG = "SmtpGwConfig";
    static final String DEFAULT_SMTP_GATEWAYS = "DefaultSMTPGateways";
    static final String SSL_WANT_CERT = "SSLWantCert";
    static final String SSL_WANT_VERIFY = "SSLWantVerify";
    static final String SSL_ALLOW_SELF_SIGNED = "SSLAllowSelfSigned";
    static final String SSL_USE_CERTS_FILE = "SSLUseCertsFile";
    static final String SSL_USE_CERTS_DIR = "SSLUseCertsDir";
    static final List<String> SERVER_NAMES = List.of("SmtpServerDomain", "POP3Domain", "HeloDomain");

    private TlsSupport() {}

    // ------------------------------------------------------------------ server.tab

    /**
     * @param ctx  the audit
     * @param name a flag
     * @return whether XMail 1.27 has it on (file value or default)
     */
    static boolean on(AuditContext ctx, String name) {
        return ctx.tab().effective(name).flag().orElse(false);
    }

    /** @return whether certificate verification is on: SSLWantVerify, or SSLWantCert which implies it */
    static boolean verificationOn(AuditContext ctx) {
        return on(ctx, SSL_WANT_VERIFY) || on(ctx, SSL_WANT_CERT);
    }

    /**
     * @param ctx the audit
     * @param e   an effective value
     * @return its server.tab location (line 0 when it comes from the default)
     */
    static Location at(AuditContext ctx, Effective e) {
        return Location.line(ctx.root().serverTabPath(), e.line(), e.name());
    }

    // ------------------------------------------------------------------ outbound routes

    /** Where an outbound route is configured. */
    enum RouteKind {
        /** A {@code DefaultSMTPGateways} entry. */
        GATEWAY,
        /** A smtpfwd.tab line. */
        FORWARDER
    }

    /** Where a route's NeedTLS comes from. */
    enum Origin {
        /** Nowhere: XMail's default, no STARTTLS. */
        UNSET,
        /** {@code SmtpGwConfig}. */
        GLOBAL,
        /** The entry's own options (DefaultSMTPGateways) or smtpfwd.tab column 3. */
        OWN
    }

    /**
     * An explicitly configured smart host (or list of them) and the STARTTLS policy XMail applies to it.
     *
     * @param kind      where it is configured
     * @param location  its file and line
     * @param label     the text naming it: the entry (DefaultSMTPGateways) or the domain pattern (smtpfwd.tab)
     * @param hosts     the gateway hosts, {@code host[:port]}
     * @param level     the policy XMail applies
     * @param origin    where the policy comes from
     * @param own       the route's own options
     * @param random    whether the gateway list asks for random order (leading {@code #})
     * @param evidence  the line
     */
    record Route(
            RouteKind kind,
            Location location,
            String label,
            List<String> hosts,
            NeedTls level,
            Origin origin,
            GatewayOptions own,
            boolean random,
            String evidence) {

        /** @return whether every host is on the local machine, so the traffic never crosses a network */
        boolean loopbackOnly() {
            return !hosts.isEmpty() && hosts.stream().allMatch(TlsSupport::loopback);
        }

        /** @return the hosts joined for a message */
        String hostList() {
            return String.join(";", hosts);
        }

        /** @return the gateway column XMail reads correctly: the hosts without per-host options */
        String gatewayColumn() {
            return (random ? "#" : "") + hostList();
        }
    }

    /** @return {@code SmtpGwConfig}'s options (empty when not set) */
    static GatewayOptions global(AuditContext ctx) {
        Effective e = ctx.tab().effective(SMTP_GW_CONFIG);
        return e.value() == null ? GatewayOptions.none() : GatewayOptions.parse(e.value());
    }

    /**
     * @param ctx the audit
     * @return every explicitly configured smart host: DefaultSMTPGateways entries, then smtpfwd.tab lines (when
     *         the MailRoot is known)
     */
    static List<Route> routes(AuditContext ctx) {
        return ctx.derived(ROUTES);
    }

    /** The routes, worked out once per MailRoot: three rules go through them. */
    private static final AuditRun.Derived<List<Route>> ROUTES = new AuditRun.Derived<>(TlsSupport::findRoutes);

    private static List<Route> findRoutes(AuditContext ctx) {
        List<Route> out = new ArrayList<>();
        GatewayOptions global = global(ctx);
        Effective gw = ctx.tab().effective(DEFAULT_SMTP_GATEWAYS);
        if (gw.value() != null) {
            Location at = at(ctx, gw);
            String line = Evidence.line(ctx.tab(), gw.line());
            for (GatewayList.Gateway g : GatewayList.parse(gw.value()).entries()) {
                GatewayOptions own = new GatewayOptions(g.options());
                Origin origin = global.needTls().isPresent()
                        ? Origin.GLOBAL
                        : own.needTls().isPresent() ? Origin.OWN : Origin.UNSET;
                out.add(new Route(
                        RouteKind.GATEWAY,
                        at,
                        Evidence.show(ctx.tab(), g.raw()),
                        List.of(Evidence.show(ctx.tab(), g.host())),
                        GatewayOptions.forDefaultGateway(own, global),
                        origin,
                        own,
                        false,
                        line));
            }
        }
        for (Forwarder f : forwarders(ctx)) {
            List<String> hosts = f.gateways().entries().stream()
                    .map(g -> Evidence.decoded(g.host(), f.file().charset()))
                    .toList();
            GatewayOptions own = GatewayOptions.parse(f.row().column(2));
            Origin origin = own.needTls().isPresent()
                    ? Origin.OWN
                    : global.needTls().isPresent() ? Origin.GLOBAL : Origin.UNSET;
            out.add(new Route(
                    RouteKind.FORWARDER,
                    f.location(),
                    Evidence.decoded(f.row().column(0), f.file().charset()),
                    hosts,
                    GatewayOptions.forForwarder(global, own),
                    origin,
                    own,
                    f.gateways().random(),
                    Evidence.line(f.file(), f.row().line())));
        }
        return List.copyOf(out); // shared by the rules that ask
    }

    /**
     * One smtpfwd.tab line.
     *
     * @param file     smtpfwd.tab
     * @param row      the line
     * @param gateways column 2, parsed
     * @param location its location
     */
    record Forwarder(TabFile file, TabFile.Row row, GatewayList gateways, Location location) {}

    /**
     * @param ctx the audit
     * @return the smtpfwd.tab lines, or none for a bare server.tab or a missing file
     */
    static List<Forwarder> forwarders(AuditContext ctx) {
        return ctx.derived(FORWARDERS);
    }

    /** The smtpfwd.tab lines, read once per MailRoot: the routes and two rules go through them. */
    private static final AuditRun.Derived<List<Forwarder>> FORWARDERS =
            new AuditRun.Derived<>(TlsSupport::readForwarders);

    private static List<Forwarder> readForwarders(AuditContext ctx) {
        Optional<TabFile> file = ctx.root().file(MailRootFile.SMTP_FWD);
        if (file.isEmpty()) {
            return List.of();
        }
        List<Forwarder> out = new ArrayList<>();
        for (TabFile.Row row : file.get().rows()) {
            out.add(new Forwarder(
                    file.get(),
                    row,
                    GatewayList.parse(row.column(1)),
                    Location.line(file.get().path(), row.line(), "")));
        }
        return List.copyOf(out); // shared by the rules that ask
    }

    /**
     * @param hostPort {@code host}, {@code host:port} or {@code [v6]:port}
     * @return the host part as XMail's {@code MscSplitAddressPort} takes it
     */
    static String hostOf(String hostPort) {
        String h = hostPort.strip();
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close > 0 ? h.substring(1, close) : h.substring(1);
        }
        int colon = h.indexOf(':');
        // More than one colon without brackets is a bare IPv6 address, which XMail does not split reliably.
        return colon >= 0 && h.indexOf(':', colon + 1) < 0 ? h.substring(0, colon) : h;
    }

    /**
     * @param hostPort a gateway host text
     * @return whether it names a port ({@code host:port} or {@code [v6]:port})
     */
    static boolean hasPort(String hostPort) {
        String h = hostPort.strip();
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close > 0 && close + 1 < h.length() && h.charAt(close + 1) == ':';
        }
        int colon = h.indexOf(':');
        return colon > 0 && h.indexOf(':', colon + 1) < 0;
    }

    /**
     * @param hostPort a gateway host text
     * @return whether it is this machine (localhost, 127/8, ::1)
     */
    static boolean loopback(String hostPort) {
        String h = hostOf(hostPort).toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /**
     * @param root a MailRoot directory
     * @return the location for findings about missing MailRoot files
     */
    static Location directory(Path root) {
        return Location.file(root);
    }
}
