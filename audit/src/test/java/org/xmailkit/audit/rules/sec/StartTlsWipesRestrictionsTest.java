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

class StartTlsWipesRestrictionsTest {

    private final StartTlsWipesRestrictions rule = new StartTlsWipesRestrictions();

    private static final String SERVER_TAB =
            tab("CustMapsList", "zen.example.org:0,bl.example.net:1") + tab("SMTP-RDNSCheck", "1");

    @Test
    void firesOnEveryIpRestrictionStartTlsLifts(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                SERVER_TAB,
                "spammers.tab",
                tab("192.0.2.0", "255.255.255.0", "code=0") + tab("198.51.100.0/24", "code=0") + tab("203.0.113.0/24"),
                "smtp.ipprop.tab",
                tab("192.0.2.7/32", "WhiteList", "EaseTLS"),
                "server.cert",
                "-",
                "server.key",
                "-");
        assertEquals(
                List.of(
                        "msg.SEC-019.spammers",
                        "msg.SEC-019.spammers",
                        "msg.SEC-019.custMaps",
                        "msg.SEC-019.rdns",
                        "msg.SEC-019.ipprop"),
                keys(f));
        assertEquals(List.of("1", "zen.example.org"), f.get(2).message().args());
        assertEquals(
                List.of("1", "192.0.2.7/32", "WhiteList"), f.get(4).message().args());
    }

    @Test
    void staysQuietWhenStartTlsIsOff(@TempDir Path dir) {
        assertEquals(
                List.of(),
                check(rule, dir, SERVER_TAB + tab("EnableSMTP-TLS", "0"), "server.cert", "-", "server.key", "-"));
    }

    @Test
    void staysQuietWithoutCertificateBecauseTheHandshakeFails(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, SERVER_TAB));
    }

    @Test
    void staysQuietWhenRestrictionsActAtConnectTime(@TempDir Path dir) {
        assertEquals(
                List.of(),
                check(
                        rule,
                        dir,
                        tab("CustMapsList", "bl.example.net:1"),
                        "spammers.tab",
                        tab("192.0.2.0/24", "code=1") + tab("198.51.100.0/24"),
                        "server.cert",
                        "-",
                        "server.key",
                        "-"));
    }
}
