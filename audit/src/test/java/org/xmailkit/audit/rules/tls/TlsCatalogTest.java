package org.xmailkit.audit.rules.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Reference;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.rules.TlsRules;
import org.xmailkit.model.Messages;

/** The TLS rule list and its texts. */
class TlsCatalogTest {

    @Test
    void idsAreStableConsecutiveAndInOrder() {
        List<String> ids = TlsRules.ALL.stream().map(r -> r.info().id()).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= ids.size(); i++) {
            expected.add(String.format("TLS-%03d", i));
        }
        assertEquals(expected, ids);
        assertEquals(31, ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size());
    }

    @Test
    void everyRuleIsAFinalClassWithTlsOrCertificateCategoryAndReferences() {
        Set<Class<?>> classes = new HashSet<>();
        for (Rule r : TlsRules.ALL) {
            RuleInfo i = r.info();
            assertTrue(java.lang.reflect.Modifier.isFinal(r.getClass().getModifiers()), i.id());
            assertTrue(classes.add(r.getClass()), i.id());
            assertTrue(i.category() == Category.TLS || i.category() == Category.CERTIFICATE, i.id());
            assertFalse(i.references().isEmpty(), i.id());
            for (Reference ref : i.references()) {
                assertFalse(ref.source().isBlank(), i.id());
            }
            for (String line : i.remediationLines()) {
                assertTrue(line.contains("\t"), i.id() + ": " + line);
            }
            if (i.fix() != RuleInfo.Fix.NONE) {
                assertFalse(i.remediationLines().isEmpty(), i.id());
            }
        }
    }

    @Test
    void everyRuleHasItsTextsInBothLanguages() {
        for (Rule r : TlsRules.ALL) {
            for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                RuleInfo i = r.info();
                for (String t : List.of(i.title(l), i.summary(l), i.why(l), i.remediation(l))) {
                    assertFalse(t.isBlank(), i.id());
                }
                assertFalse(i.title(l).endsWith("."), i.id());
            }
            assertFalse(r.info().title(Locale.ENGLISH).equals(r.info().title(Locale.JAPANESE)));
        }
    }

    @Test
    void theBundleHoldsOnlyTlsTexts() {
        for (String k : Messages.of("org.xmailkit.audit.rules.tls", TlsRules.class).bundle(Locale.ENGLISH).keySet()) {
            assertTrue(k.startsWith("rule.TLS-") || k.startsWith("TLS-"), k);
        }
    }
}
