package org.xmailkit.audit.rules.sec;

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
import org.xmailkit.model.Entry;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.upgrade.Removal;

/**
 * SEC-029: server.tab still holds DynDnsSetup, a variable removed in 1.24 whose value carries the dynamic-DNS
 * provider's user name and password in clear text. The value is never shown. See {@link #INFO}.
 */
public final class DynDnsCredentials implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-029",
            Severity.MEDIUM,
            Category.CREDENTIALS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(
                    Reference.of(References.CHANGELOG, "1.24 (DynDNS removed)"),
                    Reference.of(References.CHANGELOG, "2000-02-29 (DynDnsSetup)")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Entry e : ctx.tab().entries(Removal.DYNDNS_SETUP.variable())) {
            out.add(Finding.of(
                    INFO,
                    new Location(ctx.root().serverTabPath(), e.line(), 1, e.name()),
                    INFO.message("present", e.line()),
                    Evidence.text(Secrets.line(ctx.tab(), e.line()))));
        }
        return out;
    }
}
