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
import org.xmailkit.model.XMailPassword;

class SampleAccountTest {

    private final SampleAccount rule = new SampleAccount();

    static final String DEFAULT_USER = "\"xmailserver.test\"\t\"xmailuser\"\t\"1d08040c09\"\t1\t\"xmailuser\"\t\"U\"\n";
    static final String USER_TAB = tab("RealName", "XMail User") + tab("MaxMBSize", "30000") + tab("SmtpPerms", "MRV");

    @Test
    void firesOnTheDefaultUserThatCanRelayThroughItsUserTab(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                tab("DefaultSmtpPerms", "M"),
                "mailusers.tab",
                DEFAULT_USER,
                "domains/xmailserver.test/xmailuser/user.tab",
                USER_TAB);
        assertEquals(List.of("msg.SEC-013.mailUserRelay"), keys(f));
        assertEquals(
                List.of(
                        "1",
                        "xmailuser@xmailserver.test",
                        "1.2x-1.27",
                        "MRV",
                        "domains/xmailserver.test/xmailuser/user.tab:3"),
                f.get(0).message().args());
        assertEquals(
                List.of("\"xmailserver.test\"<TAB>\"xmailuser\"<TAB>\"********\"<TAB>1<TAB>\"xmailuser\"<TAB>\"U"
                        + "\""),
                f.get(0).evidence());
    }

    @Test
    void fallsBackToDefaultSmtpPermsWithoutUserTab(@TempDir Path dir) {
        List<Finding> f = check(rule, dir.resolve("a"), "", "mailusers.tab", DEFAULT_USER);
        assertEquals(List.of("msg.SEC-013.mailUserRelay"), keys(f));
        assertEquals("DefaultSmtpPerms", f.get(0).message().args().get(4));
        assertEquals(
                List.of("msg.SEC-013.mailUser"),
                keys(check(rule, dir.resolve("b"), tab("DefaultSmtpPerms", "M"), "mailusers.tab", DEFAULT_USER)));
    }

    @Test
    void firesOnTheEarlySampleAccountsOfOtherFiles(@TempDir Path dir) {
        List<Finding> f = check(
                rule,
                dir,
                "",
                "ctrlaccounts.tab",
                tab("davide.libenzi", XMailPassword.encode("davidel@maticad.it")),
                "smtpauth.tab",
                tab("spacecowboy", "erase-this-asap", "MRV"),
                "pop3links.tab",
                tab("home.bogus", "dlibenzi", "mail.bogus.net", "dlibenzi", "030a0a150416161201", "CLR"));
        assertEquals(List.of("msg.SEC-013.ctrl", "msg.SEC-013.smtpAuth", "msg.SEC-013.pop3Link"), keys(f));
        assertTrue(f.get(1).message(Locale.ENGLISH).contains("\"MRV\""));
    }

    @Test
    void staysQuietWhenTheSampleAccountHasANewPassword(@TempDir Path dir) {
        String changed = "\"xmailserver.test\"\t\"xmailuser\"\t\"" + XMailPassword.encode("n3w-Passw0rd-9f2k")
                + "\"\t1\t\"xmailuser\"\t\"U\"\n";
        assertEquals(
                List.of(),
                check(
                        rule,
                        dir,
                        "",
                        "mailusers.tab",
                        changed,
                        "smtpauth.tab",
                        tab("Spacecowboy", "erase-this-asap", "MRV")));
    }
}
