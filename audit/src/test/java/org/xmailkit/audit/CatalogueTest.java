package org.xmailkit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.rules.NetRules;
import org.xmailkit.audit.testing.TestRules;
import org.xmailkit.model.Catalog;

/**
 * The one check of the rule catalogue, whatever the group: ids, texts in both languages, message keys, references,
 * remediation lines. Nothing here counts the rules or picks one by its place in a list: adding a rule needs no
 * change to this test.
 */
class CatalogueTest {

    /** The categories a group's rules may have, for the groups that keep to some. */
    private static final Map<RuleGroup, Set<Category>> CATEGORIES = Map.of(
            RuleGroup.TLS, Set.of(Category.TLS, Category.CERTIFICATE),
            RuleGroup.CFG, Set.of(Category.VALIDITY),
            RuleGroup.UPG, Set.of(Category.UPGRADE),
            RuleGroup.LOC, Set.of(Category.LOCALIZED));

    private static List<RuleInfo> catalogue() {
        return Rules.catalogue();
    }

    @Test
    void everyCatalogueRuleHasAUniqueIdTextsInBothLanguagesAReferenceAndWellFormedRemediationLines() {
        List<String> problems = CatalogueCheck.problems(catalogue());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyKeyOfAGroupsBundleIsATextOrAMessageOfOneOfItsRules() {
        List<String> problems = CatalogueCheck.bundleProblems(catalogue());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void rulesAreListedByGroupInIdOrderAndEachGroupCountsFromOneWithoutGaps() {
        List<String> ids = catalogue().stream().map(RuleInfo::id).toList();
        List<String> expected = new ArrayList<>();
        for (RuleGroup g : RuleGroup.values()) {
            List<RuleInfo> group = Rules.infos(g);
            for (int i = 0; i < group.size(); i++) {
                expected.add(String.format("%s-%03d", g.name(), i + 1));
            }
        }
        assertEquals(expected, ids);
    }

    @Test
    void everyRuleIsAFinalClassOfItsOwnInItsGroupsPackageWithItsGroupsCategories() {
        Set<Class<?>> classes = new HashSet<>();
        for (RuleGroup g : RuleGroup.values()) {
            List<Object> rules = new ArrayList<>(g.wire() ? NetRules.ALL : Rules.group(g));
            List<RuleInfo> infos = Rules.infos(g);
            for (int i = 0; i < rules.size(); i++) {
                Class<?> type = rules.get(i).getClass();
                RuleInfo info = infos.get(i);
                String id = info.id();
                assertTrue(g.ruleType().isInstance(rules.get(i)), id);
                assertTrue(Modifier.isFinal(type.getModifiers()), id);
                assertTrue(classes.add(type), id);
                assertEquals(g.packageName(), type.getPackageName(), id);
                assertTrue(
                        CATEGORIES.getOrDefault(g, Set.of(info.category())).contains(info.category()),
                        id + " " + info.category());
                if (g != RuleGroup.SEC) {
                    assertTrue(
                            info.remediationLines().stream().allMatch(l -> l.contains("\t")),
                            id + ": remediation lines are real .tab lines");
                }
            }
        }
    }

    @Test
    void remediationLinesOfTheSecRulesAreServerTabLinesTheRemediationTextShows() {
        for (Rule r : Rules.group(RuleGroup.SEC)) {
            RuleInfo info = r.info();
            if (info.fix() != RuleInfo.Fix.NONE) {
                assertTrue(!info.remediationLines().isEmpty(), info.id());
            }
            for (String line : info.remediationLines()) {
                assertTrue(line.matches("\"[A-Za-z0-9-]+\"\t\"[^\"\t]*\""), info.id() + ": " + line);
                String name = line.substring(1, line.indexOf('"', 1));
                assertTrue(
                        info.remediation(Locale.ENGLISH).contains("\"" + name + "\"<TAB>"),
                        info.id() + " remediation text shows the line");
            }
        }
    }

    @Test
    void theCheckAcceptsTheTestRules() {
        assertEquals(
                List.of(),
                CatalogueCheck.problems(TestRules.ALL.stream().map(Rule::info).toList()));
    }

    @Test
    void theCheckReportsDuplicatesMissingTextsMissingReferencesAndBadLines() {
        RuleInfo undocumented = new RuleInfo(
                "SEC-990",
                Severity.LOW,
                Category.ACCESS,
                RuleInfo.BASELINE,
                RuleInfo.Fix.NONE,
                Set.of(),
                List.of(),
                List.of("\"SmtpNoTLSAuths\" \"\""));
        List<String> problems =
                CatalogueCheck.problems(List.of(TestRules.info("SEC-901"), TestRules.info("SEC-901"), undocumented));
        assertTrue(problems.contains("SEC-901: duplicate id"), problems.toString());
        assertTrue(problems.contains("SEC-990: no en text rule.SEC-990.title"), problems.toString());
        assertTrue(problems.contains("SEC-990: no ja text rule.SEC-990.why"), problems.toString());
        assertTrue(problems.contains("SEC-990: no reference"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("SEC-990: remediation line")), problems.toString());
    }

    @Test
    void theBundleCheckNamesAKeyOfNoRuleOfTheCatalogue() {
        List<RuleInfo> all = catalogue();
        String first = all.get(0).id();
        List<String> problems = CatalogueCheck.bundleProblems(all.subList(1, all.size()));
        assertTrue(
                problems.stream().anyMatch(p -> p.contains("rule." + first + ".title: " + first + " is not")),
                problems.toString());
    }

    @Test
    void titlesAreCapitalisedWithoutPeriodButMayStartWithAFileName() {
        assertTrue(CatalogueCheck.titleFine("CTRL is open to everyone"));
        assertTrue(CatalogueCheck.titleFine("spammers.tab is missing"));
        assertTrue(CatalogueCheck.titleFine("SmtpNoTLSAuths absent"));
        assertTrue(!CatalogueCheck.titleFine("Relay is open."));
        assertTrue(!CatalogueCheck.titleFine("relay is open"));
    }

    @Test
    void remediationLinesMustBeQuotedNameTabQuotedValueForServerTab() {
        Catalog c = Catalog.builtin();
        assertNull(CatalogueCheck.remediationLineProblem("\"SmtpNoTLSAuths\"\t\"\"", c));
        assertNull(
                CatalogueCheck.remediationLineProblem("\"0.0.0.0\"\t\"0.0.0.0\"\t\"DENY\"\t1", c),
                "ctrl.ipmap.tab line");
        assertNull(CatalogueCheck.remediationLineProblem("Delete the line from ctrlaccounts.tab", c), "prose");
        assertNotNull(CatalogueCheck.remediationLineProblem("\"SmtpNoTLSAuths\" \"\"", c), "space for TAB");
        assertNotNull(CatalogueCheck.remediationLineProblem("SmtpNoTLSAuths\t\"\"", c), "unquoted name");
        assertNotNull(CatalogueCheck.remediationLineProblem("\"SmtpNoTLSAuths\"\t\t\"\"", c), "double TAB");
        assertNotNull(CatalogueCheck.remediationLineProblem("\"SmtpNoTLSAuths\"\t\"\"\t\"x\"", c), "three columns");
        assertNotNull(CatalogueCheck.remediationLineProblem("\"SmtpNoTLSAuths\"\t\"abc", c), "unterminated quote");
    }
}
