package org.xmailkit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.testing.TestRules;
import org.xmailkit.model.Catalog;

class CatalogueTest {

    @Test
    void everyCatalogueRuleHasAUniqueIdTextsInBothLanguagesAReferenceAndWellFormedRemediationLines() {
        List<String> problems = CatalogueCheck.problems(Rules.catalogue());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void rulesAreListedByGroupInIdOrder() {
        List<String> ids = Rules.catalogue().stream().map(RuleInfo::id).toList();
        List<String> groups = List.of("SEC", "TLS", "CFG", "UPG", "LOC", "OPT", "NET");
        List<String> sorted = ids.stream().sorted((a, b) -> {
            int g = Integer.compare(groups.indexOf(a.substring(0, 3)), groups.indexOf(b.substring(0, 3)));
            return g != 0 ? g : a.compareTo(b);
        }).toList();
        assertEquals(sorted, ids);
    }

    @Test
    void theCheckAcceptsTheTestRules() {
        assertEquals(List.of(), CatalogueCheck.problems(TestRules.ALL.stream().map(Rule::info).toList()));
    }

    @Test
    void theCheckReportsDuplicatesMissingTextsMissingReferencesAndBadLines() {
        RuleInfo undocumented = new RuleInfo("SEC-990", Severity.LOW, Category.ACCESS, RuleInfo.BASELINE,
                RuleInfo.Fix.NONE, Set.of(), List.of(), List.of("\"SmtpNoTLSAuths\" \"\""));
        List<String> problems = CatalogueCheck.problems(List.of(TestRules.info("SEC-901"), TestRules.info("SEC-901"),
                undocumented));
        assertTrue(problems.contains("SEC-901: duplicate id"), problems.toString());
        assertTrue(problems.contains("SEC-990: no en text rule.SEC-990.title"), problems.toString());
        assertTrue(problems.contains("SEC-990: no ja text rule.SEC-990.why"), problems.toString());
        assertTrue(problems.contains("SEC-990: no reference"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("SEC-990: remediation line")), problems.toString());
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
        assertNull(CatalogueCheck.remediationLineProblem("\"0.0.0.0\"\t\"0.0.0.0\"\t\"DENY\"\t1", c), "ctrl.ipmap.tab line");
        assertNull(CatalogueCheck.remediationLineProblem("Delete the line from ctrlaccounts.tab", c), "prose");
        assertNotNull(CatalogueCheck.remediationLineProblem("\"SmtpNoTLSAuths\" \"\"", c), "space for TAB");
        assertNotNull(CatalogueCheck.remediationLineProblem("SmtpNoTLSAuths\t\"\"", c), "unquoted name");
        assertNotNull(CatalogueCheck.remediationLineProblem("\"SmtpNoTLSAuths\"\t\t\"\"", c), "double TAB");
        assertNotNull(CatalogueCheck.remediationLineProblem("\"SmtpNoTLSAuths\"\t\"\"\t\"x\"", c), "three columns");
        assertNotNull(CatalogueCheck.remediationLineProblem("\"SmtpNoTLSAuths\"\t\"abc", c), "unterminated quote");
    }
}
