package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostPropertyDotNeverMatchesTest {

    private final HostPropertyDotNeverMatches rule = new HostPropertyDotNeverMatches();

    @Test
    void firesOnTheLeadingDotForm(@TempDir Path dir) {
        assertEquals(
                List.of("msg.SEC-035.never"),
                keys(check(rule, dir, "", "smtp.hnprop.tab", tab(".example.org", "WhiteList"))));
    }

    @Test
    void staysQuietOnOtherForms(@TempDir Path dir) {
        assertEquals(
                List.of(),
                check(
                        rule,
                        dir,
                        "",
                        "smtp.hnprop.tab",
                        tab("mail.example.org", "WhiteList") + tab(".example.org.", "WhiteList")));
    }
}
