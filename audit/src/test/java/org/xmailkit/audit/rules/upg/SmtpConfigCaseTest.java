package org.xmailkit.audit.rules.upg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.range;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;
import static org.xmailkit.audit.testing.RuleCheck.upgrading;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.model.MailRoot;

class SmtpConfigCaseTest {

    private final SmtpConfigCase rule = new SmtpConfigCase();

    @TempDir
    Path dir;

    @Test
    void mixedCaseStopsWorkingAfterTheUpgrade() {
        MailRoot r = root(dir, "\"SmtpConfig\"\t\"Mail-Auth,WantTLS\"\n");
        Finding f = single(upgrading(rule, r, "1.22"), "msg.UPG-006.certain");
        assertEquals(
                "\"SmtpConfig\"<TAB>\"mail-auth,WantTLS\"", f.message().args().get(3));
        single(range(rule, r, "1.24", "1.27"), "msg.UPG-006.may");
    }

    @Test
    void sourceOn126OrExactTokensPass() {
        assertEquals(List.of(), upgrading(rule, root(dir, "\"SmtpConfig\"\t\"Mail-Auth\"\n"), "1.26"));
        assertEquals(List.of(), upgrading(rule, root(dir.resolve("b"), "\"SmtpConfig\"\t\"mail-auth\"\n"), "1.22"));
    }
}
