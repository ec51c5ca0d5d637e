package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtrlCleartextLoginsTest {

    private final CtrlCleartextLogins rule = new CtrlCleartextLogins();

    private static final String LAN_ONLY =
            tab("0.0.0.0", "0.0.0.0", "DENY", "1") + tab("192.168.0.0/16", "-", "ALLOW", "2");

    @Test
    void firesWhenCtrlIsReachableFromTheLan(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-012.tlsOn"), keys(check(rule, dir, "", "ctrl.ipmap.tab", LAN_ONLY)));
    }

    @Test
    void saysSoWhenCtrlTlsIsOff(@TempDir Path dir) {
        assertEquals(
                List.of("msg.SEC-012.tlsOff"),
                keys(check(rule, dir, tab("EnableCTRL-TLS", "0"), "ctrl.ipmap.tab", LAN_ONLY)));
    }

    @Test
    void staysQuietWhenOnlyTheServerItselfMayConnect(@TempDir Path dir) {
        assertEquals(
                List.of(),
                check(
                        rule,
                        dir,
                        "",
                        "ctrl.ipmap.tab",
                        tab("0.0.0.0", "0.0.0.0", "DENY", "1") + tab("127.0.0.1", "255.255.255.255", "ALLOW", "2")));
    }
}
