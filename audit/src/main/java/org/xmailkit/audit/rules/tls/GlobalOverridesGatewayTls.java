package org.xmailkit.audit.rules.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.xmailkit.model.syntax.GatewayOptions.NeedTls;

/**
 * TLS-011: a {@code DefaultSMTPGateways} entry sets its own {@code NeedTLS}, but {@code SmtpGwConfig} sets another
 * one, and XMail 1.27 applies SmtpGwConfig after the entry, so the global value wins (observed with XMail 1.27;
 * the Readme's SMTP GATEWAY CONFIGURATION says the opposite).
 */
public final class GlobalOverridesGatewayTls implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-011",
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
        Optional<NeedTls> global = TlsSupport.global(ctx).needTls();
        Effective gw = ctx.tab().effective(TlsSupport.DEFAULT_SMTP_GATEWAYS);
        if (global.isEmpty() || !gw.isSet()) {
            return List.of();
        }
        Effective cfg = ctx.tab().effective(TlsSupport.SMTP_GW_CONFIG);
        List<Finding> out = new ArrayList<>();
        for (GatewayList.Gateway g : GatewayList.parse(gw.value()).entries()) {
            Optional<NeedTls> own = new GatewayOptions(g.options()).needTls();
            if (own.isPresent() && own.get() != global.get()) {
                String[] evidence = {Evidence.line(ctx.tab(), gw.line()), Evidence.line(ctx.tab(), cfg.line())};
                out.add(Finding.of(
                        INFO,
                        TlsSupport.at(ctx, gw),
                        INFO.message(
                                own.get().digit() > global.get().digit() ? "weakened" : "raised",
                                Evidence.show(ctx.tab(), g.raw()),
                                own.get().digit(),
                                global.get().digit(),
                                Evidence.show(ctx.tab(), cfg.value())),
                        evidence));
            }
        }
        return out;
    }
}
