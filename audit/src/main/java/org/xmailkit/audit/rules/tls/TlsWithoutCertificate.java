package org.xmailkit.audit.rules.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Effective;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.References;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.syntax.GatewayOptions;
import org.xmailkit.model.syntax.GatewayOptions.NeedTls;
import org.xmailkit.model.syntax.OptionList;

/**
 * TLS-004: TLS is on (explicitly or by XMail's defaults) while {@code server.cert} or {@code server.key} is missing.
 * XMail 1.27 still advertises STARTTLS, answers 220 and then drops the connection; outbound STARTTLS and PSYNC TLS
 * links fail after the remote side accepted.
 */
public final class TlsWithoutCertificate implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-004",
            Severity.HIGH,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("SMTPSvr.cpp SMTPHandleCmd_STARTTLS"),
                    References.source("SSLConfig.cpp CSslBindSetup"),
                    References.source("SMTPUtils.cpp USmtpSwitchToSSL"),
                    References.rfc(3207, "4")),
            List.of());

    private static final Set<String> PSYNC_TLS = Set.of("STLS", "FSTLS", "POP3S");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        boolean cert = ctx.root().serverCert().isPresent();
        boolean key = ctx.root().serverKey().isPresent();
        if (cert && key) {
            return List.of();
        }
        String missing = cert ? "server.key" : key ? "server.cert" : "server.cert, server.key";
        Location where = TlsSupport.directory(ctx.root().directory());
        List<Finding> out = new ArrayList<>();

        List<String> inbound = new ArrayList<>();
        List<String> inboundEvidence = new ArrayList<>();
        for (String name : TlsSupport.INBOUND_SWITCHES) {
            Effective e = ctx.tab().effective(name);
            if (e.flag().orElse(false)) {
                inbound.add(name);
                inboundEvidence.add(e.isSet() ? Evidence.line(ctx.tab(), e.line()) : name + " (default 1)");
            }
        }
        if (!inbound.isEmpty()) {
            out.add(Finding.of(
                    INFO,
                    where,
                    INFO.message("inbound", missing, String.join(", ", inbound)),
                    inboundEvidence.toArray(String[]::new)));
        }

        List<String> outbound = new ArrayList<>();
        List<String> outboundEvidence = new ArrayList<>();
        GatewayOptions global = TlsSupport.global(ctx);
        if (global.needTls().filter(l -> l != NeedTls.OFF).isPresent()) {
            outbound.add(TlsSupport.SMTP_GW_CONFIG);
            outboundEvidence.add(Evidence.line(
                    ctx.tab(), ctx.tab().effective(TlsSupport.SMTP_GW_CONFIG).line()));
        }
        for (TlsSupport.Route r : TlsSupport.routes(ctx)) {
            if (r.level() != NeedTls.OFF && r.origin() == TlsSupport.Origin.OWN) {
                outbound.add(
                        r.kind() == TlsSupport.RouteKind.GATEWAY
                                ? TlsSupport.DEFAULT_SMTP_GATEWAYS + " " + r.label()
                                : "smtpfwd.tab:" + r.location().line());
                outboundEvidence.add(r.evidence());
            }
        }
        Optional<TabFile> links = ctx.root().file(MailRootFile.POP3_LINKS);
        if (links.isPresent()) {
            for (TabFile.Row row : links.get().rows()) {
                boolean tls =
                        OptionList.parse(row.column(5)).options().stream().anyMatch(o -> PSYNC_TLS.contains(o.name()));
                if (tls) {
                    // The line itself holds the remote account's recoverable password: only its number is shown.
                    outbound.add("pop3links.tab:" + row.line());
                    outboundEvidence.add("pop3links.tab:" + row.line());
                }
            }
        }
        if (!outbound.isEmpty()) {
            out.add(Finding.of(
                    INFO,
                    where,
                    INFO.message("outbound", missing, String.join(", ", outbound)),
                    outboundEvidence.toArray(String[]::new)));
        }
        return out;
    }
}
