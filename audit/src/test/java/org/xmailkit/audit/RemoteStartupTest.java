package org.xmailkit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.startup.OptionIssue;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.audit.startup.Startups;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.ctrl.CtrlTransport;
import org.xmailkit.model.ctrl.Origins;
import org.xmailkit.model.testing.MailRootFixture;

/**
 * XMail's command line for a server read over CTRL: nothing is picked up from the copy (CTRL gives no way to read
 * the line), and a line given for it is held against the port the server answered on.
 */
class RemoteStartupTest {

    @TempDir
    Path tmp;

    private MailRoot copy() throws Exception {
        return MailRootFixture.in(tmp.resolve("copy"))
                .serverTab("\"RootDomain\"\t\"example.com\"\n")
                .file("xmail.cmdline", "-C-\n")
                .open();
    }

    private static Optional<Startup> startup(MailRoot root, String typed) {
        AuditOptions o =
                AuditOptions.defaults().withStartup(Optional.ofNullable(typed).map(Startups::typed));
        return Auditor.startup(root, o, new ArrayList<>());
    }

    private static List<OptionIssue.Code> codes(Startup s) {
        return s.issues().stream().map(OptionIssue::code).toList();
    }

    @Test
    void aLocalMailRootPicksItsFileUpButACopyReadOverCtrlDoesNot() throws Exception {
        MailRoot root = copy();
        assertTrue(startup(root, null).isPresent(), "a local MailRoot's xmail.cmdline is read");
        try (Origins.Registration r = Origins.register(
                root.directory(), new Origins.Origin("ctrl://ops@mx1.example:6018", CtrlTransport.TLS))) {
            assertEquals(Optional.empty(), startup(root, null));
        }
    }

    @Test
    void aLineThatOpensNoListenerOnThePortTheServerAnsweredOnIsFlagged() throws Exception {
        MailRoot root = copy();
        try (Origins.Registration r = Origins.register(
                root.directory(), new Origins.Origin("ctrl://ops@mx1.example:6018", CtrlTransport.TLS))) {
            assertEquals(List.of(), codes(startup(root, "-Cl -Sl").orElseThrow()), "CTRLS listens on 6018");
            Startup off = startup(root, "-Cl -W-").orElseThrow();
            assertEquals(List.of(OptionIssue.Code.REMOTE_PORT_NOT_OPENED), codes(off));
            assertEquals(
                    "xmailkit read this server over CTRLS on port 6018, but with this command line XMail 1.27"
                            + " opens no CTRLS listener on that port: check that it is the line this server runs with (a port"
                            + " forward would also explain it)",
                    off.issues().get(0).message(Locale.ENGLISH));
            assertTrue(off.issues().get(0).message(Locale.JAPANESE).contains("ポート 6018"));
            assertEquals(
                    List.of(OptionIssue.Code.REMOTE_PORT_NOT_OPENED),
                    codes(startup(root, "-Wp 7018").orElseThrow()),
                    "another port");
        }
        try (Origins.Registration r = Origins.register(
                root.directory(), new Origins.Origin("ctrl://ops@mx1.example:6017", CtrlTransport.STARTTLS))) {
            assertEquals(List.of(), codes(startup(root, "-W-").orElseThrow()), "CTRL listens on 6017");
            assertEquals(
                    List.of(OptionIssue.Code.REMOTE_PORT_NOT_OPENED),
                    codes(startup(root, "-CI 127.0.0.1:7017").orElseThrow()));
            assertEquals(
                    List.of(),
                    codes(startup(root, "-Cp pop").orElseThrow()).stream()
                            .filter(c -> c == OptionIssue.Code.REMOTE_PORT_NOT_OPENED)
                            .toList(),
                    "a port the system picks may be the one");
        }
        assertEquals(List.of(), codes(startup(root, "-C- -W-").orElseThrow()), "a local MailRoot is not checked");
    }

    @Test
    void theAuditReportsTheMismatchWithTheIgnoredOptions() throws Exception {
        MailRoot root = copy();
        try (Origins.Registration r = Origins.register(
                root.directory(), new Origins.Origin("ctrl://ops@mx1.example:6017", CtrlTransport.CLEARTEXT))) {
            AuditResult audit = Auditor.standard()
                    .audit(root, AuditOptions.defaults().withStartup(Optional.of(Startups.typed("-C- -W- -Sl"))));
            List<Finding> opt9 = audit.findings().stream()
                    .filter(f -> f.rule().id().equals("OPT-009"))
                    .toList();
            assertEquals(1, opt9.size(), () -> audit.findings().toString());
            assertTrue(
                    opt9.get(0).message(Locale.ENGLISH).contains("over CTRL on port 6017, but"),
                    opt9.get(0).message(Locale.ENGLISH));
        }
    }
}
