package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.rules.sec.SecCheck.keys;
import static org.xmailkit.audit.rules.sec.SecCheck.run;
import static org.xmailkit.audit.rules.sec.SecCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtrlCleartextLoginsTest {

    private final CtrlCleartextLogins rule = new CtrlCleartextLogins();

    private static final String LAN_ONLY = tab("0.0.0.0", "0.0.0.0", "DENY", "1") + tab("192.168.0.0/16", "-", "ALLOW", "2");

    @Test
    void firesWhenCtrlIsReachableFromTheLan(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-012.tlsOn"), keys(run(rule, dir, "", "ctrl.ipmap.tab", LAN_ONLY)));
    }

    @Test
    void saysSoWhenCtrlTlsIsOff(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-012.tlsOff"),
                keys(run(rule, dir, tab("EnableCTRL-TLS", "0"), "ctrl.ipmap.tab", LAN_ONLY)));
    }

    @Test
    void staysQuietWhenOnlyTheServerItselfMayConnect(@TempDir Path dir) {
        assertEquals(List.of(), run(rule, dir, "", "ctrl.ipmap.tab",
                tab("0.0.0.0", "0.0.0.0", "DENY", "1") + tab("127.0.0.1", "255.255.255.255", "ALLOW", "2")));
    }
}
