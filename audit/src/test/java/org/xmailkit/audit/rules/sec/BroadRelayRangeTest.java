package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;

class BroadRelayRangeTest {

    private final BroadRelayRange rule = new BroadRelayRange();

    @Test
    void firesOnRangesWiderThanASlashEightAndOnLargePublicRanges(@TempDir Path dir) {
        List<Finding> f =
                check(rule, dir, "", "smtprelay.tab", tab("0.0.0.0/1") + tab("133.0.0.0/12") + tab("2001:db8::/16"));
        assertEquals(List.of("msg.SEC-002.broad", "msg.SEC-002.public", "msg.SEC-002.ipv6"), keys(f));
        assertTrue(
                f.get(0).message(Locale.ENGLISH).contains("2,147,483,648"),
                f.get(0).message(Locale.ENGLISH));
    }

    @Test
    void firesOnAHostNameWhoseDnsDecides(@TempDir Path dir) {
        List<Finding> f = check(rule, dir, "", "smtprelay.tab", tab("relay.example.com/32"));
        assertEquals(List.of("msg.SEC-002.hostName"), keys(f));
    }

    @Test
    void staysQuietOnPrivateRangesAndSmallPublicOnes(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                "",
                "smtprelay.tab",
                tab("10.0.0.0/8")
                        + tab("172.16.0.0/12")
                        + tab("203.0.113.0/24")
                        + tab("198.51.0.0/16")
                        + tab("0.0.0.0/0"));
        assertEquals(List.of(), f);
    }
}
