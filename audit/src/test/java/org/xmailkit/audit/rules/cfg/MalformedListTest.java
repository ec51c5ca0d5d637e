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

class MalformedListTest {

    private final MalformedList rule = new MalformedList();

    @TempDir
    Path dir;

    @Test
    void wellFormedListsPass() {
        assertEquals(List.of(), findings(rule, root(dir, """
                "CustMapsList"\t"zen.spamhaus.org:1,bl.example:0,slow.example:-30"
                "SmartDNSHost"\t"192.0.2.53:udp,dns.example:TCP"
                "NotifyTryPattern"\t"1,4,9"
                "FetchHdrTags"\t"+X-Deliver-To,+Received,To,Cc"
                """)));
    }

    @Test
    void custMapsListProblems() {
        List<Finding> f = findings(
                rule,
                root(dir, "\"CustMapsList\"\t\"zen.spamhaus.org:1x,bl.example:2, sp.example:1,broken,later:1\"\n"));
        assertEquals("1", single(f, "msg.CFG-015.custMapsCode").message().args().get(2));
        assertEquals(
                "2", single(f, "msg.CFG-015.custMapsDelay").message().args().get(1));
        assertEquals(
                " sp.example", single(f, "msg.CFG-015.space").message().args().get(1));
        assertEquals(
                "broken,later:1",
                single(f, "msg.CFG-015.custMapsStop").message().args().get(0));
    }

    @Test
    void custMapsListWithoutZone() {
        single(findings(rule, root(dir, "\"CustMapsList\"\t\":1\"\n")), "msg.CFG-015.custMapsZone");
    }

    @Test
    void smartDnsHostPairs() {
        List<Finding> f = findings(rule, root(dir, "\"SmartDNSHost\"\t\"192.0.2.53:dns,192.0.2.54\"\n"));
        single(f, "msg.CFG-015.smartDnsProto");
        assertEquals(
                "192.0.2.54",
                single(f, "msg.CFG-015.smartDnsOdd").message().args().get(0));
    }

    @Test
    void smartDnsHostIpv6() {
        single(findings(rule, root(dir, "\"SmartDNSHost\"\t\"2001:db8::53:udp\"\n")), "msg.CFG-015.smartDnsIpv6");
    }

    @Test
    void notifyTryPatternItemsXMailSkips() {
        List<Finding> f = findings(rule, root(dir, "\"NotifyTryPattern\"\t\"1, 4,x9\"\n"));
        assertEquals(2, f.size());
    }

    @Test
    void fetchHdrTagsPlusAfterPlain() {
        Finding f =
                single(findings(rule, root(dir, "\"FetchHdrTags\"\t\"To,+X-Deliver-To\"\n")), "msg.CFG-015.fetchOrder");
        assertEquals(List.of("+X-Deliver-To", "To"), f.message().args());
    }

    @Test
    void notifyTryPatternLongerThanTheBuffer() {
        Finding f = single(
                findings(rule, root(dir, "\"NotifyTryPattern\"\t\"" + "1,".repeat(70) + "\"\n")),
                "msg.CFG-015.truncated");
        assertEquals("125", f.message().args().get(2));
    }
}
