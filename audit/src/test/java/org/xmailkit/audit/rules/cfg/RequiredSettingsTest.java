package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.findings;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.model.MailRoot;

/** CFG-017 (no fallback) and CFG-018 (reverse-DNS fallback). */
class RequiredSettingsTest {

    @TempDir
    Path dir;

    private MailRoot complete() {
        return root(dir, """
                "RootDomain"\t"example.com"
                "POP3Domain"\t"example.com"
                "PostMaster"\t"admin@example.com"
                "HeloDomain"\t"mail.example.com"
                "SmtpServerDomain"\t"mail.example.com"
                """);
    }

    @Test
    void allFivePresentPass() {
        assertEquals(List.of(), findings(new RequiredMissing(), complete()));
        assertEquals(List.of(), findings(new RecommendedMissing(), complete()));
    }

    @Test
    void emptyFileLacksEverything() {
        MailRoot r = root(dir, "# nothing\n");
        List<Finding> required = findings(new RequiredMissing(), r);
        single(required, "msg.CFG-017.RootDomain");
        single(required, "msg.CFG-017.PostMaster");
        assertEquals(0, required.get(0).location().line());
        assertEquals(3, findings(new RecommendedMissing(), r).size());
    }

    @Test
    void fallbackSuggestionsUseRootDomain() {
        List<Finding> f = findings(new RecommendedMissing(), root(dir, """
                "RootDomain"\t"example.com"
                "POP3Domain"\t"example.com"
                "SmtpServerDomain"\t"mail.example.com"
                "HeloDomain"\t""
                """));
        Finding helo = single(f, "msg.CFG-018.HeloDomain.empty.root");
        assertEquals("\"HeloDomain\"<TAB>\"example.com\"", helo.message().args().get(0));
        assertEquals(4, helo.location().line());
    }

    @Test
    void withoutRootDomainThereIsNoSuggestion() {
        single(findings(new RecommendedMissing(), root(dir, """
                "POP3Domain"\t"example.com"
                "HeloDomain"\t"mail.example.com"
                """)), "msg.CFG-018.SmtpServerDomain");
    }
}
