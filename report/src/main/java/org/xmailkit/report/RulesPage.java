package org.xmailkit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Profile;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Reference;

/**
 * The rule catalogue page's model: the grading scheme, the severities, and every rule with how many servers of this
 * fleet it hit.
 *
 * @param grading    the grading rules, worst cap first
 * @param severities the severities, most serious first
 * @param rules      the rules, in catalogue order
 */
public record RulesPage(List<GradingRow> grading, List<Severity> severities, List<RuleView> rules) {

    public RulesPage {
        grading = List.copyOf(grading);
        severities = List.copyOf(severities);
        rules = List.copyOf(rules);
    }

    /**
     * One grading rule.
     *
     * @param bound  the best grade it allows
     * @param reason the rule
     */
    public record GradingRow(Grade bound, GradeCap.Reason reason) {}

    /**
     * One audit rule.
     *
     * @param id               the id
     * @param severity         the severity
     * @param category         the category
     * @param categoryTitle    the category's label
     * @param title            the title
     * @param summary          what is wrong
     * @param why              why it matters
     * @param remediation      what to do
     * @param remediationLines exact lines to write
     * @param references       sources
     * @param profiles         the profiles that run it
     * @param fix              {@code none}, {@code safe} or {@code opt_in}
     * @param needs            {@code mailroot}, {@code install_dir}, {@code startup}
     * @param servers          servers of this fleet with an unsuppressed finding of it
     */
    public record RuleView(
            String id,
            Severity severity,
            Category category,
            String categoryTitle,
            String title,
            String summary,
            String why,
            String remediation,
            List<String> remediationLines,
            List<String> references,
            List<String> profiles,
            String fix,
            List<String> needs,
            int servers) {
        public RuleView {
            remediationLines = List.copyOf(remediationLines);
            references = List.copyOf(references);
            profiles = List.copyOf(profiles);
            needs = List.copyOf(needs);
        }
    }

    /**
     * @param rules       the rules
     * @param ruleServers servers hit per rule id
     * @param locale      the language
     * @return the page model
     */
    public static RulesPage of(List<RuleInfo> rules, Map<String, Integer> ruleServers, Locale locale) {
        List<GradingRow> grading = new ArrayList<>();
        for (GradeCap.Reason r : GradeCap.Reason.values()) {
            grading.add(new GradingRow(Grading.bound(r), r));
        }
        List<RuleView> views = new ArrayList<>();
        for (RuleInfo i : rules) {
            views.add(new RuleView(
                    i.id(),
                    i.severity(),
                    i.category(),
                    ReportMessages.get(locale, "category." + i.category().id()),
                    i.title(locale),
                    i.summary(locale),
                    i.why(locale),
                    i.remediation(locale),
                    i.remediationLines(),
                    i.references().stream().map(Reference::display).toList(),
                    i.profiles().stream().sorted().map(Profile::id).toList(),
                    i.fix().name().toLowerCase(Locale.ROOT),
                    i.needs().stream()
                            .sorted()
                            .map(n -> n.name().toLowerCase(Locale.ROOT))
                            .toList(),
                    ruleServers.getOrDefault(i.id(), 0)));
        }
        return new RulesPage(grading, List.of(Severity.values()), views);
    }
}
