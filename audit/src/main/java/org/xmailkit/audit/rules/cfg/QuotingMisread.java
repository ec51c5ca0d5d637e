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
import org.xmailkit.model.References;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabRecord;
import org.xmailkit.model.Text;
import org.xmailkit.model.Token;

/**
 * CFG-004: quoting that XMail reads differently from how it looks: an unterminated quote, a TAB inside quotes, a
 * quoted value ending in a backslash, text after the closing quote.
 */
public final class QuotingMisread implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-004",
            Severity.MEDIUM,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.TOKENS),
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
            String key =
                    switch (p.code()) {
                        case UNTERMINATED_QUOTE -> "unterminated";
                        case TAB_IN_QUOTES -> "tab";
                        case BACKSLASH_BEFORE_CLOSING_QUOTE -> "backslash";
                        case TEXT_AFTER_QUOTE -> "trailing";
                        default -> null;
                    };
            if (key == null) {
                continue;
            }
            Optional<TabRecord> rec = IgnoredLine.read(tab, p);
            if (rec.isEmpty() || rec.get().piece() > 0) {
                continue; // quotes cut by an over-long line are CFG-006's
            }
            TabRecord r = rec.get();
            int index = tokenAt(r, p.column());
            Token t = r.tokens().get(index);
            String name = Evidence.name(tab, r.value(0));
            String value = index == 0 ? name : Evidence.value(tab, r.value(0), t.value());
            Text message =
                    switch (p.code()) {
                        case TAB_IN_QUOTES -> INFO.message(key, name, value, dropped(tab, r, index));
                        case TEXT_AFTER_QUOTE ->
                            INFO.message(
                                    key,
                                    name,
                                    index > 0 && Secrets.secretName(r.value(0))
                                            ? Secrets.MASK
                                            : Evidence.show(tab, t.trailing()),
                                    value);
                        default -> INFO.message(key, name, value);
                    };
            out.add(TabFindings.atLine(INFO, ctx, r.line(), p.column(), r.value(0), message));
        }
        return out;
    }

    /** @return the index of the token that holds the column */
    private static int tokenAt(TabRecord r, int column) {
        int index = 0;
        for (int i = 0; i < r.tokens().size(); i++) {
            if (r.tokens().get(i).column() <= column) {
                index = i;
            }
        }
        return index;
    }

    /** @return the raw text of the tokens after the given one, joined as the file shows them */
    private static String dropped(ServerTab tab, TabRecord r, int index) {
        List<String> rest = new ArrayList<>();
        for (int i = index + 1; i < r.tokens().size(); i++) {
            rest.add(r.tokens().get(i).raw());
        }
        return Evidence.value(tab, r.value(0), String.join("\t", rest));
    }
}
