package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReceivedServerAddressTest {

    private final ReceivedServerAddress rule = new ReceivedServerAddress();

    @ParameterizedTest
    @ValueSource(strings = {"1", "4"})
    void firesOnTheTypesThatShowTheServerAddress(String type, @TempDir Path dir) {
        assertEquals(List.of("msg.SEC-021.set"), keys(check(rule, dir, tab("ReceivedHdrType", type))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "2", "3", ""})
    void staysQuietOnTheOtherTypes(String type, @TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, tab("ReceivedHdrType", type)));
    }

    @Test
    void staysQuietWhenAbsent(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, ""));
    }
}
