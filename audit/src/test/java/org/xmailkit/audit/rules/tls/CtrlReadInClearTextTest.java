package org.xmailkit.audit.rules.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.testing.RuleCheck;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.ctrl.CtrlTransport;
import org.xmailkit.model.ctrl.Origins;
import org.xmailkit.model.testing.MailRootFixture;

/** TLS-031: only a copy the command line made over clear-text CTRL has the finding. */
class CtrlReadInClearTextTest {

    @TempDir
    Path tmp;

    private MailRoot root() throws Exception {
        return MailRootFixture.in(tmp.resolve("copy"))
                .serverTab("\"RootDomain\"\t\"example.com\"\n")
                .open();
    }

    @Test
    void aCopyReadInClearTextHasTheFinding() throws Exception {
        MailRoot root = root();
        try (Origins.Registration r = Origins.register(
                root.directory(), new Origins.Origin("ctrl://ops@mx1.example:6017", CtrlTransport.CLEARTEXT))) {
            List<Finding> f = RuleCheck.findings(new CtrlReadInClearText(), root, RuleCheck.certificateOptions());
            assertEquals(List.of("msg.TLS-031.read"), RuleCheck.keys(f));
            assertTrue(
                    f.get(0).message(Locale.ENGLISH).contains("clear text"),
                    f.get(0).message(Locale.ENGLISH));
            assertEquals(
                    root.directory(), f.get(0).location().file(), "at the copy, which outputs name after the server");
        }
    }

    @Test
    void aCopyReadOverTlsOrALocalMailRootHasNone() throws Exception {
        MailRoot root = root();
        assertEquals(List.of(), RuleCheck.findings(new CtrlReadInClearText(), root, RuleCheck.certificateOptions()));
        try (Origins.Registration r = Origins.register(
                root.directory(), new Origins.Origin("ctrl://ops@mx1.example:6018", CtrlTransport.TLS))) {
            assertEquals(
                    List.of(), RuleCheck.findings(new CtrlReadInClearText(), root, RuleCheck.certificateOptions()));
        }
        try (Origins.Registration r = Origins.register(
                root.directory(), new Origins.Origin("ctrl://ops@mx1.example:6017", CtrlTransport.STARTTLS))) {
            assertEquals(
                    List.of(), RuleCheck.findings(new CtrlReadInClearText(), root, RuleCheck.certificateOptions()));
        }
    }
}
