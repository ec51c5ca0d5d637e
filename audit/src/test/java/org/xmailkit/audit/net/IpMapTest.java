package org.xmailkit.audit.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabFile;

class IpMapTest {

    private static IpMap map(String text) {
        return IpMap.of(Optional.of(TabFile.parse(
                MailRootFile.CTRL_IPMAP, Path.of("ctrl.ipmap.tab"), text.getBytes(StandardCharsets.UTF_8))));
    }

    private static final IpAddress OUTSIDER = IpAddress.of("203.0.113.9");
    private static final IpAddress LOCAL = IpAddress.of("127.0.0.1");

    @Test
    void missingFileAllowsEveryone() {
        IpMap m = IpMap.of(Optional.empty());
        assertFalse(m.exists());
        assertTrue(m.decide(OUTSIDER).allowed());
    }

    @Test
    void shippedDefaultAllowsEveryone() {
        IpMap m = map("\"0.0.0.0\"\t\"0.0.0.0\"\t\"ALLOW\"\t1\n");
        IpMap.Decision d = m.decide(OUTSIDER);
        assertTrue(d.allowed());
        assertEquals(1, d.decidedBy().orElseThrow().line());
        assertTrue(Probes.admitsInternet(m));
    }

    @Test
    void highestPrecedenceWinsAndTheLaterLineWinsATie() {
        IpMap m = map("""
                "0.0.0.0"\t"0.0.0.0"\t"DENY"\t"1"
                "127.0.0.1"\t"255.255.255.255"\t"ALLOW"\t"2"
                "127.0.0.1"\t"255.255.255.255"\t"DENY"\t"2"
                "127.0.0.1"\t"255.255.255.255"\t"ALLOW"\t"0"
                """);
        assertFalse(m.decide(OUTSIDER).allowed());
        IpMap.Decision local = m.decide(LOCAL);
        assertFalse(local.allowed());
        assertEquals(3, local.decidedBy().orElseThrow().line());
    }

    @Test
    void precedenceBelowMinusOneNeverApplies() {
        IpMap m = map("\"0.0.0.0/0\"\t\"-\"\t\"DENY\"\t\"-2\"\n");
        assertTrue(m.decide(OUTSIDER).allowed());
    }

    @Test
    void anyWordButAllowDenies() {
        IpMap m = map("\"0.0.0.0/0\"\t\"-\"\t\"ALLOWED\"\t\"1\"\n\"127.0.0.1/32\"\t\"-\"\t\"allow\"\t\"2\"\n");
        assertFalse(m.decide(OUTSIDER).allowed());
        assertTrue(m.decide(LOCAL).allowed());
    }

    @Test
    void threeColumnCidrLineIsNotARule() {
        IpMap m = map("\"0.0.0.0/0\"\t\"DENY\"\t\"1\"\n");
        assertTrue(m.rules().isEmpty());
        assertTrue(m.decide(OUTSIDER).allowed());
    }

    @Test
    void ipv4DenyAllLeavesNativeIpv6ClientsAllowed() {
        IpMap m = map("\"0.0.0.0\"\t\"0.0.0.0\"\t\"DENY\"\t\"1\"\n");
        assertFalse(Probes.admitsInternet(m));
        assertTrue(Probes.admitsIpv6(m));
        assertFalse(m.decide(IpAddress.of("::ffff:203.0.113.9")).allowed());
    }
}
