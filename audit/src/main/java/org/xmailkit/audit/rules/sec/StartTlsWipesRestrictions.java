package org.xmailkit.audit.rules.sec;

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
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.References;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.Values;
import org.xmailkit.model.syntax.CustMapsList;

/**
 * SEC-019: STARTTLS is available, and restrictions that XMail derives from the client's IP are configured:
 * spammers.tab {@code code=0}, CustMapsList code 0, SMTP-RDNSCheck above 0. STARTTLS resets the session flags, so a
 * client that issues it is no longer held to them; smtp.ipprop.tab grants are lost the same way. See {@link #INFO}.
 */
public final class StartTlsWipesRestrictions implements Rule {

    static final List<String> IPPROP_FLAGS = List.of("WhiteList", "NoAuth", "EnableVRFY", "EnableETRN");

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-019",
            Severity.MEDIUM,
            Category.ACCESS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(
                    References.source("SMTPSvr.cpp SMTPFullResetSession"),
                    References.source("SMTPUtils.cpp USmtpSpammerCheck")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        if (!ctx.tab().effective("EnableSMTP-TLS").flag().orElse(true)) {
            return List.of();
        }
        if (!ctx.root().bare()
                && (ctx.root().serverCert().isEmpty() || ctx.root().serverKey().isEmpty())) {
            // Without certificate and key the handshake fails and the connection drops: nothing is bypassed.
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        spammers(ctx, out);
        Effective maps = ctx.tab().effective("CustMapsList");
        if (maps.value() != null) {
            List<String> zones = CustMapsList.parse(maps.value()).entries().stream()
                    .filter(z -> z.code() == 0)
                    .map(z -> Evidence.show(ctx.tab(), z.zone()))
                    .toList();
            if (!zones.isEmpty()) {
                out.add(Finding.of(
                        INFO,
                        Sec.var(ctx, maps),
                        INFO.message("custMaps", maps.line(), String.join(", ", zones)),
                        Evidence.setting(ctx.tab(), maps)));
            }
        }
        Effective rdns = ctx.tab().effective("SMTP-RDNSCheck");
        if (rdns.number().orElse(0) > 0) {
            out.add(Finding.of(
                    INFO,
                    Sec.var(ctx, rdns),
                    INFO.message("rdns", rdns.line(), Evidence.show(ctx.tab(), rdns.written())),
                    Evidence.setting(ctx.tab(), rdns)));
        }
        ipprop(ctx, out);
        return out;
    }

    /** USmtpSpammerCheck: a second column starting with a digit is a mask; the column after the address is params. */
    private static void spammers(AuditContext ctx, List<Finding> out) {
        Optional<TabFile> f = ctx.root().file(MailRootFile.SPAMMERS);
        if (f.isEmpty()) {
            return;
        }
        for (TabFile.Row row : f.get().rows()) {
            int addrFields = row.size() > 1
                            && !row.column(1).isEmpty()
                            && Character.isDigit(row.column(1).charAt(0))
                    ? 2
                    : 1;
            if (row.size() > addrFields && spammerCode(row.column(addrFields)) == 0) {
                out.add(Finding.of(
                        INFO,
                        Sec.at(f.get(), row.line()),
                        INFO.message(
                                "spammers", row.line(), Evidence.text(f.get().display(row.column(0)))),
                        Evidence.line(f.get(), row.line())));
            }
        }
    }

    /** The {@code code=} parameter of a spammers.tab params column; 1 when absent. */
    static long spammerCode(String params) {
        long code = 1;
        for (String item : params.split(",")) {
            int eq = item.indexOf('=');
            if (eq > 0 && item.substring(0, eq).equals("code")) {
                code = Values.atoi(item.substring(eq + 1)).orElse(0);
                break;
            }
        }
        return code;
    }

    private static void ipprop(AuditContext ctx, List<Finding> out) {
        Optional<TabFile> f = ctx.root().file(MailRootFile.SMTP_IPPROP);
        if (f.isEmpty()) {
            return;
        }
        for (TabFile.Row row : f.get().rows()) {
            List<String> granted = HostProperties.grants(row);
            if (!granted.isEmpty()) {
                out.add(Finding.of(
                        INFO,
                        Sec.at(f.get(), row.line()),
                        INFO.message(
                                "ipprop",
                                row.line(),
                                Evidence.text(f.get().display(row.column(0))),
                                String.join(", ", granted)),
                        Evidence.line(f.get(), row.line())));
            }
        }
    }
}
