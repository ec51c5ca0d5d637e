package org.xmailkit.audit.rules.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.xmailkit.audit.probe.TlsFacts;
import org.xmailkit.audit.probe.Upgrade;
import org.xmailkit.audit.tls.CertificateFacts;
import org.xmailkit.audit.tls.FileStatus;
import org.xmailkit.audit.tls.TlsMaterial;
import org.xmailkit.model.References;
import org.xmailkit.model.Text;

/**
 * NET-002: TLS is offered (STARTTLS, STLS, {@code #!TLS} said go ahead, or an implicit-TLS port answers) but no
 * handshake completes: XMail 1.27's "220 Ready to start TLS, then the connection drops". With the MailRoot, the
 * finding names what in it explains the failure: server.cert or server.key missing, unusable, not matching, or a key
 * under 2048 bits, which OpenSSL 1.1 and later refuse at their default security level.
 */
public final class TlsHandshakeFails implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-002",
            Severity.HIGH,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(
                    References.source("SMTPSvr.cpp SMTPHandleCmd_STARTTLS"),
                    References.source("SSLBind.cpp BSslBindServer"),
                    References.rfc(3207, "4.1"),
                    References.rfc(8314, "3")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        Optional<Cause> cause = cause(ctx);
        List<NetFinding> out = new ArrayList<>();
        for (EndpointProbe e : NetSupport.withTls(ctx)) {
            TlsFacts tls = e.tls().get();
            if (tls.works()) {
                continue;
            }
            String why = cause.map(c -> "." + c.key()).orElse("");
            List<String> evidence = new ArrayList<>();
            Text message;
            Optional<Upgrade> upgrade = upgrade(e);
            if (upgrade.isPresent()) {
                Upgrade u = upgrade.get();
                evidence.add(u.command() + " -> " + u.reply());
                evidence.add("handshake: " + tls.handshake().error());
                message = INFO.message(
                        "upgrade" + why,
                        e.endpoint().label(),
                        u.command(),
                        u.reply(),
                        tls.handshake().error(),
                        cause.map(Cause::detail).orElse(""));
            } else {
                evidence.add("handshake: " + tls.handshake().error());
                message = INFO.message(
                        "implicit" + why,
                        e.endpoint().label(),
                        tls.handshake().error(),
                        e.endpoint().service().offOption(),
                        cause.map(Cause::detail).orElse(""));
            }
            cause.ifPresent(c -> evidence.add(c.evidence()));
            out.add(NetSupport.finding(INFO, e, cause.map(Cause::location), message, evidence));
        }
        return out;
    }

    private static Optional<Upgrade> upgrade(EndpointProbe e) {
        if (e.endpoint().service().implicitTls()) {
            return Optional.empty();
        }
        return e.smtp()
                .map(s -> s.startTls())
                .or(() -> e.pop3().map(p -> p.stls()))
                .or(() -> e.ctrl().map(c -> c.tls()))
                .filter(u -> u.status() == Upgrade.Status.FAILED);
    }

    /** What in the MailRoot explains a failing handshake. */
    private record Cause(String key, Location location, String detail, String evidence) {}

    private static Optional<Cause> cause(NetContext ctx) {
        if (ctx.files().isEmpty() || ctx.files().get().root().bare()) {
            return Optional.empty();
        }
        TlsMaterial m = ctx.files().get().tls();
        Location cert = Location.file(m.certificate().path());
        Location key = Location.file(m.key().path());
        if (m.certificate().status() == FileStatus.MISSING) {
            return Optional.of(new Cause(
                    "noCertificate",
                    Location.file(ctx.files().get().root().directory()),
                    "server.cert",
                    "server.cert: missing"));
        }
        if (m.key().status() == FileStatus.MISSING) {
            return Optional.of(new Cause(
                    "noKey", Location.file(ctx.files().get().root().directory()), "server.key", "server.key: missing"));
        }
        if (m.certificate().status() != FileStatus.OK) {
            return Optional.of(new Cause(
                    "unusable",
                    cert,
                    "server.cert",
                    "server.cert: " + m.certificate().status().name().toLowerCase(Locale.ROOT)));
        }
        if (m.key().status() != FileStatus.OK) {
            return Optional.of(new Cause(
                    "unusable",
                    key,
                    "server.key",
                    "server.key: " + m.key().status().name().toLowerCase(Locale.ROOT)));
        }
        if (m.keyMatch().mismatch()) {
            return Optional.of(new Cause("mismatch", key, "server.key", "server.key: does not belong to server.cert"));
        }
        Optional<CertificateFacts> leaf = m.certificate().leaf();
        if (leaf.isPresent() && leaf.get().weakKey()) {
            return Optional.of(new Cause(
                    "weakKey",
                    cert,
                    leaf.get().keyDescription(),
                    "server.cert: " + leaf.get().keyDescription()));
        }
        return Optional.empty();
    }
}
