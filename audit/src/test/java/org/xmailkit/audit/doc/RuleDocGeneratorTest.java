package org.xmailkit.audit.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.testing.TestRules;

class RuleDocGeneratorTest {

    /** docs/rules of the repository; the tests run in the audit module's directory. */
    private static final Path COMMITTED = Path.of("..", "docs", "rules");

    @Test
    void committedRuleDocsMatchTheCatalogue() throws IOException {
        Map<String, String> expected = RuleDocGenerator.standard().pages();
        List<String> stale = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(expected.keySet());
        if (Files.isDirectory(COMMITTED)) {
            try (Stream<Path> s = Files.list(COMMITTED)) {
                s.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".md"))
                        .forEach(names::add);
            }
        }
        for (String name : names) {
            Path p = COMMITTED.resolve(name);
            String want = expected.get(name);
            String have = Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
            if (want == null) {
                stale.add(name + " (no such rule any more)");
            } else if (!want.equals(have)) {
                stale.add(name + (have == null ? " (missing)" : " (out of date)"));
            }
        }
        if (!stale.isEmpty()) {
            fail("docs/rules is stale: " + String.join(", ", stale) + ". Regenerate it from the repository root with: "
                    + RuleDocGenerator.REGENERATE);
        }
    }

    @Test
    void eachRulePageHasBothLanguagesRemediationLinesAndReferences() {
        Map<String, String> pages =
                new RuleDocGenerator(TestRules.ALL.stream().map(Rule::info).toList()).pages();
        assertEquals(TestRules.ALL.size() + 1, pages.size());
        String page = pages.get("SEC-901.md");
        assertTrue(page.startsWith("<!-- Generated"), page);
        assertTrue(page.contains("# SEC-901: Variable named Bad"), page);
        assertTrue(page.contains("## English"), page);
        assertTrue(page.contains("## 日本語"), page);
        assertTrue(page.contains("Bad で始まる変数"), page);
        assertTrue(page.contains("```\n\"BadThing\"\t\"0\"\n```"), page);
        assertTrue(page.contains("[RFC 5321 §3.9](https://www.rfc-editor.org/rfc/rfc5321)"), page);
        String index = pages.get("README.md");
        assertTrue(index.contains("| [SEC-901](SEC-901.md) | High / 高 |"), index);
    }

    @Test
    void writingReplacesPagesAndDeletesThoseOfRemovedRules(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("SEC-000.md"), "old");
        Files.writeString(dir.resolve("notes.txt"), "kept");
        new RuleDocGenerator(TestRules.ALL.stream().map(Rule::info).toList()).write(dir);
        assertFalse(Files.exists(dir.resolve("SEC-000.md")));
        assertTrue(Files.exists(dir.resolve("notes.txt")));
        assertTrue(Files.readString(dir.resolve("CFG-903.md")).contains("## 日本語"));
    }
}
