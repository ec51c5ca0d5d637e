package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.findings;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;
import static org.xmailkit.audit.testing.RuleCheck.upgrading;

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
        assertEquals(List.of(), findings(rule, root(dir, """
                "SmtpConfig"\t"mail-auth,WantTLS"
                "SmtpConfig-192.0.2.1,587"\t"MailAuth=1,WantTLS=0"
                """)));
    }

    @Test
    void spaceAfterCommaLosesTheToken() {
        Finding f = single(findings(rule, root(dir, "\"SmtpConfig\"\t\"mail-auth, WantTLS\"\n")), "msg.CFG-016.space");
        assertEquals("WantTLS", f.message().args().get(2));
        assertEquals(
                "\"SmtpConfig\"<TAB>\"mail-auth,WantTLS\"", f.message().args().get(3));
    }

    @Test
    void caseVariantInAConfigurationFor126OrLater() {
        MailRoot r = root(dir, "\"SmtpConfig-192.0.2.1\"\t\"Mail-Auth\"\n");
        Finding f = single(upgrading(rule, r, "1.26"), "msg.CFG-016.case");
        assertEquals("mail-auth", f.message().args().get(2));
    }

    @Test
    void caseVariantInAnOlderConfigurationIsLeftToTheUpgradeRule() {
        assertEquals(List.of(), upgrading(rule, root(dir, "\"SmtpConfig\"\t\"Mail-Auth\"\n"), "1.22"));
    }

    @Test
    void outBindBelongsInSmtpGwConfig() {
        single(findings(rule, root(dir, "\"SmtpConfig\"\t\"OutBind=192.0.2.1\"\n")), "msg.CFG-016.outBind");
    }

    @Test
    void unknownToken() {
        single(findings(rule, root(dir, "\"SmtpConfig\"\t\"RequireAuth\"\n")), "msg.CFG-016.unknown");
    }
}
