package org.xmailkit.audit.rules.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.model.syntax.GatewayOptions;
import org.xmailkit.model.syntax.GatewayOptions.NeedTls;
import org.xmailkit.model.syntax.OptionList;

/**
 * The check shared by TLS-007 and TLS-008, and the suggested lines.
 *
 * <p>Criterion: every explicitly configured smart host (a {@code DefaultSMTPGateways} entry or a smtpfwd.tab line)
 * should get {@code NeedTLS=2}. The administrator chose that host, knows whether it offers STARTTLS, and sends it
 * all (or a whole domain's) outgoing mail, so a downgrade there exposes everything at once; smart hosts are also
 * where submission credentials and internal mail go. Direct MX delivery is not judged: it reaches arbitrary hosts,
 * many without STARTTLS, so it is opportunistic by nature. Hosts on the local machine (localhost, 127/8, ::1) are
 * skipped: that traffic never crosses a network.
 */
final class Outbound {

    private Outbound() {}

    static List<Finding> check(AuditContext ctx, RuleInfo info, NeedTls level) {
        List<Finding> out = new ArrayList<>();
        for (TlsSupport.Route r : TlsSupport.routes(ctx)) {
            if (r.level() != level || r.loopbackOnly()) {
                continue;
            }
            String key = (r.kind() == TlsSupport.RouteKind.GATEWAY ? "gateway" : "forwarder") + "."
                    + r.origin().name().toLowerCase(Locale.ROOT);
            String suggestion =
                    r.kind() == TlsSupport.RouteKind.GATEWAY ? gatewayWithTls(r.label()) : forwarderWithTls(r);
            out.add(Finding.of(
                    info,
                    r.location(),
                    info.message(
                            key,
                            r.label(),
                            r.hostList(),
                            suggestion,
                            Evidence.effective(ctx.tab(), TlsSupport.SMTP_GW_CONFIG)),
                    r.evidence()));
        }
        return out;
    }

    /**
     * @param entry a DefaultSMTPGateways entry, {@code host[:port][,options]}
     * @return the entry with {@code NeedTLS=2} in place of any NeedTLS it has
     */
    static String gatewayWithTls(String entry) {
        int comma = entry.indexOf(',');
        String host = comma < 0 ? entry : entry.substring(0, comma);
        String options = comma < 0 ? "" : entry.substring(comma + 1);
        return host + "," + withNeedTls2(options);
    }

    /**
     * @param options an option list
     * @return the list without any NeedTLS item, then {@code NeedTLS=2}
     */
    static String withNeedTls2(String options) {
        List<String> kept = new ArrayList<>();
        for (OptionList.Option o : OptionList.parse(options).options()) {
            if (!o.name().equals(GatewayOptions.NEED_TLS)) {
                kept.add(o.hasValue() ? o.name() + "=" + o.value() : o.name());
            }
        }
        kept.add(GatewayOptions.NEED_TLS + "=2");
        return String.join(",", kept);
    }

    /**
     * @param domain   the domain pattern (column 1)
     * @param gateways the gateway list (column 2)
     * @param column3  the options column, possibly empty
     * @return the smtpfwd.tab line with {@code NeedTLS=2} in column 3, TABs shown as {@code <TAB>}
     */
    static String forwarderLine(String domain, String gateways, String column3) {
        return line(domain, gateways, withNeedTls2(column3));
    }

    /**
     * @param domain   column 1
     * @param gateways column 2
     * @param column3  column 3
     * @return the smtpfwd.tab line as given, TABs shown as {@code <TAB>}
     */
    static String line(String domain, String gateways, String column3) {
        return "\"" + domain + "\"<TAB>\"" + gateways + "\"<TAB>\"" + column3 + "\"";
    }

    private static String forwarderWithTls(TlsSupport.Route r) {
        return forwarderLine(r.label(), r.gatewayColumn(), r.own().options().raw());
    }
}
