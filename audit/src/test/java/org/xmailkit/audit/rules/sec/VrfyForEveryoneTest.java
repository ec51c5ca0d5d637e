package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.lines;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;

class VrfyForEveryoneTest {

    private final VrfyForEveryone rule = new VrfyForEveryone();

    @Test
    void firesOnAllowSmtpVrfy(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-005.flag"), keys(check(rule, dir, tab("AllowSmtpVRFY", "1"))));
    }

    @Test
    void firesOnIppropGrantsToEveryoneOrAHugeRange(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                "",
                "smtp.ipprop.tab",
                tab("0.0.0.0/0", "EnableVRFY")
                        + tab("0.0.0.0/2", "EnableVRFY=1")
                        + tab("192.0.2.1/32", "EnableVRFY")
                        + tab("0.0.0.0/0", "EnableVRFY=0")
                        + tab("0.0.0.0/0", "enablevrfy"));
        assertEquals(List.of("msg.SEC-005.ippropEveryone", "msg.SEC-005.ippropBroad"), keys(f));
        assertEquals(List.of(1, 2), lines(f));
    }

    @Test
    void staysQuietByDefault(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, tab("AllowSmtpVRFY", "0")));
    }
}
