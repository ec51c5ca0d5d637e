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
import org.xmailkit.model.Problem;
import org.xmailkit.model.ProblemCode;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabRecord;

/** CFG-005: text XMail ignores although it looks meaningful: extra columns, and "comments" after a space. */
public final class IgnoredText implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-005",
            Severity.LOW,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.READ_CONFIG, References.CONFIG_LINE),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        ServerTab tab = ctx.tab();
        List<Finding> out = new ArrayList<>();
        for (Problem p : tab.problems()) {
            if (p.code() != ProblemCode.EXTRA_TOKENS && p.code() != ProblemCode.NOT_A_COMMENT) {
                continue;
            }
            Optional<TabRecord> rec = IgnoredLine.read(tab, p);
            if (rec.isEmpty() || rec.get().piece() > 0) {
                continue;
            }
            TabRecord r = rec.get();
            if (p.code() == ProblemCode.NOT_A_COMMENT) {
                out.add(TabFindings.atLine(
                        INFO, ctx, r.line(), 1, "", INFO.message("notAComment", Evidence.name(tab, r.value(0)))));
                continue;
            }
            List<String> extra = new ArrayList<>();
            for (int i = 2; i < r.size(); i++) {
                extra.add(r.tokens().get(i).raw());
            }
            out.add(TabFindings.atLine(
                    INFO,
                    ctx,
                    r.line(),
                    p.column(),
                    r.value(0),
                    INFO.message(
                            "extraTokens",
                            Evidence.name(tab, r.value(0)),
                            Evidence.value(tab, r.value(0), r.value(1)),
                            Evidence.value(tab, r.value(0), String.join("\t", extra)))));
        }
        return out;
    }
}
