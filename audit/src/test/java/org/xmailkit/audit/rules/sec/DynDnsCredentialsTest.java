package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;

class DynDnsCredentialsTest {

    private final DynDnsCredentials rule = new DynDnsCredentials();

    @Test
    void firesWithoutShowingTheValue(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                tab("RootDomain", "example.com")
                        + tab("DynDnsSetup", "members.dyndns.example,80,/nic/update?ip=%s,dnsuser,Hunter2secret"));
        assertEquals(List.of("msg.SEC-029.present"), keys(f));
        assertEquals(
                List.of("\"DynDnsSetup\"<TAB>\"members.dyndns.example,********\""),
                f.get(0).evidence(),
                "every field but the provider's host is masked");
        for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            assertFalse(f.get(0).message(l).contains("Hunter2secret"));
            assertFalse(f.get(0).message(l).contains("dnsuser"));
        }
    }

    @Test
    void staysQuietWithoutIt(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, tab("RootDomain", "example.com")));
    }
}
