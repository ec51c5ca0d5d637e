package org.xmailkit.audit.rules.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.AuditRun;
import org.xmailkit.audit.testing.RuleCheck;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRootFile;

class TlsSupportTest {

    @Test
    void anAuditReadsSmtpfwdTabOnce(@TempDir Path dir) {
        MailRoot root = root(
                dir,
                "",
                "smtpfwd.tab",
                tab("example.com", "relay.example.net:25;backup.example.net", "NeedTLS=2")
                        + tab("*.example.org", "127.0.0.1"));
        AuditRun run = new AuditRun();
        List<TlsSupport.Forwarder> fwd = TlsSupport.forwarders(RuleCheck.context(root, run));
        assertEquals(List.of(1, 2), fwd.stream().map(f -> f.row().line()).toList());
        assertEquals(2, fwd.get(0).gateways().entries().size());
        assertTrue(fwd.get(1).gateways().entries().get(0).host().startsWith("127.0.0.1"));
        assertSame(fwd, TlsSupport.forwarders(RuleCheck.context(root, run)));
        // The routes go through the same lines.
        assertEquals(2, TlsSupport.routes(RuleCheck.context(root, run)).size());
        // A copy with an edited smtpfwd.tab (a migration's after-state) has its own; another run reads it again.
        MailRoot edited = root.withContent(Map.of(
                MailRootFile.SMTP_FWD, tab("example.com", "relay.example.net").getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, TlsSupport.forwarders(RuleCheck.context(edited, run)).size());
        assertSame(fwd, TlsSupport.forwarders(RuleCheck.context(root, run)));
        assertNotSame(fwd, TlsSupport.forwarders(RuleCheck.context(root, new AuditRun())));
    }

    @Test
    void aMailRootWithoutSmtpfwdTabHasNoForwarders(@TempDir Path dir) {
        assertEquals(List.of(), TlsSupport.forwarders(RuleCheck.context(root(dir, ""), new AuditRun())));
    }
}
