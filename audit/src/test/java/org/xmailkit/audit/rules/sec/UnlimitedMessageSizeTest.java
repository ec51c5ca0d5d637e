package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnlimitedMessageSizeTest {

    private final UnlimitedMessageSize rule = new UnlimitedMessageSize();

    @Test
    void firesOnTheRiskyValue(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-024.set"), keys(check(rule, dir, tab("MaxMessageSize", "0"))));
    }

    @Test
    void staysQuietOnTheSaferValue(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, tab("MaxMessageSize", "20480")));
    }

    @Test
    void firesWhenAbsentBecauseTheDefaultIsUnlimited(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-024.default"), keys(check(rule, dir, "")));
    }
}
