package org.xmailkit.audit.rules.cfg;

import java.util.ArrayList;
import java.util.HashSet;
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
import org.xmailkit.model.Text;

/** CFG-003: a line XMail reads as something that never applies: no TAB, a leading space, an empty name. */
public final class IgnoredLine implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-003",
            Severity.MEDIUM,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.TOKENS, References.READ_CONFIG),
            List.of());

    private static final String BOM = "\u00EF\u00BB\u00BF";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        ServerTab tab = ctx.tab();
        List<Finding> out = new ArrayList<>();
        // one finding per line: a line without a TAB is ignored whatever else is wrong with it
        Set<Integer> noTab = new HashSet<>();
        tab.problems().stream().filter(p -> p.code() == ProblemCode.NO_TAB).forEach(p -> noTab.add(p.line()));
        for (Problem p : tab.problems()) {
            Optional<TabRecord> rec = read(tab, p);
            if (rec.isEmpty() || rec.get().piece() > 0) {
                continue; // pieces of over-long lines are CFG-006's
            }
            TabRecord r = rec.get();
            switch (p.code()) {
                case NO_TAB -> {
                    if (!bomOnly(r) && !r.text().strip().startsWith("#")) { // " #..." is CFG-005's
                        out.add(noTab(ctx, tab, r));
                    }
                }
                case LEADING_SPACE -> {
                    if (noTab.contains(r.line())) {
                        continue;
                    }
                    String name = r.value(0);
                    Optional<String> meant = tab.catalog().suggest(name);
                    Text message = meant.isPresent()
                            ? INFO.message("leadingSpace.known", Evidence.show(tab, name), meant.get())
                            : INFO.message("leadingSpace", Evidence.show(tab, name));
                    out.add(TabFindings.atLine(INFO, ctx, r.line(), 1, meant.orElse(""), message));
                }
                case EMPTY_NAME ->
                    out.add(TabFindings.atLine(
                            INFO,
                            ctx,
                            r.line(),
                            p.column(),
                            "",
                            INFO.message("emptyName", r.size() >= 2 ? Evidence.show(tab, r.value(1)) : "")));
                default -> {}
            }
        }
        return out;
    }

    private Finding noTab(AuditContext ctx, ServerTab tab, TabRecord r) {
        String text = r.text().strip();
        int space = text.indexOf(' ');
        String first = space < 0 ? text : text.substring(0, space);
        if (first.length() >= 2 && first.startsWith("\"") && first.endsWith("\"")) {
            first = first.substring(1, first.length() - 1);
        }
        if (space > 0 && tab.catalog().find(first).isPresent()) {
            return TabFindings.atLine(INFO, ctx, r.line(), r.column(), first, INFO.message("noTab.known", first));
        }
        return TabFindings.atLine(INFO, ctx, r.line(), r.column(), "", INFO.message("noTab"));
    }

    /** A first line holding only a byte order mark, or a BOM and a comment: CFG-001 reports the BOM. */
    private static boolean bomOnly(TabRecord r) {
        if (r.line() != 1 || !r.text().startsWith(BOM)) {
            return false;
        }
        String rest = r.text().substring(BOM.length());
        return rest.isBlank() || rest.startsWith("#");
    }

    /** The read of the problem's line that holds its column: only that line's reads are looked at. */
    static Optional<TabRecord> read(ServerTab tab, Problem p) {
        if (p.line() < 1 || p.line() > tab.document().lines().size()) {
            return Optional.empty();
        }
        TabRecord best = null;
        for (TabRecord r : tab.document().reads(p.line())) {
            if (r.column() <= p.column()) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }
}
