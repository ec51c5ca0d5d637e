package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.lines;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;

class IgnoredIpMapLineTest {

    private final IgnoredIpMapLine rule = new IgnoredIpMapLine();

    @Test
    void firesOnThreeColumnCidrShortLegacyAndUnreadableLines(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                "",
                "smtp.ipmap.tab",
                tab("198.51.100.0/24", "DENY", "1")
                        + tab("203.0.113.0", "255.255.255.0", "DENY")
                        + tab("*", "0.0.0.0", "DENY", "1")
                        + tab("192.0.2.0/24", "-", "DENY", "1"));
        assertEquals(List.of("msg.SEC-030.cidrShort", "msg.SEC-030.short", "msg.SEC-030.unreadable"), keys(f));
        assertEquals(List.of(1, 2, 3), lines(f));
    }

    @Test
    void staysQuietOnFourColumnLinesAndComments(@TempDir Path dir) {
        assertEquals(
                List.of(),
                check(
                        rule,
                        dir,
                        "",
                        "ctrl.ipmap.tab",
                        "# \"10.0.0.0/8\" \"DENY\"\n" + tab("10.0.0.0/8", "-", "DENY", "1")
                                + tab("127.0.0.1", "255.255.255.255", "ALLOW", "2")));
    }
}
