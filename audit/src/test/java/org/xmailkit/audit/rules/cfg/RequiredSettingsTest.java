package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.rules.RuleTesting.root;
import static org.xmailkit.audit.rules.RuleTesting.run;
import static org.xmailkit.audit.rules.RuleTesting.single;

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
        assertEquals(List.of(), run(new RequiredMissing(), complete()));
        assertEquals(List.of(), run(new RecommendedMissing(), complete()));
    }

    @Test
    void emptyFileLacksEverything() {
        MailRoot r = root(dir, "# nothing\n");
        List<Finding> required = run(new RequiredMissing(), r);
        single(required, "cfg.required.RootDomain");
        single(required, "cfg.required.PostMaster");
        assertEquals(0, required.get(0).location().line());
        assertEquals(3, run(new RecommendedMissing(), r).size());
    }

    @Test
    void fallbackSuggestionsUseRootDomain() {
        List<Finding> f = run(new RecommendedMissing(), root(dir, """
                "RootDomain"\t"example.com"
                "POP3Domain"\t"example.com"
                "SmtpServerDomain"\t"mail.example.com"
                "HeloDomain"\t""
                """));
        Finding helo = single(f, "cfg.recommended.HeloDomain.empty.root");
        assertEquals("\"HeloDomain\"<TAB>\"example.com\"", helo.message().args().get(0));
        assertEquals(4, helo.location().line());
    }

    @Test
    void withoutRootDomainThereIsNoSuggestion() {
        single(run(new RecommendedMissing(), root(dir, """
                "POP3Domain"\t"example.com"
                "HeloDomain"\t"mail.example.com"
                """)), "cfg.recommended.SmtpServerDomain");
    }
}
