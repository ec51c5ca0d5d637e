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

class UndecodablePasswordTest {

    private final UndecodablePassword rule = new UndecodablePassword();

    @Test
    void firesOnCtrlPasswordsThatDecodeToNothingOrLess(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                "",
                "ctrlaccounts.tab",
                tab("odd", "123") + tab("nothex", "zz41") + tab("partial", "0401zz") + tab("nul", "04076506"));
        assertEquals(
                List.of("msg.SEC-016.ctrlEmpty", "msg.SEC-016.ctrlEmpty", "msg.SEC-016.ctrlPrefix", "msg.SEC-016.nul"),
                keys(f));
        assertEquals("2", f.get(2).message().args().get(2));
    }

    @Test
    void firesOnMailUserPasswordsCutByANulPair(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                "",
                "mailusers.tab",
                "\"example.com\"\t\"a\"\t\"650401\"\t1\t\"a\"\t\"U\"\n"
                        + "\"example.com\"\t\"b\"\t\"0465\"\t2\t\"b\"\t\"U\"\n");
        assertEquals(List.of("msg.SEC-016.mailEmpty", "msg.SEC-016.nul"), keys(f));
    }

    @Test
    void staysQuietOnCleanlyEncodedPasswords(@TempDir Path dir) {
        assertEquals(
                List.of(),
                check(
                        rule,
                        dir,
                        "",
                        "ctrlaccounts.tab",
                        tab("admin", XMailPassword.encode("S3cret!x")),
                        "mailusers.tab",
                        "\"example.com\"\t\"a\"\t\"" + XMailPassword.encode("S3cret!x") + "\"\t1\t\"a\"\t\"U\"\n"));
    }
}
