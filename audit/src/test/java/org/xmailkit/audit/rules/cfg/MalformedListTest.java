package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.rules.RuleTesting.root;
import static org.xmailkit.audit.rules.RuleTesting.run;
import static org.xmailkit.audit.rules.RuleTesting.single;

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
        assertEquals(List.of(), run(rule, root(dir, """
                "CustMapsList"\t"zen.spamhaus.org:1,bl.example:0,slow.example:-30"
                "SmartDNSHost"\t"192.0.2.53:udp,dns.example:TCP"
                "NotifyTryPattern"\t"1,4,9"
                "FetchHdrTags"\t"+X-Deliver-To,+Received,To,Cc"
                """)));
    }

    @Test
    void custMapsListProblems() {
        List<Finding> f = run(rule, root(dir,
                "\"CustMapsList\"\t\"zen.spamhaus.org:1x,bl.example:2, sp.example:1,broken,later:1\"\n"));
        assertEquals("1", single(f, "cfg.list.custMapsCode").message().args().get(2));
        assertEquals("2", single(f, "cfg.list.custMapsDelay").message().args().get(1));
        assertEquals(" sp.example", single(f, "cfg.list.space").message().args().get(1));
        assertEquals("broken,later:1", single(f, "cfg.list.custMapsStop").message().args().get(0));
    }

    @Test
    void custMapsListWithoutZone() {
        single(run(rule, root(dir, "\"CustMapsList\"\t\":1\"\n")), "cfg.list.custMapsZone");
    }

    @Test
    void smartDnsHostPairs() {
        List<Finding> f = run(rule, root(dir, "\"SmartDNSHost\"\t\"192.0.2.53:dns,192.0.2.54\"\n"));
        single(f, "cfg.list.smartDnsProto");
        assertEquals("192.0.2.54", single(f, "cfg.list.smartDnsOdd").message().args().get(0));
    }

    @Test
    void smartDnsHostIpv6() {
        single(run(rule, root(dir, "\"SmartDNSHost\"\t\"2001:db8::53:udp\"\n")), "cfg.list.smartDnsIpv6");
    }

    @Test
    void notifyTryPatternItemsXMailSkips() {
        List<Finding> f = run(rule, root(dir, "\"NotifyTryPattern\"\t\"1, 4,x9\"\n"));
        assertEquals(2, f.size());
    }

    @Test
    void fetchHdrTagsPlusAfterPlain() {
        Finding f = single(run(rule, root(dir, "\"FetchHdrTags\"\t\"To,+X-Deliver-To\"\n")), "cfg.list.fetchOrder");
        assertEquals(List.of("+X-Deliver-To", "To"), f.message().args());
    }

    @Test
    void notifyTryPatternLongerThanTheBuffer() {
        Finding f = single(run(rule, root(dir, "\"NotifyTryPattern\"\t\"" + "1,".repeat(70) + "\"\n")),
                "cfg.list.truncated");
        assertEquals("125", f.message().args().get(2));
    }
}
