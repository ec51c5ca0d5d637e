package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.RuleInfo;

class Pop3PasswordsLoggedTest {

    private final Pop3PasswordsLogged rule = new Pop3PasswordsLogged();

    @Test
    void firesOnOneAndTwo(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-008.failed"), keys(check(rule, dir.resolve("a"), tab("Pop3LogPasswd", "1"))));
        assertEquals(List.of("msg.SEC-008.always"), keys(check(rule, dir.resolve("b"), tab("Pop3LogPasswd", "2"))));
    }

    @Test
    void staysQuietOnZeroAbsentAndValuesXMailReadsAsZero(@TempDir Path dir) {
        assertEquals(List.of(), check(rule, dir.resolve("a"), tab("Pop3LogPasswd", "0")));
        assertEquals(List.of(), check(rule, dir.resolve("b"), ""));
        assertEquals(List.of(), check(rule, dir.resolve("c"), tab("Pop3LogPasswd", "3")));
    }

    @Test
    void offersASafeServerTabLine() {
        assertEquals(RuleInfo.Fix.SAFE, Pop3PasswordsLogged.INFO.fix());
        assertEquals(List.of("\"Pop3LogPasswd\"\t\"0\""), Pop3PasswordsLogged.INFO.remediationLines());
    }
}
