package org.xmailkit.audit.rules.upg;

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
import org.xmailkit.audit.rules.cfg.TabFindings;
import org.xmailkit.model.Entry;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabRecord;
import org.xmailkit.model.Text;

/**
 * UPG-007: a line with three or more TAB-separated tokens that older XMail ignored and 1.27 reads (tokens 0 and 1).
 * The list-based reader of the 1.2x era and before accepted exactly two tokens; 1.24-era code already accepts more.
 * The exact release is unknown, so any source that may predate 1.24 is reported. When a later two-token line sets
 * the same name, the old reader used that one and 1.27 uses this one.
 */
public final class ExtraTokensLive implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "UPG-007",
            Severity.MEDIUM,
            Category.UPGRADE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.READ_CONFIG, References.LIST_READER),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        if (!ctx.source().mayBeBefore(Changes.V1_24)) {
            return List.of();
        }
        ServerTab tab = ctx.tab();
        List<TabRecord> records = tab.document().dataRecords();
        List<Finding> out = new ArrayList<>();
        for (Entry e : tab.liveEntries()) {
            TabRecord r = e.record();
            if (r.size() < 3) {
                continue;
            }
            String now = Evidence.value(tab, e.name(), e.value());
            Optional<TabRecord> before = records.stream()
                    .filter(o ->
                            o.line() > r.line() && o.size() == 2 && e.name().equals(o.value(0)))
                    .findFirst();
            Text message = before.isPresent()
                    ? INFO.message(
                            "shadowing",
                            e.name(),
                            r.size(),
                            before.get().line(),
                            Evidence.value(tab, e.name(), before.get().value(1)),
                            now)
                    : INFO.message("newlyLive", e.name(), r.size(), now);
            out.add(TabFindings.at(INFO, ctx, e, r.tokens().get(2).column(), message));
        }
        return out;
    }
}
