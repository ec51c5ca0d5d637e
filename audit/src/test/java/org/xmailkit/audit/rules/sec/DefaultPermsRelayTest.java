package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.rules.sec.SecCheck.keys;
import static org.xmailkit.audit.rules.sec.SecCheck.run;
import static org.xmailkit.audit.rules.sec.SecCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultPermsRelayTest {

    private final DefaultPermsRelay rule = new DefaultPermsRelay();

    @Test
    void firesWhenDefaultPermsIncludeR(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-010.default"), keys(run(rule, dir.resolve("a"), "")));
        assertEquals(List.of("msg.SEC-010.set"), keys(run(rule, dir.resolve("b"), tab("DefaultSmtpPerms", "MR"))));
    }

    @Test
    void staysQuietWithoutR(@TempDir Path dir) {
        assertEquals(List.of(), run(rule, dir.resolve("a"), tab("DefaultSmtpPerms", "M")));
        assertEquals(List.of(), run(rule, dir.resolve("b"), tab("DefaultSmtpPerms", "")));
    }
}
