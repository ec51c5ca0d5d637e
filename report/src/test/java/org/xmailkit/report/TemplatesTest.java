package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The templates escape everything: no template switches escaping off or marks data as markup. */
class TemplatesTest {

    static List<Path> templates() throws IOException, URISyntaxException {
        Path dir =
                Path.of(TemplatesTest.class.getResource(HtmlRenderer.TEMPLATES).toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void everyTemplateIsAnAutoEscapingHtmlTemplate() throws Exception {
        List<Path> all = templates();
        assertTrue(all.stream().anyMatch(p -> p.toString().endsWith("server.ftlh")));
        for (Path p : all) {
            String name = p.getFileName().toString();
            assertTrue(name.endsWith(".ftlh") || name.equals("report.css") || name.equals("report.js"), name);
        }
    }

    @Test
    void noTemplateTurnsEscapingOff() throws Exception {
        for (Path p : templates()) {
            String t = Files.readString(p, StandardCharsets.UTF_8);
            String name = p.getFileName().toString();
            for (String banned : List.of(
                    "?no_esc",
                    "noautoesc",
                    "noAutoEsc",
                    "outputformat",
                    "?markup_string",
                    "?interpret",
                    "?eval",
                    "?api",
                    "?new")) {
                assertFalse(t.contains(banned), name + " uses " + banned);
            }
        }
    }

    @Test
    void theScriptBuildsNoMarkupFromText() throws Exception {
        String js = Files.readString(templates().stream()
                .filter(p -> p.endsWith("report.js"))
                .findFirst()
                .get());
        for (String banned : List.of(
                "innerHTML",
                "outerHTML",
                "insertAdjacentHTML",
                "document.write",
                "eval(",
                "Function(",
                "http",
                "fetch",
                "XMLHttpRequest")) {
            assertFalse(js.contains(banned), banned);
        }
    }
}
