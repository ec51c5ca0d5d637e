package org.xmailkit.audit.rules.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.rules.TlsRules;
import org.xmailkit.audit.testing.RuleCheck;
import org.xmailkit.model.LineEnding;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.XMail127Default;

/** XMail 1.27's MailRoot as shipped: no server.cert / server.key, no TLS variables (so TLS is on by default). */
class DefaultMailRootTest {

    @TempDir
    Path tmp;

    @Test
    void defaultMailRootReportsStartTlsWithoutCertificateAndCleartextAuth() throws Exception {
        MailRoot root = MailRoot.open(XMail127Default.copyTo(tmp.resolve("MailRoot"), LineEnding.CRLF));
        List<Finding> findings = new Auditor(TlsRules.ALL)
                .audit(root, RuleCheck.certificateOptions())
                .findings();
        List<String> keys = RuleCheck.keys(findings);
        assertTrue(keys.contains("msg.TLS-004.inbound"), keys.toString());
        assertTrue(keys.contains("msg.TLS-005.absent"), keys.toString());
        Finding noCert = findings.stream()
                .filter(f -> f.rule().id().equals("TLS-004"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of("server.cert, server.key", "EnableSMTP-TLS, EnablePOP3-TLS, EnableCTRL-TLS"),
                noCert.message().args());
        // Nothing else: no certificate to judge, no gateway configured, no TLS variable written.
        assertEquals(
                Set.of("TLS-004", "TLS-005"),
                Set.copyOf(findings.stream().map(f -> f.rule().id()).toList()));
    }
}
