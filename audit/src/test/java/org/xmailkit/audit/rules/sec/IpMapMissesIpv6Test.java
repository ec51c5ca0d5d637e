package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpMapMissesIpv6Test {

    private final IpMapMissesIpv6 rule = new IpMapMissesIpv6();

    @Test
    void firesWhenOnlyIpv4RulesRestrict(@TempDir Path dir) {
        assertEquals(
                List.of("msg.SEC-037.ipv6Open"),
                keys(check(
                        rule,
                        dir,
                        "",
                        "ctrl.ipmap.tab",
                        tab("0.0.0.0", "0.0.0.0", "DENY", "1") + tab("127.0.0.1", "255.255.255.255", "ALLOW", "2"))));
    }

    @Test
    void staysQuietWhenAnIpv6RuleDeniesToo(@TempDir Path dir) {
        assertEquals(
                List.of(),
                check(
                        rule,
                        dir,
                        "",
                        "ctrl.ipmap.tab",
                        tab("0.0.0.0", "0.0.0.0", "DENY", "1")
                                + tab("::/0", "-", "DENY", "1")
                                + tab("127.0.0.1", "255.255.255.255", "ALLOW", "2")));
    }

    @Test
    void staysQuietWhenTheMapRestrictsNobody(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, "", "smtp.ipmap.tab", tab("0.0.0.0", "0.0.0.0", "ALLOW", "1")));
    }
}
