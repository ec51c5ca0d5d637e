package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthUserHeaderTest {

    private final AuthUserHeader rule = new AuthUserHeader();

    @Test
    void firesOnTheRiskyValue(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-020.set"), keys(check(rule, dir, tab("DisableEmitAuthUser", "0"))));
    }

    @Test
    void staysQuietOnTheSaferValue(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, tab("DisableEmitAuthUser", "1")));
    }

    @Test
    void firesWhenAbsentBecauseXMailEmitsTheHeaderByDefault(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-020.default"), keys(check(rule, dir, "")));
    }
}
