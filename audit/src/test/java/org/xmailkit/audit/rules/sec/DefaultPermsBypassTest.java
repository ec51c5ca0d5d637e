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

class DefaultPermsBypassTest {

    private final DefaultPermsBypass rule = new DefaultPermsBypass();

    @Test
    void firesOnTheAbsent127DefaultMrvz(@TempDir Path dir) {
        List<Finding> f = check(rule, dir, "");
        assertEquals(List.of("msg.SEC-009.default"), keys(f));
        assertTrue(f.get(0).message(Locale.ENGLISH).contains("\"MRVZ\""));
    }

    @Test
    void firesOnAnExplicitS(@TempDir Path dir) {
        List<Finding> f = check(rule, dir, tab("DefaultSmtpPerms", "MRS"));
        assertEquals(List.of("msg.SEC-009.set"), keys(f));
        assertTrue(f.get(0).message(Locale.ENGLISH).endsWith("gets S."));
    }

    @Test
    void staysQuietOnMr(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, tab("DefaultSmtpPerms", "MR")));
    }
}
