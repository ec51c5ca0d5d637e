package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoDnsblTest {

    private final NoDnsbl rule = new NoDnsbl();

    @Test
    void firesWhenAbsentOrEmpty(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-025.absent"), keys(check(rule, dir.resolve("a"), "")));
        assertEquals(List.of("msg.SEC-025.empty"), keys(check(rule, dir.resolve("b"), tab("CustMapsList", ""))));
        assertEquals(
                List.of("msg.SEC-025.empty"),
                keys(check(rule, dir.resolve("c"), tab("CustMapsList", "bl.example.net"))));
    }

    @Test
    void staysQuietWithAZone(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, tab("CustMapsList", "bl.example.net:1")));
    }
}
