package org.xmailkit.audit.rules.cfg;

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
import org.xmailkit.model.Entry;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Text;
import org.xmailkit.model.Values;
import org.xmailkit.model.syntax.GatewayList;
import org.xmailkit.model.syntax.OptionList;

/**
 * CFG-011: an enumerated value outside the range XMail knows: {@code ReceivedHdrType} (0-4),
 * {@code Pop3LogPasswd} (0-2), the gateway option {@code NeedTLS} (0-2) in {@code SmtpGwConfig} and
 * {@code DefaultSMTPGateways}.
 */
public final class OutOfRange implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-011",
            Severity.MEDIUM,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(
                    Reference.of(References.SOURCE, "SvrUtils.cpp SvrGetConfigInt (no range check)"),
                    Reference.of(References.SOURCE, "SMTPUtils.cpp USmtpOptionsAssign (NeedTLS)")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        ServerTab tab = ctx.tab();
        List<Finding> out = new ArrayList<>();
        range(ctx, tab, "ReceivedHdrType", 4, "receivedHdrType", out);
        range(ctx, tab, "Pop3LogPasswd", 2, "pop3LogPasswd", out);
        tab.entry("SmtpGwConfig").ifPresent(e -> needTls(ctx, tab, e, OptionList.parse(e.value()), "", out));
        tab.entry("DefaultSMTPGateways")
                .filter(e -> !GatewayList.looksLegacy(e.value()))
                .ifPresent(e -> {
                    for (GatewayList.Gateway g : GatewayList.parse(e.value()).entries()) {
                        needTls(ctx, tab, e, g.options(), Evidence.show(tab, g.host()), out);
                    }
                });
        return out;
    }

    private void range(AuditContext ctx, ServerTab tab, String name, long max, String key, List<Finding> out) {
        Effective eff = tab.effective(name);
        if (!eff.isSet()) {
            return;
        }
        long n = eff.number().orElse(0);
        if (n < 0 || n > max) {
            out.add(TabFindings.at(
                    INFO, ctx, eff.entry(), eff.entry().valueToken().column(), INFO.message(key, name, n)));
        }
    }

    private void needTls(AuditContext ctx, ServerTab tab, Entry e, OptionList options, String host, List<Finding> out) {
        Optional<OptionList.Option> o = options.get("NeedTLS");
        if (o.isEmpty() || !o.get().hasValue()) {
            return; // a bare NeedTLS is a TLS rule's finding
        }
        String text = o.get().value();
        String where = host.isEmpty() ? e.name() : e.name() + " (" + host + ")";
        Text message;
        if (!Values.isPlainInteger(text)) {
            message = INFO.message("needTlsText", where, Evidence.show(tab, text));
        } else {
            long n = Values.atoi(text).orElse(0);
            if (n > 2) {
                message = INFO.message("needTlsHigh", where, n);
            } else if (n < 0) {
                message = INFO.message("needTlsNegative", where, n);
            } else {
                return;
            }
        }
        out.add(TabFindings.at(INFO, ctx, e, e.valueToken().column(), message));
    }
}
