package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;

class PopBeforeSmtpTest {

    private final PopBeforeSmtp rule = new PopBeforeSmtp();

    @Test
    void firesWhenAbsentBecauseTheDefaultIsOn(@TempDir Path dir) {
        List<Finding> f = check(rule, dir, tab("RootDomain", "example.com"));
        assertEquals(List.of("msg.SEC-004.default"), keys(f));
        assertEquals(0, f.get(0).location().line());
        assertEquals("EnableAuthSMTP-POP3", f.get(0).location().variable());
        assertTrue(f.get(0).message(Locale.ENGLISH).contains("MRVZ"));
    }

    @Test
    void firesWhenSetToOne(@TempDir Path dir) {
        List<Finding> f = check(rule, dir, tab("RootDomain", "example.com") + tab("EnableAuthSMTP-POP3", "1"));
        assertEquals(List.of("msg.SEC-004.set"), keys(f));
        assertEquals(2, f.get(0).location().line());
        assertEquals(List.of("\"EnableAuthSMTP-POP3\"<TAB>\"1\""), f.get(0).evidence());
    }

    @Test
    void staysQuietWhenOffIncludingTheEmptyValue(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir.resolve("a"), tab("EnableAuthSMTP-POP3", "0")));
        assertEquals(List.of(), check(rule, dir.resolve("b"), tab("EnableAuthSMTP-POP3", "")));
    }
}
