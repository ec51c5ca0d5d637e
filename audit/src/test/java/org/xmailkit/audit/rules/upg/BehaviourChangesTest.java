package org.xmailkit.audit.rules.upg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;
import static org.xmailkit.audit.testing.RuleCheck.upgrading;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;

/** UPG-008 (postmaster rewriting), UPG-009 (RemoveSpoolErrors), UPG-010 (reverse-DNS check). */
class BehaviourChangesTest {

    @TempDir
    Path dir;

    @Test
    void postmasterRewriteIsNewIn127() {
        Finding f = single(
                upgrading(new PostMasterRcpt(), root(dir, "\"PostMaster\"\t\"admin@example.com\"\n"), "1.26"),
                "msg.UPG-008.postmaster");
        assertEquals("admin@example.com", f.message().args().get(0));
        assertEquals(
                List.of(),
                upgrading(
                        new PostMasterRcpt(),
                        root(dir.resolve("b"), "\"PostMaster\"\t\"admin@example.com\"\n"),
                        "1.27"));
        assertEquals(
                List.of(), upgrading(new PostMasterRcpt(), root(dir.resolve("c"), "\"RootDomain\"\t\"x\"\n"), "1.26"));
    }

    @Test
    void removeSpoolErrorsMeaningChangedIn120() {
        single(
                upgrading(new RemoveSpoolErrorsMeaning(), root(dir, "\"RemoveSpoolErrors\"\t\"1\"\n"), "1.14"),
                "msg.UPG-009.removeSpoolErrors");
        assertEquals(
                List.of(),
                upgrading(
                        new RemoveSpoolErrorsMeaning(),
                        root(dir.resolve("b"), "\"RemoveSpoolErrors\"\t\"1\"\n"),
                        "1.20"));
        assertEquals(
                List.of(),
                upgrading(
                        new RemoveSpoolErrorsMeaning(),
                        root(dir.resolve("c"), "\"RemoveSpoolErrors\"\t\"0\"\n"),
                        "1.14"));
    }

    @Test
    void rdnsCheckMeaningChangedIn071() {
        Finding refuse = single(
                upgrading(new RdnsCheckMeaning(), root(dir, "\"SMTP-RDNSCheck\"\t\"1\"\n"), "0.70"),
                "msg.UPG-010.refuse");
        assertEquals("SMTP-RDNSCheck", refuse.location().variable());
        Finding delay = single(
                upgrading(new RdnsCheckMeaning(), root(dir.resolve("b"), "\"SMTP-RARPCheck\"\t\"-20\"\n"), "0.54"),
                "msg.UPG-010.delay");
        assertEquals("20", delay.message().args().get(3));
        assertEquals(
                List.of(),
                upgrading(new RdnsCheckMeaning(), root(dir.resolve("c"), "\"SMTP-RDNSCheck\"\t\"1\"\n"), "0.71"));
    }
}
