package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmailkit.audit.testing.RuleCheck.check;
import static org.xmailkit.audit.testing.RuleCheck.keys;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.model.XMailPassword;

class WeakPasswordTest {

    private final WeakPassword rule = new WeakPassword();

    static String user(String name, String password) {
        return "\"example.com\"\t\"" + name + "\"\t\"" + XMailPassword.encode(password) + "\"\t1\t\"" + name
                + "\"\t\"U\"\n";
    }

    @Test
    void firesOnEachKindOfWeakPassword(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                "",
                "mailusers.tab",
                user("dave", "")
                        + user("alice", "Alice")
                        + user("eve", "xmail")
                        + user("bob", "Password")
                        + user("carol", "Zx9!q")
                        + user("frank", "correct-horse-battery-staple-91"),
                "ctrlaccounts.tab",
                tab("root", XMailPassword.encode("root")),
                "smtpauth.tab",
                tab("relay", "letmein", "MR"));
        assertEquals(
                List.of(
                        "msg.SEC-014.empty",
                        "msg.SEC-014.sameAsUser",
                        "msg.SEC-014.sample",
                        "msg.SEC-014.common",
                        "msg.SEC-014.short",
                        "msg.SEC-014.sameAsUser",
                        "msg.SEC-014.common"),
                keys(f));
        assertEquals(
                List.of("mailusers.tab", "5", "carol@example.com", "8"),
                f.get(4).message().args());
    }

    @Test
    void staysQuietOnStrongPasswords(@TempDir Path dir) {
        assertEquals(
                List.of(),
                check(
                        rule,
                        dir,
                        "",
                        "mailusers.tab",
                        user("frank", "correct-horse-battery-staple-91"),
                        "ctrlaccounts.tab",
                        tab("admin", XMailPassword.encode("v9#Lq2!mWz7$")),
                        "smtpauth.tab",
                        tab("relay", "Tq8%fN3@pL0x", "MR")));
    }

    @Test
    void leavesSampleAndUndecodableAccountsToTheirOwnRules(@TempDir Path dir) {
        assertEquals(
                List.of(),
                check(
                        rule,
                        dir,
                        "",
                        "mailusers.tab",
                        SampleAccountTest.DEFAULT_USER,
                        "ctrlaccounts.tab",
                        tab("odd", "123")));
    }

    @Test
    void bundlesAFewHundredCommonPasswords() {
        assertTrue(Passwords.commonCount() >= 300, "only " + Passwords.commonCount());
        assertTrue(Passwords.common("QWERTY"));
    }
}
