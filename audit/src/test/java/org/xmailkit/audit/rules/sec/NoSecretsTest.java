package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Profile;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.audit.rules.SecRules;
import org.xmailkit.audit.testing.RuleCheck;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailPassword;

/** No message or evidence of any SEC rule shows a password, in clear or in XMail's reversible encoding. */
class NoSecretsTest {

    /**
     * Passwords planted in the fixture. None equals or is part of an account or domain name that a message must
     * show; the default user's password "xmail" is, so for it only the stored form is checked.
     */
    private static final List<String> SECRETS = List.of(
            "davidel@maticad.it",
            "erase-this-asap",
            "change-this-password",
            "foopasswd",
            "Password",
            "Zx9!q",
            "letmein",
            "Hunter2secret",
            "Gq7#pV2!nR5w",
            "nul-cut-secret");

    @Test
    void noPasswordReachesAMessageOrEvidence(@TempDir Path dir) {
        MailRoot root = RuleCheck.root(
                dir,
                tab("DynDnsSetup", "members.dyndns.example,80,/nic/update,dnsuser,Hunter2secret")
                        + tab("Pop3LogPasswd", "2")
                        + tab("SMTP-IpMapDropCode", "0"),
                "mailusers.tab",
                SampleAccountTest.DEFAULT_USER + WeakPasswordTest.user("bob", "Password")
                        + WeakPasswordTest.user("carol", "Zx9!q")
                        + "\"home.bogus\"\t\"dlibenzi\"\t\"030a0a150416161201\"\t2\t\"dlibenzi\"\t\"U\"\n"
                        + "\"example.com\"\t\"cut\"\t\"" + XMailPassword.encode("ab") + "65"
                        + XMailPassword.encode("nul-cut-secret") + "\"\t3\t\"cut\"\t\"U\"\n",
                "ctrlaccounts.tab",
                tab("davide.libenzi", XMailPassword.encode("davidel@maticad.it")) + "#"
                        + tab("old", XMailPassword.encode("Gq7#pV2!nR5w")),
                "smtpauth.tab",
                tab("spacecowboy", "erase-this-asap", "MRV")
                        + tab("davide.libenzi", "change-this-password", "M")
                        + tab("relay", "letmein", "MR"),
                "pop3links.tab",
                tab("home.bogus", "dlibenzi", "mail.bogus.net", "dlibenzi", "030a0a150416161201", "CLR"),
                "smtp.ipmap.tab",
                tab("0.0.0.0", "0.0.0.0", "DENY", "1"));
        AuditResult r =
                new Auditor(SecRules.ALL).audit(root, AuditOptions.defaults().withProfile(Profile.STRICT));

        Set<String> fired = r.findings().stream().map(f -> f.rule().id()).collect(Collectors.toSet());
        assertTrue(
                fired.containsAll(Set.of("SEC-013", "SEC-014", "SEC-015", "SEC-016", "SEC-017", "SEC-029")),
                fired.toString());

        List<String> shown = new ArrayList<>();
        for (Finding f : r.findings()) {
            shown.add(f.message(Locale.ENGLISH));
            shown.add(f.message(Locale.JAPANESE));
            shown.addAll(f.message().strings());
            shown.addAll(f.evidence());
        }
        for (String s : shown) {
            assertFalse(s.contains("1d08040c09"), "stored password shown: " + s);
        }
        for (String secret : SECRETS) {
            String encoded = XMailPassword.encode(secret);
            for (String s : shown) {
                assertFalse(s.contains(secret), "password shown: " + s);
                assertFalse(s.contains(encoded), "encoded password shown: " + s);
            }
        }
    }

    @Test
    void rulesThatNeedTheMailRootAreNotApplicableToABareServerTab(@TempDir Path dir) throws Exception {
        Path tab = RuleCheck.root(dir, tab("RootDomain", "example.com")).serverTabPath();
        AuditResult r = new Auditor(SecRules.ALL)
                .audit(MailRoot.open(tab), AuditOptions.defaults().withProfile(Profile.STRICT));
        for (RuleOutcome o : r.outcomes()) {
            boolean needsRoot = o.rule().needs().contains(RuleInfo.Need.MAILROOT);
            assertEquals(
                    needsRoot,
                    o.status() == RuleOutcome.Status.NOT_APPLICABLE,
                    o.rule().id());
        }
    }
}
