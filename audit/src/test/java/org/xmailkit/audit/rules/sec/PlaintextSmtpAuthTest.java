package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;

class PlaintextSmtpAuthTest {

    private final PlaintextSmtpAuth rule = new PlaintextSmtpAuth();

    @Test
    void firesForEveryAccountAndSaysWhichCanRelay(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                "",
                "smtpauth.tab",
                tab("scanner", "Tq8%fN3@pL0x", "M") + tab("gateway", "Zr5&kV1!mQ9w", "MR"));
        assertEquals(List.of("msg.SEC-017.plain", "msg.SEC-017.relay"), keys(f));
        assertEquals(
                List.of("\"gateway\"<TAB>\"********\"<TAB>\"MR\""), f.get(1).evidence());
    }

    @Test
    void staysQuietWhenSmtpAuthTabHasNoAccount(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, "", "smtpauth.tab", "# no accounts\n"));
    }
}
