package org.xmailkit.audit.rules.cfg;

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
import org.xmailkit.model.Problem;
import org.xmailkit.model.ProblemCode;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabRecord;
import org.xmailkit.model.Text;

/**
 * CFG-006: a line longer than the 2046 bytes XMail reads at once. The value is cut there without an error and the
 * rest is parsed as a line of its own; uploading such a file through CTRL {@code cfgfileset} installs a truncated
 * file.
 */
public final class OverlongLine implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-006",
            Severity.HIGH,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(
                    References.CONFIG_LINE,
                    Reference.of(References.SOURCE, "MiscUtils.cpp MscRecvTextFile (CTRL cfgfileset)")),
            List.of());

    private static final int TAIL = 24;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        ServerTab tab = ctx.tab();
        List<Finding> out = new ArrayList<>();
        for (Problem p : tab.problems()) {
            if (p.code() != ProblemCode.LONG_LINE) {
                continue;
            }
            List<TabRecord> pieces = tab.document().records().stream()
                    .filter(r -> r.line() == p.line())
                    .toList();
            TabRecord first = pieces.get(0);
            String name = first.size() >= 1 ? first.value(0) : "";
            String value = first.size() >= 2 ? first.value(1) : "";
            String tail = value.length() > TAIL ? "…" + value.substring(value.length() - TAIL) : value;
            int rest = Integer.parseInt(p.args().get(0))
                    - Integer.parseInt(p.args().get(1));
            List<String> created = new ArrayList<>();
            for (TabRecord r : pieces.subList(1, pieces.size())) {
                if (r.size() >= 2) {
                    created.add(Evidence.show(tab, r.value(0)));
                }
            }
            Text message;
            if (first.kind() != TabRecord.Kind.DATA) {
                message = created.isEmpty()
                        ? INFO.message("longLine.comment", p.args().get(0), rest)
                        : INFO.message("longLine.comment.entry", p.args().get(0), rest, String.join(", ", created));
            } else {
                message = created.isEmpty()
                        ? INFO.message(
                                "longLine",
                                p.args().get(0),
                                Evidence.show(tab, name),
                                Evidence.value(tab, name, tail),
                                rest)
                        : INFO.message(
                                "longLine.entry",
                                p.args().get(0),
                                Evidence.show(tab, name),
                                Evidence.value(tab, name, tail),
                                rest,
                                String.join(", ", created));
            }
            out.add(TabFindings.atLine(INFO, ctx, p.line(), p.column(), name, message));
        }
        return out;
    }
}
