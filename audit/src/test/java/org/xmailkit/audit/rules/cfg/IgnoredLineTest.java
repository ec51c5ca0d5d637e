package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.findings;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;

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
        assertEquals(List.of(), findings(rule, root(dir, """
                # comment
                "RootDomain"\t"example.com"
                \t"POP3Domain"\t\t"example.com"

                RootDomain\texample.org
                """)));
    }

    @Test
    void spaceInsteadOfTabNamesTheSettingThatIsLost() {
        Finding f = single(findings(rule, root(dir, "\"EnableSMTP-TLS\" \"0\"\n")), "msg.CFG-003.noTab.known");
        assertEquals("EnableSMTP-TLS", f.location().variable());
    }

    @Test
    void singleUnknownWordIsAnIgnoredLine() {
        single(findings(rule, root(dir, "junk\n")), "msg.CFG-003.noTab");
    }

    @Test
    void leadingSpaceHidesTheName() {
        Finding f = single(findings(rule, root(dir, " \"SmtpNoTLSAuths\"\t\"\"\n")), "msg.CFG-003.leadingSpace.known");
        assertEquals("SmtpNoTLSAuths", f.message().args().get(1));
    }

    @Test
    void leadingSpaceWithoutTabIsOneFinding() {
        List<Finding> f = findings(rule, root(dir, " \"RootDomain\" \"example.com\"\n"));
        single(f, "msg.CFG-003.noTab.known");
        assertEquals(1, f.size());
    }

    @Test
    void emptyNameIsReported() {
        single(findings(rule, root(dir, "\"\"\t\"x\"\n")), "msg.CFG-003.emptyName");
    }

    @Test
    void indentedCommentAndBomCommentAreLeftToOtherRules() {
        assertEquals(
                List.of(),
                findings(
                        rule,
                        MailRootFixture.in(dir)
                                .bytes(
                                        "server.tab",
                                        "\uFEFF# settings\n  # indented\n".getBytes(StandardCharsets.UTF_8))
                                .open()));
    }
}
