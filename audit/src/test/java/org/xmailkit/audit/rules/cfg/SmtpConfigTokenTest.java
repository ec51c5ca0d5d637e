package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.rules.RuleTesting.from;
import static org.xmailkit.audit.rules.RuleTesting.root;
import static org.xmailkit.audit.rules.RuleTesting.run;
import static org.xmailkit.audit.rules.RuleTesting.single;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.model.MailRoot;

class SmtpConfigTokenTest {

    private final SmtpConfigToken rule = new SmtpConfigToken();

    @TempDir
    Path dir;

    @Test
    void exactTokensPass() {
        assertEquals(List.of(), run(rule, root(dir, """
                "SmtpConfig"\t"mail-auth,WantTLS"
                "SmtpConfig-192.0.2.1,587"\t"MailAuth=1,WantTLS=0"
                """)));
    }

    @Test
    void spaceAfterCommaLosesTheToken() {
        Finding f = single(run(rule, root(dir, "\"SmtpConfig\"\t\"mail-auth, WantTLS\"\n")), "cfg.smtpConfig.space");
        assertEquals("WantTLS", f.message().args().get(2));
        assertEquals("\"SmtpConfig\"<TAB>\"mail-auth,WantTLS\"", f.message().args().get(3));
    }

    @Test
    void caseVariantInAConfigurationFor126OrLater() {
        MailRoot r = root(dir, "\"SmtpConfig-192.0.2.1\"\t\"Mail-Auth\"\n");
        Finding f = single(from(rule, r, "1.26"), "cfg.smtpConfig.case");
        assertEquals("mail-auth", f.message().args().get(2));
    }

    @Test
    void caseVariantInAnOlderConfigurationIsLeftToTheUpgradeRule() {
        assertEquals(List.of(), from(rule, root(dir, "\"SmtpConfig\"\t\"Mail-Auth\"\n"), "1.22"));
    }

    @Test
    void outBindBelongsInSmtpGwConfig() {
        single(run(rule, root(dir, "\"SmtpConfig\"\t\"OutBind=192.0.2.1\"\n")), "cfg.smtpConfig.outBind");
    }

    @Test
    void unknownToken() {
        single(run(rule, root(dir, "\"SmtpConfig\"\t\"RequireAuth\"\n")), "cfg.smtpConfig.unknown");
    }
}
