package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.testing.RuleCheck;

class OpenRelayTest {

    private final OpenRelay rule = new OpenRelay();

    @Test
    void firesOnEntriesThatMatchEveryClient(@TempDir Path dir) {
        RuleCheck.of(rule).file("smtprelay.tab", """
                "192.168.0.0"\t"255.255.0.0"
                # FINDING: everyone
                "0.0.0.0"\t"0.0.0.0"
                # FINDING: everyone
                "0.0.0.0/0"
                # FINDING: everyone
                "::/0"
                """).expectMarkers(dir);
    }

    @Test
    void firesOnMalformedMasksThatXMailReadsAsZeroBits(@TempDir Path dir) {
        RuleCheck.of(rule).file("smtprelay.tab", """
                # FINDING: malformed 10.0.0.0/0
                "10.0.0.0/"
                # FINDING: malformed
                "10.0.0.0/abc"
                # FINDING: malformed
                "10.0.0.0/-8"
                # FINDING: malformed
                "10.0.0.0"\t"0"
                """).expectMarkers(dir);
    }

    @Test
    void firesOnAnIpv6RangeThatMatchesEveryIpv6Client(@TempDir Path dir) {
        RuleCheck.of(rule).file("smtprelay.tab", """
                # FINDING: everyoneIpv6
                "2001:db8::/0"
                """).expectMarkers(dir);
    }

    @Test
    void saysWhenSmtpIpMapLimitsWhoReachesTheRelay(@TempDir Path dir) {
        RuleCheck.of(rule)
                .file("smtprelay.tab", """
                # FINDING: everyone.limited
                "0.0.0.0/0"
                """)
                .file("smtp.ipmap.tab", """
                "0.0.0.0"\t"0.0.0.0"\t"DENY"\t"1"
                "192.168.0.0/16"\t"-"\t"ALLOW"\t"2"
                """)
                .expectMarkers(dir);
    }

    @Test
    void firesOnCatchAllAndTopLevelCustomDomainFiles(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                "",
                "smtprelay.tab",
                "",
                "custdomains/.tab",
                "",
                "custdomains/.com.tab",
                "",
                "custdomains/example.org.tab",
                "",
                "custdomains/.example.org.tab",
                "");
        assertEquals(List.of("msg.SEC-001.customTld", "msg.SEC-001.customAll"), keys(f));
        assertTrue(f.get(0).message(Locale.ENGLISH).contains(".com"));
    }

    @Test
    void staysQuietOnTheShippedPrivateRanges(@TempDir Path dir) {
        RuleCheck.of(rule).file("smtprelay.tab", """
                "10.0.0.0/8"
                "172.16.0.0"\t"255.255.0.0"
                "192.168.0.0/16"
                #"0.0.0.0/0"
                """).expectMarkers(dir);
    }

    @Test
    void staysQuietWithoutSmtpRelayTab(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, ""));
    }
}
