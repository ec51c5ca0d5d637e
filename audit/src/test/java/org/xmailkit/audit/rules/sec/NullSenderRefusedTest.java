package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NullSenderRefusedTest {

    private final NullSenderRefused rule = new NullSenderRefused();

    @Test
    void firesOnZeroAndOnTheEmptyValue(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-028.off"), keys(check(rule, dir.resolve("a"), tab("AllowNullSender", "0"))));
        assertEquals(List.of("msg.SEC-028.empty"), keys(check(rule, dir.resolve("b"), tab("AllowNullSender", ""))));
    }

    @Test
    void staysQuietWhenOnOrAbsent(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir.resolve("a"), tab("AllowNullSender", "1")));
        assertEquals(List.of(), check(rule, dir.resolve("b"), ""));
    }
}
