package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerOpenToAnyoneTest {

    private final FingerOpenToAnyone rule = new FingerOpenToAnyone();

    @Test
    void firesOnTheShippedDefaultAndOnAMissingFile(@TempDir Path dir) {
        assertEquals(
                List.of("msg.SEC-036.allowAll"),
                keys(check(
                        rule, dir.resolve("a"), "", "finger.ipmap.tab", "\"0.0.0.0\"\t\"0.0.0.0\"\t\"ALLOW\"\t1\n")));
        assertEquals(List.of("msg.SEC-036.missing"), keys(check(rule, dir.resolve("b"), "")));
    }

    @Test
    void staysQuietWhenFingerDeniesEveryone(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, "", "finger.ipmap.tab", tab("0.0.0.0", "0.0.0.0", "DENY", "1")));
    }
}
