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
import org.xmailkit.model.Effective;
import org.xmailkit.model.Entry;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Text;
import org.xmailkit.model.Values;
import org.xmailkit.model.Variable;

/**
 * CFG-010: a flag or number XMail reads differently from what was written: words such as {@code yes} (read as 0),
 * a number followed by text, {@code ""} on a flag whose default is 1 (read as 0), {@code ""} on a number whose
 * default is not 0 (read as the default), a value longer than the 62 bytes XMail reads, a number beyond C's int.
 */
public final class NumberMisread implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-010",
            Severity.MEDIUM,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.ACCESSORS),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        ServerTab tab = ctx.tab();
        List<Finding> out = new ArrayList<>();
        for (Entry e : tab.liveEntries()) {
            Variable v = tab.catalog().find(e.name()).orElse(null);
            if (v == null || !v.readBy127() || v.accessor() == Variable.Accessor.STRING) {
                continue;
            }
            Effective eff = tab.effective(e.name());
            if (eff.reading() == Effective.Reading.AS_WRITTEN) {
                continue; // most values: nothing misread, nothing to show
            }
            boolean flag = v.accessor() == Variable.Accessor.FLAG;
            long def = v.defaultOptional().map(d -> Values.atoi(d).orElse(0)).orElse(0L);
            String written = Evidence.show(tab, e.value());
            Text message =
                    switch (eff.reading()) {
                        case NOT_A_NUMBER ->
                            flag
                                    ? INFO.message("flagText", e.name(), written)
                                    : INFO.message("intText", e.name(), written);
                        case TRAILING_TEXT_IGNORED ->
                            INFO.message(
                                    "trailing", e.name(), written, eff.number().orElse(0));
                        case EMPTY_FLAG_IS_ZERO -> def != 0 ? INFO.message("emptyFlag", e.name()) : null;
                        case EMPTY_INT_IS_DEFAULT -> def != 0 ? INFO.message("emptyInt", e.name(), def) : null;
                        case CUT_AT_BUFFER ->
                            INFO.message(
                                    "cut",
                                    e.name(),
                                    written,
                                    flag
                                            ? (eff.flag().orElse(false) ? "1" : "0")
                                            : Long.toString(eff.number().orElse(0)));
                        case OUT_OF_INT_RANGE ->
                            INFO.message(
                                    "range",
                                    e.name(),
                                    written,
                                    eff.number().orElse(0),
                                    eff.numberOnLp64().orElse(0));
                        default -> null;
                    };
            if (message != null) {
                out.add(TabFindings.at(INFO, ctx, e, e.valueToken().column(), message));
            }
        }
        return out;
    }
}
