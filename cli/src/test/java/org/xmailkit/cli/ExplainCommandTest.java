package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.xmailkit.model.References;

class ExplainCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ExitCode run(String... args) {
        CommandContext ctx = new CommandContext(out, err, StandardCharsets.UTF_8, Locale.ENGLISH, false, false,
                Clock.systemUTC(), Path.of("."));
        return AuditCommandTest.cli().run(args, ctx);
    }

    @Test
    void explainsTitleSummaryWhyRemediationLinesAndReferences() {
        assertEquals(ExitCode.OK, run("explain", "sec-901"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("SEC-901  Variable named Bad\n"), text);
        assertTrue(text.contains("Severity: High | category: Access control | profiles: baseline, strict"), text);
        assertTrue(text.contains("Why it matters:\n  The engine tests use it"), text);
        assertTrue(text.contains("Remediation:\n  Remove the variable.\n\n    \"BadThing\"<TAB>\"0\"\n"), text);
        assertTrue(text.contains("References:\n  - RFC 5321 §3.9  https://www.rfc-editor.org/rfc/rfc5321"), text);
    }

    @Test
    void explainsInJapanese() {
        assertEquals(ExitCode.OK, run("explain", "SEC-901", "--lang", "ja"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Bad で始まる変数"), text);
        assertTrue(text.contains("なぜ問題か:"), text);
        assertTrue(text.contains("重要度: 高"), text);
    }

    @Test
    void unknownRuleIsAUsageErrorWithDidYouMean() {
        assertEquals(ExitCode.USAGE, run("explain", "sec901"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("xmailkit: no rule 'sec901'. Did you mean SEC-901?\n"),
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(ExitCode.USAGE, run("explain", "SEC-91"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Did you mean SEC-901?"), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(ExitCode.USAGE, run("explain", "nothing-like-it"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("xmailkit: no rule 'nothing-like-it'.\n"));
    }

    @Test
    void withoutRuleListsEveryRule() {
        assertEquals(ExitCode.OK, run("explain"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(6, text.lines().count(), text);
        assertTrue(text.contains("SEC-905  Critical  Control account"), text);
    }
}
