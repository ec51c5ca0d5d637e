package org.xmailkit.audit.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.AuditRun;
import org.xmailkit.audit.testing.RuleCheck;
import org.xmailkit.model.MailRoot;
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
    void anAuditReadsEachMapOfItsMailRootOnce(@TempDir Path dir) {
        MailRoot root = RuleCheck.root(
                dir,
                "",
                "ctrl.ipmap.tab",
                RuleCheck.tab("0.0.0.0", "0.0.0.0", "DENY", "1") + RuleCheck.tab("10.0.0.0/8", "-", "ALLOW", "2"));
        AuditRun run = new AuditRun();
        IpMap ctrl = IpMap.of(RuleCheck.context(root, run), MailRootFile.CTRL_IPMAP);
        assertEquals(2, ctrl.rules().size());
        assertFalse(Probes.admitsInternet(ctrl));
        assertSame(ctrl, IpMap.of(RuleCheck.context(root, run), MailRootFile.CTRL_IPMAP));
        // Each map file on its own: a missing one allows everyone.
        IpMap smtp = IpMap.of(RuleCheck.context(root, run), MailRootFile.SMTP_IPMAP);
        assertFalse(smtp.exists());
        assertTrue(Probes.admitsInternet(smtp));
        // A copy with an edited map (a migration's after-state) has its own; another run reads the file again.
        MailRoot edited = root.withContent(Map.of(
                MailRootFile.CTRL_IPMAP,
                RuleCheck.tab("0.0.0.0", "0.0.0.0", "ALLOW", "1").getBytes(StandardCharsets.US_ASCII)));
        IpMap after = IpMap.of(RuleCheck.context(edited, run), MailRootFile.CTRL_IPMAP);
        assertTrue(Probes.admitsInternet(after));
        assertSame(ctrl, IpMap.of(RuleCheck.context(root, run), MailRootFile.CTRL_IPMAP));
        assertNotSame(ctrl, IpMap.of(RuleCheck.context(root, new AuditRun()), MailRootFile.CTRL_IPMAP));
    }

    @Test
    void allowsAgreesWithTheDecision() {
        IpMap m = map("\"0.0.0.0\"\t\"0.0.0.0\"\t\"DENY\"\t1\n"
                + "\"10.0.0.0/8\"\t\"-\"\t\"ALLOW\"\t1\n"
                + "\"10.1.0.0/16\"\t\"-\"\t\"DENY\"\t1\n"
                + "\"10.1.2.0/24\"\t\"-\"\t\"ALLOW\"\t0\n");
        for (String a : new String[] {"203.0.113.9", "10.9.9.9", "10.1.9.9", "10.1.2.3", "::1"}) {
            IpAddress peer = IpAddress.of(a);
            assertEquals(m.decide(peer).allowed(), m.allows(peer), a);
        }
        assertTrue(m.allows(IpAddress.of("10.9.9.9")));
        assertFalse(m.allows(IpAddress.of("10.1.2.3")));
    }

    @Test
    void allowIsTheWordInAnyCaseOfAsciiLetters() {
        assertTrue(IpMap.isAllow("ALLOW"));
        assertTrue(IpMap.isAllow("allow"));
        assertTrue(IpMap.isAllow("AlLoW"));
        assertFalse(IpMap.isAllow("ALLOWED"));
        assertFalse(IpMap.isAllow("ALLO"));
        assertFalse(IpMap.isAllow(" ALLOW"));
        assertFalse(IpMap.isAllow("DENY"));
        assertFalse(IpMap.isAllow(""));
        // Latin-1 byte text: stricmp folds ASCII letters only.
        assertFalse(IpMap.isAllow("ALLO\u00d7"));
        assertFalse(IpMap.isAllow("\u0131llow"));
    }

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
