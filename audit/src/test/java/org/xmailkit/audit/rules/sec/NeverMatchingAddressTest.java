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

class NeverMatchingAddressTest {

    private final NeverMatchingAddress rule = new NeverMatchingAddress();

    @Test
    void firesOnBareAddressesWhereOnlyCidrIsRead(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                "",
                "smtp.ipprop.tab",
                tab("127.0.0.1", "EnableVRFY=1"),
                "smtprelay.tab",
                tab("192.168.1.10"),
                "spammers.tab",
                tab("203.0.113.5", "code=1"),
                "filters.in.tab",
                tab("*", "*", "0.0.0.0/0", "192.0.2.1", "av.tab"));
        assertEquals(List.of("msg.SEC-033.bare", "msg.SEC-033.bare", "msg.SEC-033.bare", "msg.SEC-033.bare"), keys(f));
        assertEquals(
                List.of("filters.in.tab", "1", "192.0.2.1"), f.get(3).message().args());
    }

    @Test
    void firesOnAddressesXMailCannotRead(@TempDir Path dir) {
        assertEquals(
                List.of("msg.SEC-033.unreadable"),
                keys(check(rule, dir, "", "filters.out.tab", tab("*", "*", "*", "0.0.0.0/0", "av.tab"))));
    }

    @Test
    void staysQuietOnWellFormedEntries(@TempDir Path dir) {
        assertEquals(
                List.of(),
                check(
                        rule,
                        dir,
                        "",
                        "smtp.ipprop.tab",
                        tab("127.0.0.1/32", "EnableVRFY=1"),
                        "smtprelay.tab",
                        tab("192.168.1.10", "255.255.255.255") + tab("10.0.0.0/8"),
                        "spammers.tab",
                        tab("203.0.113.5", "255.255.255.255", "code=1") + tab("198.51.100.0/24"),
                        "filters.in.tab",
                        tab("*", "*", "0.0.0.0/0", "0.0.0.0/0", "av.tab")));
    }
}
