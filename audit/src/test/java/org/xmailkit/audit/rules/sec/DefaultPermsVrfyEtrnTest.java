package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;

class DefaultPermsVrfyEtrnTest {

    private final DefaultPermsVrfyEtrn rule = new DefaultPermsVrfyEtrn();

    @Test
    void firesOnThe127DefaultWhichHasV(@TempDir Path dir) {
        List<Finding> f = check(rule, dir, "");
        assertEquals(List.of("msg.SEC-007.default"), keys(f));
        assertTrue(
                f.get(0).message(Locale.ENGLISH).endsWith("gets V."), f.get(0).message(Locale.ENGLISH));
    }

    @Test
    void firesOnAnExplicitT(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-007.set"), keys(check(rule, dir, tab("DefaultSmtpPerms", "MRT"))));
    }

    @Test
    void staysQuietWithoutVOrTAndIgnoresLowerCase(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir, tab("DefaultSmtpPerms", "MRvt")));
    }
}
