package org.xmailkit.audit.rules.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.NetContext;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.NetRule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.audit.probe.Upgrade;
import org.xmailkit.model.References;

/**
 * NET-028: a plain port's TLS upgrade contradicts its server.tab switch (EnableSMTP-TLS, EnablePOP3-TLS,
 * EnableCTRL-TLS, read again by XMail for every session): on in the file but not offered or refused, or off in the
 * file but offered. The server does not run on this server.tab, or something else answers on the port.
 */
public final class TlsSwitchContradicted implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-028",
            Severity.MEDIUM,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE, RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("SMTPSvr.cpp SMTPHandleCmd_EHLO"),
                    References.source("POP3Svr.cpp POP3HandleCmd_CAPA"),
                    References.source("CTRLSvr.cpp CTRLLogin")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        List<NetFinding> out = new ArrayList<>();
        for (EndpointProbe e : ctx.probe().endpoints()) {
            if (!e.open() || e.endpoint().service().implicitTls()) {
                continue;
            }
            Optional<Upgrade> u = e.smtp()
                    .map(s -> s.startTls())
                    .or(() -> e.pop3().map(p -> p.stls()))
                    .or(() -> e.ctrl().map(c -> c.tls()));
            if (u.isEmpty()) {
                continue;
            }
            String variable =
                    switch (e.endpoint().service().protocol()) {
                        case SMTP -> NetSupport.ENABLE_SMTP_TLS;
                        case POP3 -> NetSupport.ENABLE_POP3_TLS;
                        case CTRL -> NetSupport.ENABLE_CTRL_TLS;
                    };
            boolean on = NetSupport.flag(ctx, variable).orElseThrow();
            Upgrade.Status s = u.get().status();
            boolean missing = s == Upgrade.Status.NOT_OFFERED || s == Upgrade.Status.REFUSED;
            boolean offered = s == Upgrade.Status.ESTABLISHED || s == Upgrade.Status.FAILED;
            if ((on && missing) || (!on && offered)) {
                List<String> evidence = new ArrayList<>();
                evidence.add(
                        u.get().command().isEmpty()
                                ? "TLS: " + s.name().toLowerCase(Locale.ROOT)
                                : u.get().command() + " -> " + u.get().reply());
                evidence.addAll(NetSupport.lineEvidence(ctx, variable));
                out.add(NetSupport.finding(
                        INFO,
                        e,
                        NetSupport.at(ctx, variable),
                        INFO.message(
                                on ? "onButMissing" : "offButOffered",
                                e.endpoint().label(),
                                variable),
                        evidence));
            }
        }
        return out;
    }
}
