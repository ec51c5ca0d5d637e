package org.xmailkit.audit.rules.tls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.rules.TlsRules;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.MailRootFixture;

/** XMail 1.27's MailRoot as shipped: no server.cert / server.key, no TLS variables (so TLS is on by default). */
class DefaultMailRootTest {

    @TempDir
    Path tmp;

    @Test
    void defaultMailRootReportsStartTlsWithoutCertificateAndCleartextAuth() {
        MailRoot root = MailRootFixture.in(tmp).crlf()
                .serverTab("""
                        "RootDomain"\t"xmailserver.test"
                        "SmtpServerDomain"\t"xmailserver.test"
                        "POP3Domain"\t"xmailserver.test"
                        "PostMaster"\t"root@xmailserver.test"
                        "ErrorsAdmin"\t"root@xmailserver.test"
                        "RemoveSpoolErrors"\t"0"
                        "MaxMTAOps"\t"16"
                        "ReceivedHdrType"\t"0"
                        "FetchHdrTags"\t"+X-Deliver-To,+Received,To,Cc"
                        "Pop3LogPasswd"\t"0"
                        #"DefaultSMTPGateways"\t"192.168.1.2,192.168.1.15"
                        """)
                .file("mailusers.tab", "\"xmailserver.test\"\t\"xmailuser\"\t\"1d08040c09\"\t\"1\"\t\"xmailuser\"\t\"U\"\n")
                .file("ctrl.ipmap.tab", "\"0.0.0.0\"\t\"0.0.0.0\"\t\"ALLOW\"\t\"1\"\n")
                .file("smtprelay.tab", "")
                .file("spammers.tab", "")
                .open();
        List<Finding> findings = new Auditor(TlsRules.ALL).audit(root, Run.options()).findings();
        Set<String> keys = Set.copyOf(Run.keys(findings));
        assertTrue(keys.contains("TLS-004.inbound"), keys.toString());
        assertTrue(keys.contains("TLS-005.absent"), keys.toString());
        // Nothing about certificates that are not there, and no outbound gateway (the sample line is a comment).
        assertTrue(findings.stream().allMatch(f -> Set.of("TLS-004", "TLS-005").contains(f.rule().id())),
                keys.toString());
    }
}
