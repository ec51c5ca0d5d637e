package org.xmailkit.audit.rules.upg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.rules.cfg.TabFindings;
import org.xmailkit.model.Entry;
import org.xmailkit.model.References;
import org.xmailkit.model.Values;

/**
 * UPG-010: the reverse-DNS check set in a configuration that may predate 0.71, which changed its meaning: a value
 * above 0 refuses clients without reverse DNS at MAIL FROM (unless they authenticate), a value below 0 delays them.
 */
public final class RdnsCheckMeaning implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "UPG-010",
            Severity.LOW,
            Category.UPGRADE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.changeLog("0.71"), References.changeLog("0.55")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        if (!ctx.source().mayBeBefore(Changes.RDNS_SEMANTICS)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (String name : List.of("SMTP-RDNSCheck", "SMTP-RARPCheck")) {
            ctx.tab().entry(name).ifPresent(e -> {
                long n = Values.atoi(e.value()).orElse(0);
                if (n != 0) {
                    out.add(message(ctx, e, n));
                }
            });
        }
        return out;
    }

    private static Finding message(AuditContext ctx, Entry e, long n) {
        return TabFindings.at(
                INFO,
                ctx,
                e,
                e.valueToken().column(),
                INFO.message(
                        n > 0 ? "refuse" : "delay", e.name(), n, ctx.source().display(), -n));
    }
}
