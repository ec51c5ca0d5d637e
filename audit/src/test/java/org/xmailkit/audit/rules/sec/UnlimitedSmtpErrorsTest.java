package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnlimitedSmtpErrorsTest {

    private final UnlimitedSmtpErrors rule = new UnlimitedSmtpErrors();

    @Test
    void firesOnTheRiskyValue(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-023.set"), keys(check(rule, dir, tab("SMTP-MaxErrors", "0"))));
    }

    @Test
    void staysQuietOnTheSaferValue(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, tab("SMTP-MaxErrors", "20")));
    }

    @Test
    void firesWhenAbsentBecauseTheDefaultIsUnlimited(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-023.default"), keys(check(rule, dir, "")));
    }
}
