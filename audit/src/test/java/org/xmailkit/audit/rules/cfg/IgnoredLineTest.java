package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.rules.RuleTesting.root;
import static org.xmailkit.audit.rules.RuleTesting.run;
import static org.xmailkit.audit.rules.RuleTesting.single;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.model.testing.MailRootFixture;

class IgnoredLineTest {

    private final IgnoredLine rule = new IgnoredLine();

    @TempDir
    Path dir;

    @Test
    void wellFormedLinesCommentsAndLeadingTabsPass() {
        assertEquals(List.of(), run(rule, root(dir, """
                # comment
                "RootDomain"\t"example.com"
                \t"POP3Domain"\t\t"example.com"

                RootDomain\texample.org
                """)));
    }

    @Test
    void spaceInsteadOfTabNamesTheSettingThatIsLost() {
        Finding f = single(run(rule, root(dir, "\"EnableSMTP-TLS\" \"0\"\n")), "cfg.noTab.known");
        assertEquals("EnableSMTP-TLS", f.location().variable());
    }

    @Test
    void singleUnknownWordIsAnIgnoredLine() {
        single(run(rule, root(dir, "junk\n")), "cfg.noTab");
    }

    @Test
    void leadingSpaceHidesTheName() {
        Finding f = single(run(rule, root(dir, " \"SmtpNoTLSAuths\"\t\"\"\n")), "cfg.leadingSpace.known");
        assertEquals("SmtpNoTLSAuths", f.message().args().get(1));
    }

    @Test
    void leadingSpaceWithoutTabIsOneFinding() {
        List<Finding> f = run(rule, root(dir, " \"RootDomain\" \"example.com\"\n"));
        single(f, "cfg.noTab.known");
        assertEquals(1, f.size());
    }

    @Test
    void emptyNameIsReported() {
        single(run(rule, root(dir, "\"\"\t\"x\"\n")), "cfg.emptyName");
    }

    @Test
    void indentedCommentAndBomCommentAreLeftToOtherRules() {
        assertEquals(List.of(), run(rule, MailRootFixture.in(dir).bytes("server.tab",
                "\uFEFF# settings\n  # indented\n".getBytes(StandardCharsets.UTF_8)).open()));
    }
}
