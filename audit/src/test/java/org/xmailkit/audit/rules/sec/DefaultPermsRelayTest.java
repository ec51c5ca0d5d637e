package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultPermsRelayTest {

    private final DefaultPermsRelay rule = new DefaultPermsRelay();

    @Test
    void firesWhenDefaultPermsIncludeR(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-010.default"), keys(check(rule, dir.resolve("a"), "")));
        assertEquals(List.of("msg.SEC-010.set"), keys(check(rule, dir.resolve("b"), tab("DefaultSmtpPerms", "MR"))));
    }

    @Test
    void staysQuietWithoutR(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir.resolve("a"), tab("DefaultSmtpPerms", "M")));
        assertEquals(List.of(), check(rule, dir.resolve("b"), tab("DefaultSmtpPerms", "")));
    }
}
