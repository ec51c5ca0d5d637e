package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpMapNegativePrecedenceTest {

    private final IpMapNegativePrecedence rule = new IpMapNegativePrecedence();

    @Test
    void firesOnPrecedenceBelowMinusOne(@TempDir Path dir) {
        assertEquals(
                List.of("msg.SEC-031.never"),
                keys(check(rule, dir, "", "pop3.ipmap.tab", tab("0.0.0.0/0", "-", "DENY", "-2"))));
    }

    @Test
    void staysQuietOnMinusOneAndAbove(@TempDir Path dir) {
        assertEquals(
                List.of(),
                check(
                        rule,
                        dir,
                        "",
                        "pop3.ipmap.tab",
                        tab("0.0.0.0/0", "-", "DENY", "-1") + tab("10.0.0.0/8", "-", "ALLOW", "abc")));
    }
}
