package org.xmailkit.audit.rules.upg;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.rules.cfg.TabFindings;
import org.xmailkit.model.Entry;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Text;
import org.xmailkit.model.syntax.GatewayList;

/**
 * UPG-004: {@code DefaultSMTPGateways} in the comma-separated form of XMail before 1.24. Since 1.24 gateways are
 * separated by {@code ;} and a comma starts the gateway's options, so {@code a,b} means gateway {@code a} with an
 * option {@code b} that XMail ignores: the other gateways are never used.
 */
public final class CommaGateways implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "UPG-004",
            Severity.MEDIUM,
            Category.UPGRADE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.SAFE,
            Set.of(),
            List.of(References.changeLog("1.24"), References.OPTIONS),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        ServerTab tab = ctx.tab();
        return tab.entry("DefaultSMTPGateways")
                .filter(e -> GatewayList.looksLegacy(e.value()))
                .map(e -> List.of(TabFindings.at(INFO, ctx, e, e.valueToken().column(), message(ctx, tab, e))))
                .orElse(List.of());
    }

    private static Text message(AuditContext ctx, ServerTab tab, Entry e) {
        String v = e.value();
        List<String> hosts = GatewayList.parseLegacy(v);
        int comma = v.indexOf(',');
        String fixed = GatewayList.format(v.startsWith("#"), hosts);
        String key = ctx.source().mayBeBefore(Changes.V1_24) ? "legacy" : "broken";
        return INFO.message(
                key,
                e.name(),
                Evidence.show(tab, v),
                Evidence.show(tab, v.substring(0, comma)),
                Evidence.show(tab, v.substring(comma + 1)),
                TabFindings.line(e.name(), Evidence.decoded(fixed, tab.charset())));
    }
}
