package org.xmailkit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The examples in docs/waivers.md are valid against the real catalogue. */
class WaiverDocsTest {

    private static final Path DOC = Path.of("..", "docs", "waivers.md");

    private static List<String> codeBlocks() throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder cur = null;
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                if (cur == null) {
                    cur = new StringBuilder();
                } else {
                    blocks.add(cur.toString());
                    cur = null;
                }
            } else if (cur != null) {
                cur.append(line).append('\n');
            }
        }
        return blocks;
    }

    @Test
    void waiverFileExamplesParse() throws Exception {
        Set<String> ids = Rules.catalogue().stream().map(RuleInfo::id).collect(Collectors.toSet());
        List<String> files = codeBlocks().stream()
                .filter(b -> !b.contains("xmailkit:ignore"))
                .toList();
        assertEquals(2, files.size(), "one example in each language");
        for (String b : files) {
            Waivers w = Waivers.parse("waivers.md", b.getBytes(StandardCharsets.UTF_8), ids);
            assertEquals(4, w.entries().size(), b);
        }
    }

    @Test
    void inlineExamplesParse() throws Exception {
        Set<String> ids = Rules.ALL.stream().map(r -> r.info().id()).collect(Collectors.toSet());
        List<String> inline =
                codeBlocks().stream().filter(b -> b.contains("xmailkit:ignore")).toList();
        assertEquals(2, inline.size());
        for (String b : inline) {
            String first = b.lines().findFirst().orElseThrow();
            Matcher m = InlineWaivers.MARK.matcher(first);
            assertTrue(m.matches(), first);
            String body = m.group(1);
            int blank = body.indexOf(' ');
            Waivers.Body parsed = Waivers.body(body.substring(0, blank), body.substring(blank), ids, "waivers.md", 1);
            assertEquals("2026-06-30", parsed.expires().toString());
        }
    }
}
