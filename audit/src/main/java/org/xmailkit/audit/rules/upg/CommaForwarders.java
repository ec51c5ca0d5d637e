package org.xmailkit.audit.rules.upg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.References;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.syntax.GatewayList;

/**
 * UPG-005: a gateway list in smtpfwd.tab (column 2) in the comma-separated form of XMail before 1.24; since 1.24
 * only the first gateway is used.
 */
public final class CommaForwarders implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "UPG-005",
            Severity.MEDIUM,
            Category.UPGRADE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.SAFE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(References.changeLog("1.24"), References.FORWARD_GATEWAYS),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        ctx.root().file(MailRootFile.SMTP_FWD).ifPresent(f -> {
            String key = ctx.source().mayBeBefore(Changes.V1_24) ? "legacy" : "broken";
            for (TabFile.Row row : f.rows()) {
                String list = row.column(1);
                if (!GatewayList.looksLegacy(list)) {
                    continue;
                }
                String fixed = GatewayList.format(list.startsWith("#"), GatewayList.parseLegacy(list));
                int column = row.record().tokens().size() > 1
                        ? row.record().tokens().get(1).column()
                        : 1;
                out.add(Finding.of(
                        INFO,
                        new Location(f.path(), row.line(), column, ""),
                        INFO.message(
                                key,
                                Evidence.decoded(row.column(0), f.charset()),
                                Evidence.decoded(list, f.charset()),
                                Evidence.decoded(
                                        list.substring(list.startsWith("#") ? 1 : 0, list.indexOf(',')), f.charset()),
                                Evidence.decoded(fixed, f.charset())),
                        Evidence.line(f, row.line())));
            }
        });
        return out;
    }
}
