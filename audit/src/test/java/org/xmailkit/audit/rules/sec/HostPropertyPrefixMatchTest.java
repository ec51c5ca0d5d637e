package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;

class HostPropertyPrefixMatchTest {

    private final HostPropertyPrefixMatch rule = new HostPropertyPrefixMatch();

    @Test
    void firesOnGrantsToPrefixMatchedHostNames(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                "",
                "smtp.hnprop.tab",
                tab("mail.example.com", "WhiteList") + tab(".example.net.", "NoAuth=1", "EnableVRFY"));
        assertEquals(List.of("msg.SEC-034.prefix", "msg.SEC-034.prefix"), keys(f));
        assertEquals(
                List.of("1", "mail.example.com", "WhiteList", "mail.example.com.attacker.example"),
                f.get(0).message().args());
        assertEquals("example.net.attacker.example", f.get(1).message().args().get(3));
    }

    @Test
    void staysQuietWithoutGrantsOrForTheNeverMatchingDotForm(@TempDir Path dir) {
        assertEquals(
                List.of(),
                check(
                        rule,
                        dir,
                        "",
                        "smtp.hnprop.tab",
                        tab("mail.example.com", "EaseTLS")
                                + tab(".example.org", "WhiteList")
                                + tab("gw.example.com", "NoAuth=0")));
    }
}
