package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.findings;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;

class SmartDnsHostBrokenTest {

    private final SmartDnsHostBroken rule = new SmartDnsHostBroken();

    @TempDir
    Path dir;

    @Test
    void pairsAndAbsencePass() {
        assertEquals(List.of(), findings(rule, root(dir, "\"SmartDNSHost\"\t\"192.0.2.53:udp,dns.example:tcp\"\n")));
        assertEquals(List.of(), findings(rule, root(dir.resolve("b"), "\"RootDomain\"\t\"example.com\"\n")));
    }

    @Test
    void emptyValueBreaksEveryLookup() {
        single(findings(rule, root(dir, "\"SmartDNSHost\"\t\"\"\n")), "msg.CFG-014.empty");
    }

    @Test
    void singleHostWithoutProtocolBreaksEveryLookup() {
        Finding f = single(findings(rule, root(dir, "\"SmartDNSHost\"\t\"192.0.2.53\"\n")), "msg.CFG-014.single");
        assertEquals(
                "\"SmartDNSHost\"<TAB>\"192.0.2.53:udp\"", f.message().args().get(1));
    }

    @Test
    void separatorsAloneAreEmptyToo() {
        single(findings(rule, root(dir, "\"SmartDNSHost\"\t\",:\"\n")), "msg.CFG-014.empty");
    }
}
