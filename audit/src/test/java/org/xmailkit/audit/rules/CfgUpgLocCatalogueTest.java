package org.xmailkit.audit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.rules.upg.RemovedVariable;
import org.xmailkit.model.Catalog;
import org.xmailkit.model.Messages;
import org.xmailkit.model.Variable;
import org.xmailkit.model.testing.Bundles;
import org.xmailkit.model.testing.VariableFacts;

/** The CFG, UPG and LOC groups: ids in order, metadata complete, texts in both languages. */
class CfgUpgLocCatalogueTest {

    @TempDir
    Path dir;

    @Test
    void idsAreSequentialPerGroup() {
        check(CfgRules.ALL, "CFG", Category.VALIDITY);
        check(UpgRules.ALL, "UPG", Category.UPGRADE);
        check(LocRules.ALL, "LOC", Category.LOCALIZED);
    }

    private static void check(List<Rule> rules, String prefix, Category category) {
        for (int i = 0; i < rules.size(); i++) {
            RuleInfo info = rules.get(i).info();
            assertEquals(String.format("%s-%03d", prefix, i + 1), info.id());
            assertEquals(category, info.category(), info.id());
            assertFalse(info.references().isEmpty(), info.id() + " cites no source");
            assertTrue(info.remediationLines().stream().allMatch(l -> l.contains("\t")),
                    info.id() + ": remediation lines are real server.tab lines");
        }
    }

    @Test
    void everyRuleHasItsTextsInBothLanguages() {
        // The CFG texts live in the cfg bundle, the UPG and LOC texts in the upg bundle.
        List<Messages> bundles = List.of(Messages.of("org.xmailkit.audit.rules.cfg", CfgRules.class),
                Messages.of("org.xmailkit.audit.rules.upg", UpgRules.class));
        List<Rule> mine = new ArrayList<>(CfgRules.ALL);
        mine.addAll(UpgRules.ALL);
        mine.addAll(LocRules.ALL);
        for (Rule r : mine) {
            for (String part : List.of("title", "summary", "why", "remediation")) {
                String key = "rule." + r.info().id() + "." + part;
                Messages m = bundles.stream().filter(b -> b.has(Locale.ENGLISH, key)).findFirst()
                        .orElseThrow(() -> new AssertionError("English " + key));
                // Without a Japanese text the bundle would give the English one, which has no Japanese in it.
                assertTrue(Bundles.hasJapanese(m.get(Locale.JAPANESE, key)), "Japanese text in " + key);
            }
            String title = r.info().title(Locale.ENGLISH);
            assertFalse(title.endsWith("."), r.info().id() + " title ends with a period");
        }
    }

    @Test
    void everyRemovedCatalogueNameIsHandledByUpg001() {
        for (Variable v : Catalog.builtin().all()) {
            if (v.role() != Variable.Role.REMOVED) {
                continue;
            }
            Path d = dir.resolve(v.name());
            String before = org.xmailkit.audit.VersionDetectorAccess.previous(v.removedVersion().orElseThrow());
            List<Finding> f = RuleTesting.from(new RemovedVariable(),
                    RuleTesting.root(d, "\"" + v.name() + "\"\t\"1\"\n"), before);
            assertEquals(1, f.size(), v.name());
        }
    }

    /** Compares with the facts about every variable (model's bundled copy of the research table). */
    @Test
    void removedNamesMatchTheFacts() {
        Set<String> removed = new TreeSet<>();
        VariableFacts.bundled().values().stream().filter(r -> !r.get("removed_in").isEmpty())
                .forEach(r -> removed.add(r.get("name")));
        assertFalse(removed.isEmpty());
        Set<String> catalogue = new TreeSet<>();
        Catalog.builtin().all().stream().filter(v -> v.role() == Variable.Role.REMOVED)
                .forEach(v -> catalogue.add(v.name()));
        assertEquals(removed, catalogue);
    }
}
