package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtrnForEveryoneTest {

    private final EtrnForEveryone rule = new EtrnForEveryone();

    @Test
    void firesOnAllowSmtpEtrnAndOnAnIppropGrantToEveryone(@TempDir Path dir) {
        assertEquals(
                List.of("msg.SEC-006.flag", "msg.SEC-006.ippropEveryone"),
                keys(check(rule, dir, tab("AllowSmtpETRN", "1"), "smtp.ipprop.tab", tab("::/0", "EnableETRN"))));
    }

    @Test
    void staysQuietWhenAbsentAndForNarrowGrants(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, "", "smtp.ipprop.tab", tab("192.0.2.0/24", "EnableETRN")));
    }
}
