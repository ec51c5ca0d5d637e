package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {

    private Run last;

    private ExitCode run(String... args) {
        last = Run.in(Path.of("."))
                .cli(AuditCommandTest.cli())
                .clock(Clock.systemUTC())
                .run(args);
        return last.exit();
    }

    @Test
    void explainsTitleSummaryWhyRemediationLinesAndReferences() {
        assertEquals(ExitCode.OK, run("explain", "sec-901"));
        String text = last.out();
        assertTrue(text.startsWith("SEC-901  Variable named Bad\n"), text);
        assertTrue(text.contains("Severity: High | category: Access control | profiles: baseline, strict"), text);
        assertTrue(text.contains("Why it matters:\n  The engine tests use it"), text);
        assertTrue(text.contains("Remediation:\n  Remove the variable.\n\n    \"BadThing\"<TAB>\"0\"\n"), text);
        assertTrue(text.contains("References:\n  - RFC 5321 §3.9  https://www.rfc-editor.org/rfc/rfc5321"), text);
    }

    @Test
    void explainsInJapanese() {
        assertEquals(ExitCode.OK, run("explain", "SEC-901", "--lang", "ja"));
        String text = last.out();
        assertTrue(text.contains("Bad で始まる変数"), text);
        assertTrue(text.contains("なぜ問題か:"), text);
        assertTrue(text.contains("重要度: 高"), text);
    }

    @Test
    void unknownRuleIsAUsageErrorWithDidYouMean() {
        assertEquals(ExitCode.USAGE, run("explain", "sec901"));
        assertTrue(last.err().startsWith("xmailkit: no rule 'sec901'. Did you mean SEC-901?\n"), last.err());
        assertEquals(ExitCode.USAGE, run("explain", "SEC-91"));
        assertTrue(last.err().contains("Did you mean SEC-901?"), last.err());
        assertEquals(ExitCode.USAGE, run("explain", "nothing-like-it"));
        assertTrue(last.err().startsWith("xmailkit: no rule 'nothing-like-it'.\n"));
    }

    @Test
    void withoutRuleListsEveryRule() {
        assertEquals(ExitCode.OK, run("explain"));
        String text = last.out();
        assertEquals(6, text.lines().count(), text);
        assertTrue(text.contains("SEC-905  Critical  Control account"), text);
    }
}
