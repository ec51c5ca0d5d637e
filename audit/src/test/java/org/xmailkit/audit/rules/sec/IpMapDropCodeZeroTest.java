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

class IpMapDropCodeZeroTest {

    private final IpMapDropCodeZero rule = new IpMapDropCodeZero();

    private static final String DENY_SOME =
            tab("0.0.0.0", "0.0.0.0", "ALLOW", "1") + tab("198.51.100.0/24", "-", "DENY", "2");

    @Test
    void firesWhenDropCodeZeroMeetsDenyRules(@TempDir Path dir) {
        List<Finding> f = check(rule, dir, tab("SMTP-IpMapDropCode", "0"), "smtp.ipmap.tab", DENY_SOME);
        assertEquals(List.of("msg.SEC-018.dropZero"), keys(f));
        assertEquals(List.of("1", "0", "1", "2"), f.get(0).message().args());
        assertEquals(2, f.get(0).evidence().size());
    }

    @Test
    void firesOnTextThatXMailReadsAsZero(@TempDir Path dir) {
        assertEquals(
                List.of("msg.SEC-018.dropZero"),
                keys(check(rule, dir, tab("SMTP-IpMapDropCode", "no"), "smtp.ipmap.tab", DENY_SOME)));
    }

    @Test
    void staysQuietWithTheDefaultDropCodeOrWithoutDenyRules(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir.resolve("a"), "", "smtp.ipmap.tab", DENY_SOME));
        assertEquals(
                List.of(), check(rule, dir.resolve("b"), tab("SMTP-IpMapDropCode", ""), "smtp.ipmap.tab", DENY_SOME));
        assertEquals(
                List.of(),
                check(
                        rule,
                        dir.resolve("c"),
                        tab("SMTP-IpMapDropCode", "0"),
                        "smtp.ipmap.tab",
                        tab("0.0.0.0", "0.0.0.0", "ALLOW", "1")));
    }
}
