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
import org.xmailkit.model.References;
import org.xmailkit.model.syntax.GatewayList;

/**
 * TLS-010: options such as {@code NeedTLS=2} written after a host in smtpfwd.tab's gateway column, the form the
 * Readme shows. XMail 1.27 does not parse them there: after a {@code :port} they are silently ignored; without a
 * port they become part of the host name and the delivery fails (MiscUtils.cpp MscSplitAddressPort; observed with
 * XMail 1.27). They belong in column 3.
 */
public final class ForwarderHostOptions implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-010",
            Severity.MEDIUM,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("SMTPUtils.cpp USmtpGetFwdGateways"),
                    References.source("MiscUtils.cpp MscSplitAddressPort")),
            List.of("smtpfwd.tab: \"*.example.com\"\t\"relay.example.net:587\"\t\"NeedTLS=2\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TlsSupport.Forwarder f : TlsSupport.forwarders(ctx)) {
            String domain = f.file().display(f.row().column(0));
            for (GatewayList.Gateway g : f.gateways().entries()) {
                if (!g.hasOptions()) {
                    continue;
                }
                String entry = f.file().display(g.raw());
                String host = f.file().display(g.host());
                String options = entry.substring(entry.indexOf(',') + 1);
                String key = TlsSupport.hasPort(g.host()) ? "ignored" : "broken";
                List<String> hosts = f.gateways().entries().stream()
                        .map(x -> f.file().display(x.host()))
                        .toList();
                String fixed = Outbound.line(
                        domain,
                        (f.gateways().random() ? "#" : "") + String.join(";", hosts),
                        f.file().display(f.row().column(2)) + (f.row().column(2).isEmpty() ? "" : ",") + options);
                out.add(Finding.of(
                        INFO,
                        f.location(),
                        INFO.message(key, entry, domain, host, fixed),
                        Evidence.line(f.file(), f.row().line())));
            }
        }
        return out;
    }
}
