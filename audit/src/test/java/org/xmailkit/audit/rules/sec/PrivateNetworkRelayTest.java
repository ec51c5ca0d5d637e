package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.RuleInfo;

class PrivateNetworkRelayTest {

    private final PrivateNetworkRelay rule = new PrivateNetworkRelay();

    @Test
    void firesOnTheShippedWholePrivateRangesAndOnLoopback(@TempDir Path dir) {
        assertEquals(
                List.of("msg.SEC-003.private", "msg.SEC-003.private", "msg.SEC-003.private", "msg.SEC-003.loopback"),
                keys(check(
                        rule,
                        dir,
                        "",
                        "smtprelay.tab",
                        tab("10.0.0.0/8")
                                + tab("172.16.0.0/16")
                                + tab("192.168.0.0", "255.255.0.0")
                                + tab("127.0.0.1/32"))));
    }

    @Test
    void staysQuietOnSmallSubnets(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, "", "smtprelay.tab", tab("192.168.1.0/24") + tab("10.1.2.0/23")));
    }

    @Test
    void isHardeningAdviceOnly() {
        assertEquals(RuleInfo.STRICT_ONLY, PrivateNetworkRelay.INFO.profiles());
    }
}
