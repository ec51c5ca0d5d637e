package org.xmailkit.audit.rules.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Effective;
import org.xmailkit.model.References;
import org.xmailkit.model.syntax.GatewayList;
import org.xmailkit.model.syntax.GatewayOptions;

/**
 * TLS-009: {@code NeedTLS} written without {@code =N} in SmtpGwConfig, a DefaultSMTPGateways entry or smtpfwd.tab
 * column 3. XMail 1.27 ignores it, so the TLS the administrator asked for is not used. Not fixed automatically:
 * whether 1 or 2 was meant is the administrator's call.
 */
public final class BareNeedTls implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-009",
            Severity.MEDIUM,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.source("SMTPUtils.cpp USmtpOptionsAssign")),
            List.of("\"SmtpGwConfig\"\t\"NeedTLS=2\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        Effective global = ctx.tab().effective(TlsSupport.SMTP_GW_CONFIG);
        if (global.isSet()
                && !GatewayOptions.parse(global.value()).bareNeedTls().isEmpty()) {
            out.add(Finding.of(
                    INFO,
                    TlsSupport.at(ctx, global),
                    INFO.message("global", Evidence.show(ctx.tab(), global.value())),
                    Evidence.setting(ctx.tab(), global)));
        }
        Effective gw = ctx.tab().effective(TlsSupport.DEFAULT_SMTP_GATEWAYS);
        if (gw.isSet()) {
            for (GatewayList.Gateway g : GatewayList.parse(gw.value()).entries()) {
                if (!new GatewayOptions(g.options()).bareNeedTls().isEmpty()) {
                    out.add(Finding.of(
                            INFO,
                            TlsSupport.at(ctx, gw),
                            INFO.message(
                                    "gateway",
                                    Evidence.show(ctx.tab(), g.raw()),
                                    Outbound.gatewayWithTls(Evidence.show(ctx.tab(), g.raw()))),
                            Evidence.setting(ctx.tab(), gw)));
                }
            }
        }
        for (TlsSupport.Forwarder f : TlsSupport.forwarders(ctx)) {
            String column3 = f.row().column(2);
            if (!GatewayOptions.parse(column3).bareNeedTls().isEmpty()) {
                String domain = f.file().display(f.row().column(0));
                out.add(Finding.of(
                        INFO,
                        f.location(),
                        INFO.message(
                                "forwarder",
                                f.file().display(column3),
                                domain,
                                Outbound.forwarderLine(
                                        domain,
                                        f.file().display(f.row().column(1)),
                                        f.file().display(column3))),
                        Evidence.line(f.file(), f.row().line())));
            }
        }
        return out;
    }
}
