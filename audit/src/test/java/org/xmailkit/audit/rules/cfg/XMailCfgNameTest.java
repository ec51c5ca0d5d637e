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

class XMailCfgNameTest {

    private final XMailCfgName rule = new XMailCfgName();

    @TempDir
    Path dir;

    @Test
    void realNamesPass() {
        assertEquals(List.of(), findings(rule, root(dir, """
                "SmtpMsgIPBanMaps"\t"550 listed"
                "SmtpGwConfig"\t"NeedTLS=2"
                """)));
    }

    @Test
    void misspelledMessageNameSuggestsTheRealLine() {
        Finding f = single(
                findings(rule, root(dir, "\"SmtpMsgIPBandMaps\"\t\"550 listed\"\n")), "msg.CFG-002.alias.rename");
        assertEquals("SmtpMsgIPBanMaps", f.message().args().get(1));
        assertEquals(
                "\"SmtpMsgIPBanMaps\"<TAB>\"550 listed\"", f.message().args().get(2));
    }

    @Test
    void correctNameWinsWhenBothArePresent() {
        Finding f = single(findings(rule, root(dir, """
                "SmtpMsgIPBanSpammers"\t"421 go away"
                "SmtpMsgIPBanSpammres"\t"550 old"
                """)), "msg.CFG-002.alias.conflict");
        assertEquals("1", f.message().args().get(2));
        assertEquals(2, f.location().line());
    }

    @Test
    void splitNamesFoldIntoOneSmtpGwConfig() {
        List<Finding> f = findings(rule, root(dir, """
                "SmtpGwConfig-OutBind"\t"192.0.2.10"
                "SmtpGwConfig-NeedTLS"\t"2"
                """));
        assertEquals(2, f.size());
        String line = "\"SmtpGwConfig\"<TAB>\"OutBind=192.0.2.10,NeedTLS=2\"";
        f.forEach(x -> assertEquals(line, x.message().args().get(2)));
    }

    @Test
    void splitNameAddsToAnExistingSmtpGwConfig() {
        List<Finding> f = findings(rule, root(dir, """
                "SmtpGwConfig"\t"OutBind=192.0.2.10"
                "SmtpGwConfig-NeedTLS"\t"1"
                """));
        assertEquals(
                "\"SmtpGwConfig\"<TAB>\"OutBind=192.0.2.10,NeedTLS=1\"",
                single(f, "msg.CFG-002.part.fold").message().args().get(2));
    }

    @Test
    void splitNameThatSmtpGwConfigAlreadySetsIsAConflict() {
        Finding f = single(findings(rule, root(dir, """
                "SmtpGwConfig"\t"NeedTLS=2"
                "SmtpGwConfig-NeedTLS"\t"0"
                """)), "msg.CFG-002.part.conflict");
        assertEquals("2", f.message().args().get(2));
    }

    @Test
    void emptySplitNameIsJustDeleted() {
        single(findings(rule, root(dir, "\"SmtpGwConfig-OutBind\"\t\"\"\n")), "msg.CFG-002.part.empty");
    }
}
