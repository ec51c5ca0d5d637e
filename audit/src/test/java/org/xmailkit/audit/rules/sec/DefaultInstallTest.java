package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.xmailkit.audit.rules.SecRules;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.MailRootFixture;

/** The MailRoot XMail 1.27 installs (its distribution's MailRoot directory), audited with the SEC rules. */
class DefaultInstallTest {

    static final String ALLOW_ALL = "\"0.0.0.0\"\t\"0.0.0.0\"\t\"ALLOW\"\t1\n";

    /** server.tab here carries only basic settings; every security setting is left at XMail's default. */
    static MailRoot defaultInstall(Path dir) {
        return MailRootFixture.in(dir)
                .serverTab("""
                        "RootDomain"\t"xmailserver.test"
                        "SmtpServerDomain"\t"xmailserver.test"
                        "POP3Domain"\t"xmailserver.test"
                        "PostMaster"\t"root@xmailserver.test"
                        "ErrorsAdmin"\t"root@xmailserver.test"
                        """)
                .file("aliases.tab", """
                        "xmailserver.test"\t"root"\t"xmailuser"
                        "xmailserver.test"\t"postmaster"\t"xmailuser"
                        """)
                .file("aliasdomain.tab", "")
                .file("domains.tab", "\"xmailserver.test\"\n")
                .file("extaliases.tab", "")
                .file("mailusers.tab", "\"xmailserver.test\"\t\"xmailuser\"\t\"1d08040c09\"\t1\t\"xmailuser\"\t\"U\"\n")
                .file("ctrlaccounts.tab", "")
                .file("message.id", "1\n")
                .file("pop3links.tab", "")
                .file("smtpgw.tab", "")
                .file("smtpfwd.tab", "")
                .file("smtprelay.tab", """
                        "10.0.0.0"\t"255.0.0.0"
                        "172.16.0.0"\t"255.255.0.0"
                        "192.168.0.0"\t"255.255.0.0"
                        """)
                .file("smtpauth.tab", "")
                .file("smtpextauth.tab", "")
                .file("userdef.tab", """
                        "RealName"\t"??"
                        "HomePage"\t"??"
                        "Address"\t"??"
                        "Telephone"\t"??"
                        "MaxMBSize"\t"10000"
                        "SmtpPerms"\t"MR"
                        "ReceiveEnable"\t"1"
                        "PopEnable"\t"1"
                        """)
                .file("spammers.tab", "")
                .file("spam-address.tab", "")
                .file("pop3.ipmap.tab", ALLOW_ALL)
                .file("smtp.ipmap.tab", ALLOW_ALL)
                .file("ctrl.ipmap.tab", ALLOW_ALL)
                .file("finger.ipmap.tab", ALLOW_ALL)
                .file("smtp.ipprop.tab", "")
                .file("filters.in.tab", "")
                .file("filters.out.tab", "")
                .file("filters.pre-data.tab", "")
                .file("filters.post-data.tab", "")
                .file("filters.post-rcpt.tab", "")
                .file("domains/xmailserver.test/xmailuser/user.tab", """
                        "RealName"\t"XMail User"
                        "HomePage"\t"http://www.xmailserver.org"
                        "MaxMBSize"\t"30000"
                        "MaxMessageSize"\t"10000"
                        "SmtpPerms"\t"MRV"
                        """)
                .open();
    }

    private static AuditResult audit(Path dir, Profile profile) {
        return new Auditor(SecRules.ALL)
                .audit(defaultInstall(dir), AuditOptions.defaults().withProfile(profile));
    }

    private static Set<String> ids(AuditResult r) {
        return r.findings().stream().map(f -> f.rule().id()).collect(Collectors.toSet());
    }

    @Test
    void ctrlIsOpenToEveryone(@TempDir Path dir) {
        Finding ctrl = audit(dir, Profile.BASELINE).findings().stream()
                .filter(f -> f.rule().id().equals("SEC-011"))
                .findFirst()
                .orElseThrow();
        assertEquals("msg.SEC-011.allowAll", ctrl.message().key());
        assertEquals(dir.resolve("ctrl.ipmap.tab"), ctrl.location().file());
    }

    @Test
    void theDefaultUserCanAuthenticateWithItsPublishedPasswordAndRelay(@TempDir Path dir) {
        Finding sample = audit(dir, Profile.BASELINE).findings().stream()
                .filter(f -> f.rule().id().equals("SEC-013"))
                .findFirst()
                .orElseThrow();
        assertEquals("msg.SEC-013.mailUserRelay", sample.message().key());
        assertEquals(
                List.of(
                        "1",
                        "xmailuser@xmailserver.test",
                        "1.2x-1.27",
                        "MRV",
                        "domains/xmailserver.test/xmailuser/user.tab:5"),
                sample.message().args());
        String en = sample.message(Locale.ENGLISH);
        assertTrue(en.contains("xmailuser@xmailserver.test") && en.contains("relay"), en);
    }

    @Test
    void popBeforeSmtpIsOnByDefault(@TempDir Path dir) {
        assertTrue(ids(audit(dir, Profile.BASELINE)).contains("SEC-004"));
    }

    @Test
    void baselineReportsWhatTheDefaultsLeaveOpenAndNothingThatIsNot(@TempDir Path dir) {
        // 1.27's defaults: POP-before-SMTP, MRVZ, CTRL and finger open, the sample user. The relay ranges are private
        // and spammers.tab exists, so no open relay and no refused sessions.
        assertEquals(Set.of("SEC-004", "SEC-009", "SEC-011", "SEC-013", "SEC-036"), ids(audit(dir, Profile.BASELINE)));
    }

    @Test
    void strictAddsTheHardeningAdvice(@TempDir Path dir) {
        Set<String> strict = ids(audit(dir, Profile.STRICT));
        assertTrue(
                strict.containsAll(
                        Set.of("SEC-003", "SEC-007", "SEC-010", "SEC-012", "SEC-020", "SEC-023", "SEC-024", "SEC-025")),
                strict.toString());
    }
}
