package org.xmailkit.audit.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleGroup;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Rules;

/** The generated rule lists are fresh: every rule class of a group's package is listed, in id order. */
class RuleListsTest {

    /** The module's main sources; the tests run in the audit module's directory. */
    private static final Path SOURCES = Path.of("src", "main", "java");

    @Test
    void committedListsMatchTheRuleClasses() throws IOException {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<RuleGroup, List<RuleLists.Listed>> e :
                RuleLists.discover().entrySet()) {
            Path file = RuleLists.file(SOURCES, e.getKey());
            String have = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (!have.equals(RuleLists.source(e.getKey(), e.getValue()))) {
                stale.add(file.getFileName().toString());
            }
        }
        if (!stale.isEmpty()) {
            fail("stale rule lists: " + String.join(", ", stale) + ". Regenerate them (and the rule docs) from the "
                    + "repository root with: " + RuleLists.REGENERATE);
        }
    }

    @Test
    void theCatalogueIsTheGroupsInOrderAndEachGroupInIdOrder() {
        List<String> discovered = new ArrayList<>();
        RuleLists.discover()
                .values()
                .forEach(rs -> rs.forEach(r -> discovered.add(r.info().id())));
        assertEquals(discovered, Rules.catalogue().stream().map(RuleInfo::id).toList());
    }

    @Test
    void theSourceNamesEachRuleOnceInTheOrderGiven() {
        String source = RuleLists.source(
                RuleGroup.LOC,
                Rules.group(RuleGroup.LOC).stream().map(RuleLists.Listed::of).toList());
        int last = -1;
        for (Rule r : Rules.group(RuleGroup.LOC)) {
            int at = source.indexOf("new " + r.getClass().getSimpleName() + "()");
            assertEquals(at, source.lastIndexOf("new " + r.getClass().getSimpleName() + "()"));
            assertTrue(at > last, r.info().id());
            last = at;
        }
    }
}
