package org.xmailkit.audit.rules.upg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

/** UPG-002 (DefaultSmtpPerms) and UPG-003 (TLS on by default). */
class DefaultChangesTest {

    @TempDir
    Path dir;

    private MailRoot plain() {
        return root(dir, "\"RootDomain\"\t\"example.com\"\n");
    }

    @Test
    void permsDefaultChangeIsCertainForA126Source() {
        Finding f = single(upgrading(new DefaultSmtpPermsChange(), plain(), "1.26"), "msg.UPG-002.certain");
        assertEquals("\"DefaultSmtpPerms\"<TAB>\"MR\"", f.message().args().get(1));
        assertEquals(List.of("\"DefaultSmtpPerms\"\t\"MR\""), f.rule().remediationLines());
    }

    @Test
    void permsDefaultChangeIsPossibleForAnUncertainSource() {
        single(range(new DefaultSmtpPermsChange(), plain(), "1.25", "1.27"), "msg.UPG-002.may");
    }

    @Test
    void permsExplicitOrSource127Passes() {
        assertEquals(List.of(), upgrading(new DefaultSmtpPermsChange(), plain(), "1.27"));
        assertEquals(
                List.of(),
                upgrading(
                        new DefaultSmtpPermsChange(),
                        root(dir.resolve("b"), "\"DefaultSmtpPerms\"\t\"MR\"\n"),
                        "1.22"));
    }

    @Test
    void tlsTurnsOnWhenComingFromBefore124() {
        Finding f = single(upgrading(new TlsOnByDefault(), plain(), "1.22"), "msg.UPG-003.certain");
        assertEquals(
                "EnableCTRL-TLS, EnablePOP3-TLS, EnableSMTP-TLS",
                f.message().args().get(1));
        single(range(new TlsOnByDefault(), plain(), "1.16", "1.27"), "msg.UPG-003.may");
    }

    @Test
    void tlsListenersStillOpenWhenTheSwitchesAreSet() {
        MailRoot r = root(dir, "\"EnableCTRL-TLS\"\t\"0\"\n\"EnablePOP3-TLS\"\t\"0\"\n\"EnableSMTP-TLS\"\t\"0\"\n");
        single(upgrading(new TlsOnByDefault(), r, "1.22"), "msg.UPG-003.listeners.certain");
    }

    @Test
    void tlsSourceWithTlsPasses() {
        assertEquals(List.of(), upgrading(new TlsOnByDefault(), plain(), "1.24"));
        assertTrue(range(new TlsOnByDefault(), plain(), "1.24", "1.27").isEmpty());
    }
}
