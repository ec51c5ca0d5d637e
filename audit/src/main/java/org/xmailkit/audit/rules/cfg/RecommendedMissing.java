package org.xmailkit.audit.rules.cfg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Entry;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Text;

/**
 * CFG-018: POP3Domain, HeloDomain or SmtpServerDomain not set (HeloDomain {@code ""} counts as not set). XMailCFG
 * marks them required; XMail falls back to names derived from reverse DNS, which may be wrong or missing.
 */
public final class RecommendedMissing implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-018",
            Severity.LOW,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(
                    References.XMAILCFG_PAGE,
                    Reference.of(References.SOURCE, "MDomGetClientDomain (reverse DNS of the local address)")),
            List.of());

    /** The settings with a reverse-DNS fallback, in page order. */
    static final List<String> NAMES = List.of("POP3Domain", "HeloDomain", "SmtpServerDomain");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        ServerTab tab = ctx.tab();
        Optional<String> root =
                tab.entry("RootDomain").map(e -> e.displayValue(tab.charset())).filter(s -> !s.isEmpty());
        List<Finding> out = new ArrayList<>();
        for (String name : NAMES) {
            Optional<Entry> e = tab.entry(name);
            if (e.isPresent() && !(name.equals("HeloDomain") && e.get().value().isEmpty())) {
                continue;
            }
            String key = "" + name + (e.isPresent() ? ".empty" : "");
            Text message = root.isPresent()
                    ? INFO.message(key + ".root", TabFindings.line(name, root.get()))
                    : INFO.message(key);
            out.add(
                    e.isPresent()
                            ? TabFindings.at(
                                    INFO, ctx, e.get(), e.get().valueToken().column(), message)
                            : TabFindings.atFile(INFO, ctx, name, message));
        }
        return out;
    }
}
