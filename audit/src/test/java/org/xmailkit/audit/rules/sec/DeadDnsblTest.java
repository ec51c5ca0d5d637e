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

class DeadDnsblTest {

    private final DeadDnsbl rule = new DeadDnsbl();

    @Test
    void firesOnTheZonesXMailItselfOnceDocumented(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                tab(
                        "CustMapsList",
                        "blackholes.mail-abuse.org.:1,bl.example.net:1,Dialups.Mail-Abuse.org:0,relays.orbs.org:1,"
                                + "rbl.maps.vix.com:1,relays.mail-abuse.org:1"));
        assertEquals(
                List.of(
                        "msg.SEC-026.dead",
                        "msg.SEC-026.dead",
                        "msg.SEC-026.dead",
                        "msg.SEC-026.dead",
                        "msg.SEC-026.dead"),
                keys(f));
        assertEquals(
                List.of("1", "blackholes.mail-abuse.org.", "MAPS RBL", "bl.example.net:1"),
                f.get(0).message().args());
        assertEquals("ORBS", f.get(2).message().args().get(2));
    }

    @Test
    void saysOnlyWhatIsKnownAboutOtherZonesOfTheSameOperator(@TempDir Path dir) {
        List<Finding> f = check(rule, dir, tab("CustMapsList", "nonconfirm.mail-abuse.org:1"));
        assertEquals(List.of("msg.SEC-026.unknown"), keys(f));
        assertEquals("", f.get(0).message().args().get(3));
    }

    @Test
    void staysQuietOnOtherZones(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, tab("CustMapsList", "bl.example.net:1,mail-abuse.org.example.com:1")));
    }
}
