package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Catalog;
import org.xmailkit.model.Effective;

/** Every key a page asks for exists in English and Japanese. */
class MessagesTest {

    private static final List<Locale> BOTH = List.of(Locale.ENGLISH, Locale.JAPANESE);

    @Test
    void everyKeyTheTemplatesUseExists() throws Exception {
        Pattern literal = Pattern.compile("msg\\(\"([A-Za-z0-9_.]+)\"\\s*[,)]");
        List<String> keys = new ArrayList<>();
        for (Path p : TemplatesTest.templates()) {
            Matcher m = literal.matcher(Files.readString(p, StandardCharsets.UTF_8));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        assertTrue(keys.size() > 50, "keys found: " + keys.size());
        // Keys built from enum values.
        for (Severity s : Severity.values()) {
            keys.add("severity." + s.id());
            keys.add("severity." + s.id() + ".explain");
        }
        for (Category c : Category.values()) {
            keys.add("category." + c.id());
        }
        for (Readiness r : Readiness.values()) {
            keys.add("readiness." + r.id());
            keys.add("readiness." + r.id() + ".explain");
        }
        for (GradeCap.Reason r : GradeCap.Reason.values()) {
            keys.add("grading.reason." + r.id());
        }
        for (String s : Catalog.SECTIONS) {
            keys.add("section." + s);
        }
        for (Effective.Reading r : Effective.Reading.values()) {
            if (r != Effective.Reading.AS_WRITTEN) {
                keys.add("settings.reading." + r.name());
            }
        }
        for (RuleInfo.Need n : RuleInfo.Need.values()) {
            keys.add("rules.need." + n.name().toLowerCase(Locale.ROOT));
        }
        keys.addAll(List.of(
                "rules.fix.none",
                "rules.fix.safe",
                "rules.fix.opt_in",
                "waiver.inline",
                "waiver.file",
                "server.versionGiven",
                "server.versionDetected",
                "note.decide",
                "note.conflict",
                "note.info"));
        for (Locale l : BOTH) {
            for (String k : keys) {
                assertTrue(ReportMessages.has(l, k), l + ": " + k);
            }
        }
    }
}
