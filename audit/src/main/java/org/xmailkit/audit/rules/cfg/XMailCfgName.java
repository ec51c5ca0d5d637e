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
import org.xmailkit.model.Entry;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Text;
import org.xmailkit.model.Variable;
import org.xmailkit.model.syntax.OptionList;

/**
 * CFG-002: a name XMailCFG shows on its settings page but XMail never reads: the misspellings
 * {@code SmtpMsgIPBandMaps} / {@code SmtpMsgIPBanSpammres} and the split names {@code SmtpGwConfig-NeedTLS} /
 * {@code SmtpGwConfig-OutBind}.
 */
public final class XMailCfgName implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-002",
            Severity.MEDIUM,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.SAFE,
            Set.of(),
            List.of(References.XMAILCFG_PAGE, References.READ_CONFIG, References.GATEWAY_OPTIONS),
            List.of());

    static final String GW_CONFIG = "SmtpGwConfig";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        ServerTab tab = ctx.tab();
        List<Finding> out = new ArrayList<>();
        String folded = foldedGwConfig(tab);
        for (Entry e : tab.liveEntries()) {
            Optional<Variable> v = tab.catalog().find(e.name());
            if (v.isEmpty()) {
                continue;
            }
            String real = v.get().aliasOf();
            if (v.get().role() == Variable.Role.ALIAS) {
                Optional<Entry> correct = tab.entry(real);
                Text message = correct.isPresent()
                        ? INFO.message(
                                "alias.conflict", e.name(), real, correct.get().line())
                        : INFO.message(
                                "alias.rename", e.name(), real, TabFindings.line(real, e.displayValue(tab.charset())));
                out.add(TabFindings.at(INFO, ctx, e, e.nameToken().column(), message));
            } else if (v.get().role() == Variable.Role.XMAILCFG_PART) {
                String option = option(e.name());
                Optional<OptionList.Option> existing = tab.entry(GW_CONFIG)
                        .flatMap(g -> OptionList.parse(g.value()).get(option));
                Text message;
                if (existing.isPresent()) {
                    message = INFO.message(
                            "part.conflict",
                            e.name(),
                            option,
                            existing.get().hasValue() ? existing.get().value() : "");
                } else if (e.value().isEmpty()) {
                    message = INFO.message("part.empty", e.name());
                } else {
                    message = INFO.message(
                            "part.fold",
                            e.name(),
                            option,
                            TabFindings.line(GW_CONFIG, Evidence.decoded(folded, tab.charset())));
                }
                out.add(TabFindings.at(INFO, ctx, e, e.nameToken().column(), message));
            }
        }
        return out;
    }

    /** @return {@code SmtpGwConfig-NeedTLS} gives {@code NeedTLS} */
    static String option(String partName) {
        return partName.substring(GW_CONFIG.length() + 1);
    }

    /**
     * The SmtpGwConfig value that holds what the split names meant: the existing options first, then each split
     * name's value that SmtpGwConfig does not already set. The correct name wins over XMailCFG's split name.
     *
     * @param tab server.tab
     * @return the value (Latin-1 byte text)
     */
    static String foldedGwConfig(ServerTab tab) {
        String existing = tab.entry(GW_CONFIG).map(Entry::value).orElse("");
        OptionList options = OptionList.parse(existing);
        List<String> parts = new ArrayList<>();
        if (!existing.isEmpty()) {
            parts.add(existing);
        }
        for (Entry e : tab.liveEntries()) {
            boolean part = tab.catalog()
                    .find(e.name())
                    .map(v -> v.role() == Variable.Role.XMAILCFG_PART)
                    .orElse(false);
            if (part && !e.value().isEmpty() && options.get(option(e.name())).isEmpty()) {
                parts.add(option(e.name()) + "=" + e.value());
            }
        }
        return String.join(",", parts);
    }
}
