package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Rules;
import org.xmailkit.audit.rules.SecRules;
import org.xmailkit.model.Reference;

class SecRulesCatalogueTest {

    @Test
    void idsRunFromSec001WithoutGapsInListOrder() {
        for (int i = 0; i < SecRules.ALL.size(); i++) {
            assertEquals(String.format("SEC-%03d", i + 1), SecRules.ALL.get(i).info().id());
        }
        assertEquals(37, SecRules.ALL.size());
    }

    @Test
    void everyRuleIsInTheGlobalList() {
        for (Rule r : SecRules.ALL) {
            assertTrue(Rules.byId(r.info().id()).isPresent(), r.info().id());
        }
    }

    @Test
    void everyRuleIsDocumentedInBothLanguages() {
        for (Rule r : SecRules.ALL) {
            RuleInfo info = r.info();
            for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                assertFalse(info.title(l).isBlank(), info.id());
                assertFalse(info.title(l).endsWith("."), info.id() + " title ends with a period");
                assertFalse(info.summary(l).isBlank(), info.id());
                assertFalse(info.why(l).isBlank(), info.id());
                assertFalse(info.remediation(l).isBlank(), info.id());
            }
        }
    }

    @Test
    void fixableRulesCarryExactServerTabLines() {
        for (Rule r : SecRules.ALL) {
            RuleInfo info = r.info();
            if (info.fix() != RuleInfo.Fix.NONE) {
                assertFalse(info.remediationLines().isEmpty(), info.id());
            }
            for (String line : info.remediationLines()) {
                assertTrue(line.matches("\"[A-Za-z0-9-]+\"\t\"[^\"\t]*\""), info.id() + ": " + line);
                String name = line.substring(1, line.indexOf('"', 1));
                assertTrue(info.remediation(Locale.ENGLISH).contains("\"" + name + "\"<TAB>"),
                        info.id() + " remediation text shows the line");
            }
        }
    }

    @Test
    void everyRuleCitesASourceWithSection() {
        for (Rule r : SecRules.ALL) {
            assertFalse(r.info().references().isEmpty(), r.info().id());
            for (Reference ref : r.info().references()) {
                assertTrue(!ref.section().isEmpty() || ref.source().startsWith("CWE-"), r.info().id() + " " + ref);
            }
        }
    }
}
