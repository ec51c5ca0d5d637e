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
import org.xmailkit.model.XMailPassword;

class CommentedCtrlAccountTest {

    private final CommentedCtrlAccount rule = new CommentedCtrlAccount();

    @Test
    void firesOnAHashPrefixedLineAndNamesTheUserXMailSees(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                "",
                "ctrlaccounts.tab",
                tab("admin", XMailPassword.encode("Adm1n-Long-Pass")) + "#"
                        + tab("olduser", XMailPassword.encode("Old-Long-Pass-1")));
        assertEquals(List.of("msg.SEC-015.active"), keys(f));
        assertEquals(List.of("2", "#\"olduser\""), f.get(0).message().args());
        assertEquals(List.of("#\"olduser\"<TAB>\"********\""), f.get(0).evidence());
    }

    @Test
    void staysQuietOnOrdinaryLines(@TempDir Path dir) {
        assertEquals(
                List.of(), check(rule, dir, "", "ctrlaccounts.tab", tab("admin", XMailPassword.encode("Adm1n-Pass"))));
    }
}
