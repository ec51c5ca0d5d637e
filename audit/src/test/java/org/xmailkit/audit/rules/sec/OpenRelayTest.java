package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmailkit.audit.rules.sec.SecCheck.keys;
import static org.xmailkit.audit.rules.sec.SecCheck.lines;
import static org.xmailkit.audit.rules.sec.SecCheck.run;
import static org.xmailkit.audit.rules.sec.SecCheck.tab;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;

class OpenRelayTest {

    private final OpenRelay rule = new OpenRelay();

    @Test
    void firesOnEntriesThatMatchEveryClient(@TempDir Path dir) {
        List<Finding> f = run(rule, dir, "", "smtprelay.tab",
                tab("192.168.0.0", "255.255.0.0") + tab("0.0.0.0", "0.0.0.0") + tab("0.0.0.0/0") + tab("::/0"));
        assertEquals(List.of(2, 3, 4), lines(f));
        assertEquals(List.of("msg.SEC-001.everyone", "msg.SEC-001.everyone", "msg.SEC-001.everyone"), keys(f));
    }

    @Test
    void firesOnMalformedMasksThatXMailReadsAsZeroBits(@TempDir Path dir) {
        List<Finding> f = run(rule, dir, "", "smtprelay.tab",
                tab("10.0.0.0/") + tab("10.0.0.0/abc") + tab("10.0.0.0/-8") + tab("10.0.0.0", "0"));
        assertEquals(List.of(1, 2, 3, 4), lines(f));
        assertTrue(keys(f).stream().allMatch("msg.SEC-001.malformed"::equals));
        assertTrue(f.get(0).message(Locale.ENGLISH).contains("10.0.0.0/0"), f.get(0).message(Locale.ENGLISH));
    }

    @Test
    void firesOnAnIpv6RangeThatMatchesEveryIpv6Client(@TempDir Path dir) {
        List<Finding> f = run(rule, dir, "", "smtprelay.tab", tab("2001:db8::/0"));
        assertEquals(List.of("msg.SEC-001.everyoneIpv6"), keys(f));
    }

    @Test
    void saysWhenSmtpIpMapLimitsWhoReachesTheRelay(@TempDir Path dir) {
        List<Finding> f = run(rule, dir, "", "smtprelay.tab", tab("0.0.0.0/0"),
                "smtp.ipmap.tab", tab("0.0.0.0", "0.0.0.0", "DENY", "1") + tab("192.168.0.0/16", "-", "ALLOW", "2"));
        assertEquals(List.of("msg.SEC-001.everyone.limited"), keys(f));
    }

    @Test
    void firesOnCatchAllAndTopLevelCustomDomainFiles(@TempDir Path dir) {
        List<Finding> f = run(rule, dir, "", "smtprelay.tab", "", "custdomains/.tab", "", "custdomains/.com.tab", "",
                "custdomains/example.org.tab", "", "custdomains/.example.org.tab", "");
        assertEquals(List.of("msg.SEC-001.customTld", "msg.SEC-001.customAll"), keys(f));
        assertTrue(f.get(0).message(Locale.ENGLISH).contains(".com"));
    }

    @Test
    void staysQuietOnTheShippedPrivateRanges(@TempDir Path dir) {
        List<Finding> f = run(rule, dir, "", "smtprelay.tab",
                tab("10.0.0.0/8") + tab("172.16.0.0", "255.255.0.0") + tab("192.168.0.0/16") + "#\"0.0.0.0/0\"\n");
        assertEquals(List.of(), f);
    }

    @Test
    void staysQuietWithoutSmtpRelayTab(@TempDir Path dir) {
        assertEquals(List.of(), run(rule, dir, ""));
    }
}
