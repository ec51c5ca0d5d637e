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

class CtrlOpenToAnyoneTest {

    private final CtrlOpenToAnyone rule = new CtrlOpenToAnyone();

    @Test
    void firesOnTheShippedAllowAllLine(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                "",
                "ctrl.ipmap.tab",
                "\"0.0.0.0\"\t\"0.0.0.0\"\t\"ALLOW\"\t1\n",
                "ctrlaccounts.tab",
                tab("admin", "04010c0b"));
        assertEquals(List.of("msg.SEC-011.allowAll"), keys(f));
        assertEquals(1, f.get(0).location().line());
        assertTrue(
                f.get(0).message(Locale.ENGLISH).contains("holds 1 CTRL account"),
                f.get(0).message(Locale.ENGLISH));
    }

    @Test
    void firesWhenTheFileIsMissing(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-011.missing"), keys(check(rule, dir, "")));
    }

    @Test
    void firesWhenOnlyAFewRangesAreDenied(@TempDir Path dir) {
        assertEquals(
                List.of("msg.SEC-011.noDeny"),
                keys(check(rule, dir, "", "ctrl.ipmap.tab", tab("7.7.7.0", "255.255.255.0", "DENY", "1"))));
    }

    @Test
    void staysQuietWhenOnlyLocalhostIsAllowed(@TempDir Path dir) {
        assertEquals(
                List.of(),
                check(
                        rule,
                        dir,
                        "",
                        "ctrl.ipmap.tab",
                        tab("0.0.0.0", "0.0.0.0", "DENY", "1") + tab("127.0.0.1", "255.255.255.255", "ALLOW", "2")));
    }
}
