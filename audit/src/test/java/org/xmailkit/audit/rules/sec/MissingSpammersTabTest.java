package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;

class MissingSpammersTabTest {

    private final MissingSpammersTab rule = new MissingSpammersTab();

    @Test
    void firesWhenSpammersTabIsMissing(@TempDir Path dir) {
        List<Finding> f = check(rule, dir, "");
        assertEquals(List.of("msg.SEC-027.missing"), keys(f));
        assertEquals(dir, f.get(0).location().file());
    }

    @Test
    void namesTheConfiguredRefusalWhenThereIsOne(@TempDir Path dir) {
        // The real XMail 1.27 then answers every client with SmtpMsgIPBanSpammers instead of 421.
        List<Finding> f = check(rule, dir, "\"SmtpMsgIPBanSpammers\"\t\"550 Denied\"\n");
        assertEquals(List.of("msg.SEC-027.missingReply"), keys(f));
        assertEquals(List.of("550 Denied"), f.get(0).message().args());
    }

    @Test
    void staysQuietWhenItExistsEvenEmpty(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, "", "spammers.tab", ""));
    }
}
