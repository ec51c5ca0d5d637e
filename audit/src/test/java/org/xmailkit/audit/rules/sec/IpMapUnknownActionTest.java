package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpMapUnknownActionTest {

    private final IpMapUnknownAction rule = new IpMapUnknownAction();

    @Test
    void firesOnWordsThatXMailReadsAsDeny(@TempDir Path dir) {
        assertEquals(
                List.of("msg.SEC-032.deny", "msg.SEC-032.deny"),
                keys(check(
                        rule,
                        dir,
                        "",
                        "ctrl.ipmap.tab",
                        tab("127.0.0.1/32", "-", "ALLOWED", "2") + tab("10.0.0.0/8", "-", "yes", "2"))));
    }

    @Test
    void staysQuietOnAllowAndDenyInAnyCase(@TempDir Path dir) {
        assertEquals(
                List.of(),
                check(
                        rule,
                        dir,
                        "",
                        "ctrl.ipmap.tab",
                        tab("0.0.0.0/0", "-", "deny", "1") + tab("127.0.0.1/32", "-", "Allow", "2")));
    }
}
