package org.xmailkit.audit.rules.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Reference;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.rules.TlsRules;

/** The TLS rule list and its texts. */
class TlsCatalogTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TlsCatalogTest.class.getResourceAsStream("/org/xmailkit/audit/rules/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void idsAreStableConsecutiveAndInOrder() {
        List<String> ids = TlsRules.ALL.stream().map(r -> r.info().id()).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= ids.size(); i++) {
            expected.add(String.format("TLS-%03d", i));
        }
        assertEquals(expected, ids);
        assertEquals(30, ids.size());
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
    void bothBundlesHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties en = bundle("tls.properties");
        Properties ja = bundle("tls_ja.properties");
        assertEquals(en.stringPropertyNames(), ja.stringPropertyNames());
        for (String k : en.stringPropertyNames()) {
            assertTrue(k.startsWith("rule.TLS-") || k.startsWith("TLS-"), k);
            assertEquals(placeholders(en.getProperty(k)), placeholders(ja.getProperty(k)), k);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\d+}").matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
