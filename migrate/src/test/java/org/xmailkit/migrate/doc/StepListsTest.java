package org.xmailkit.migrate.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.xmailkit.migrate.MigrationStep;
import org.xmailkit.migrate.steps.Steps;

/** The generated step list and step docs are fresh: every step class is listed in its order and documented. */
class StepListsTest {

    /** The tests run in the migrate module's directory. */
    private static final Path SOURCES = Path.of("src", "main", "java");

    private static final Path DOCS = Path.of("..", "docs", "steps");

    @Test
    void theCommittedListHoldsEveryStepClassInItsOrder() throws IOException {
        List<MigrationStep> steps = StepLists.discover();
        if (!StepLists.read(StepLists.file(SOURCES)).equals(StepLists.source(steps))) {
            fail("Steps.java is stale. Regenerate it (and docs/steps) from the repository root with: "
                    + StepLists.REGENERATE);
        }
        assertEquals(
                steps.stream().map(MigrationStep::id).toList(),
                Steps.ALL.stream().map(MigrationStep::id).toList());
    }

    @Test
    void theCommittedDocsDescribeEveryStep() throws IOException {
        Map<String, String> expected = StepLists.pages(StepLists.discover());
        TreeSet<String> names = new TreeSet<>(expected.keySet());
        if (Files.isDirectory(DOCS)) {
            try (Stream<Path> s = Files.list(DOCS)) {
                s.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".md"))
                        .forEach(names::add);
            }
        }
        List<String> stale = new ArrayList<>();
        for (String name : names) {
            if (!StepLists.read(DOCS.resolve(name)).equals(expected.getOrDefault(name, ""))) {
                stale.add(name);
            }
        }
        if (!stale.isEmpty()) {
            fail("docs/steps is stale: " + String.join(", ", stale) + ". Regenerate it from the repository root with: "
                    + StepLists.REGENERATE);
        }
    }

    @Test
    void everyStepHasFactsAndAReasonInBothLanguagesAndThePageShowsThem() {
        Map<String, String> pages = StepLists.pages(Steps.ALL);
        for (MigrationStep s : Steps.ALL) {
            assertFalse(s.facts().isEmpty(), s.id());
            String page = pages.get(s.id() + ".md");
            assertTrue(page.contains("| Order / 順序 | " + s.order() + " |"), s.id());
            s.facts().forEach(f -> assertTrue(page.contains(f.display()), s.id() + " " + f));
        }
        assertEquals(Steps.ALL.size() + 1, pages.size());
    }
}
