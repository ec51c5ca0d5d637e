package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.testing.FakeCtrlServer;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.model.testing.XMail127Default;

/** {@code --cmdline}, {@code --registry}, {@code --service-file} and the files picked up from a MailRoot. */
class StartupOptionsTest {

    static final String XMAILCFG = "-Cl -Mr 24 -Pl -Ql -Sl -Cp 6017 -Wp 6018 -Fp 79 -Pp 110 -Bp 995 -Sp 25 -Xp 465";

    @TempDir
    Path tmp;

    private Path registry(String cmdline) throws Exception {
        String text = "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\GNU\\XMail]\r\n"
                + "\"MAIL_ROOT\"=\"C:\\\\MailRoot\"\r\n\"MAIL_CMD_LINE\"=\"" + cmdline + "\"\r\n\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        return Files.write(tmp.resolve("xmail.reg"), bytes);
    }

    @Test
    void auditWithARegistryExportReportsTheNewFindingsAtTheRegistryLine() throws Exception {
        XMail127Default.copyTo(tmp.resolve("MailRoot"));
        registry(XMAILCFG);
        Run r = Run.of(tmp, "audit", "--lang", "en", "MailRoot", "--registry", "xmail.reg");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        for (String id : List.of("OPT-001", "OPT-002", "OPT-004", "OPT-006", "SEC-011")) {
            assertTrue(r.out().contains(id), id + "\n" + r.out());
        }
        assertTrue(r.out().contains("xmail.reg:5"), r.out());
        assertFalse(r.out().contains("OPT-009"), "the XMailCFG line has nothing XMail ignores");
    }

    @Test
    void aTypedCommandLineWithAnEqualsSignOrAsTheNextArgument() {
        XMail127Default.copyTo(tmp.resolve("MailRoot"));
        Run eq = Run.of(tmp, "show", "--lang", "en", "MailRoot", "--cmdline=-Sl -cl -CI 127.0.0.1");
        assertEquals(ExitCode.OK, eq.exit(), eq.err());
        assertTrue(eq.out().contains("  CTRL   127.0.0.1:6017"), eq.out());
        assertTrue(
                eq.out().contains("-cl: XMail 1.27 has no such option and ignores it (did you mean -Cl?) [ignored]"),
                eq.out());
        Run next = Run.of(tmp, "show", "--lang", "en", "MailRoot", "--cmdline", "-X- -B- -W-");
        assertEquals(ExitCode.OK, next.exit(), next.err());
        assertTrue(next.out().contains("off: SMTPS, POP3S, CTRLS"), next.out());
    }

    @Test
    void showJsonCarriesTheListenersAndTheRecommendation() throws Exception {
        XMail127Default.copyTo(tmp.resolve("MailRoot"));
        Run r = Run.of(tmp, "show", "-f", "json", "MailRoot", "--cmdline=" + XMAILCFG);
        assertEquals(ExitCode.OK, r.exit(), r.err());
        JsonNode s = new ObjectMapper().readTree(r.out()).get(0).get("startup");
        assertEquals(7, s.get("listeners").size());
        assertEquals("0.0.0.0", s.get("listeners").get(0).get("address").asText());
        assertTrue(s.get("starts").asBoolean());
        assertEquals(
                "-Mr 24 -Pl -Ql -Sl -Cp 6017 -Wp 6018 -Fp 79 -Pp 110 -Bp 995 -Sp 25 -Xp 465 -X- -B- -W- -F-",
                s.get("recommended").get("line").asText());
    }

    @Test
    void aFileInTheMailRootIsPickedUpAndSaidSo() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("MailRoot"))
                .xmail127Default()
                .file("xmail.cmdline", "-SI 192.0.2.1 -SI 192.0.2.1 -PI ::1\n")
                .write();
        Run show = Run.of(tmp, "show", "--lang", "en", "MailRoot");
        assertTrue(show.out().contains("found in the MailRoot"), show.out());
        assertTrue(show.out().contains("XMail 1.27 does not start"), show.out());
        Run audit = Run.of(tmp, "audit", "--lang", "en", root.toString());
        assertTrue(audit.out().contains("OPT-008"), audit.out());
        Run ja = Run.of(tmp, "show", "--lang", "ja", "MailRoot");
        assertTrue(ja.out().contains("MailRoot 内で発見"), ja.out());
    }

    @Test
    void aBrokenFileInTheMailRootIsAReadErrorNotACrash() throws Exception {
        MailRootFixture.in(tmp.resolve("MailRoot"))
                .xmail127Default()
                .file("xmail.reg", "not a registry export\n")
                .write();
        Run r = Run.of(tmp, "audit", "--lang", "en", "MailRoot");
        assertEquals(ExitCode.PARTIAL, r.exit(), r.err());
        assertTrue((r.out() + r.err()).contains("xmail.reg:1: not a registry export"), r.out() + r.err());
        assertTrue(r.out().contains("SEC-011"), "the rest of the audit goes on");
        assertFalse(r.traced(), r.err());
    }

    @Test
    void usageErrors() throws Exception {
        XMail127Default.copyTo(tmp.resolve("a"));
        XMail127Default.copyTo(tmp.resolve("b"));
        Run two = Run.of(tmp, "audit", "--lang", "en", "a", "--cmdline=-Sl", "--registry", "x.reg");
        assertEquals(ExitCode.USAGE, two.exit());
        assertTrue(two.err().contains("give only one of --cmdline, --registry and --service-file"), two.err());
        Run many = Run.of(tmp, "audit", "--lang", "en", "a", "b", "--cmdline=-Sl");
        assertEquals(ExitCode.USAGE, many.exit());
        assertTrue(many.err().contains("but 2 were found"), many.err());
        Run missing = Run.of(tmp, "audit", "--lang", "en", "a", "--registry", "nope.reg");
        assertEquals(ExitCode.INPUT, missing.exit());
        assertTrue(missing.err().contains("nope.reg: no such file or directory"), missing.err());
        Path unit = Files.writeString(tmp.resolve("other.service"), "[Service]\nExecStart=/usr/sbin/nginx\n");
        Run notXMail = Run.of(tmp, "show", "--lang", "en", "a", "--service-file", unit.toString());
        assertEquals(ExitCode.INPUT, notXMail.exit());
        assertTrue(notXMail.err().contains("a command that starts XMail"), notXMail.err());
    }

    @Test
    void theHtmlAuditPageShowsTheServicesWithoutARecommendationItCannotMake() throws Exception {
        XMail127Default.copyTo(tmp.resolve("MailRoot"));
        Run r = Run.of(tmp, "audit", "--lang", "en", "-f", "html", "MailRoot", "--cmdline=" + XMAILCFG);
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(r.out().contains("<h3 id=\"services-MailRoot\">Services</h3>"), r.out());
        assertTrue(r.out().contains("<code>0.0.0.0:6017</code>"), r.out());
        assertFalse(r.out().contains("services-recommended"), "the certificate is not known to this page");
        Run report = Run.of(tmp, "report", "--lang", "en", "MailRoot", "--out", "site", "--cmdline=" + XMAILCFG);
        assertEquals(ExitCode.OK, report.exit(), report.err());
        String page;
        try (Stream<Path> pages = Files.list(tmp.resolve("site/servers"))) {
            page = Files.readString(pages.filter(p -> p.toString().endsWith(".html"))
                    .findFirst()
                    .orElseThrow());
        }
        assertTrue(page.contains("id=\"services-recommended\""), page);
        assertTrue(page.contains("-X- -B- -W- -F-</code>"), page);
    }

    @Test
    void aServerReadOverCtrlTakesAGivenLineAndSaysWhenItDoesNotFitThePortItAnsweredOn() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("remote"))
                .xmail127Default()
                .file("xmail.cmdline", "-F-\n")
                .write();
        Path password = Files.writeString(tmp.resolve("ctrl.pw"), "Ctrl-Pw-31\n");
        if (Files.getFileAttributeView(password, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        }
        try (FakeCtrlServer server =
                FakeCtrlServer.ctrls().account("admin", "Ctrl-Pw-31").mailRoot(root)) {
            String url = "ctrl://admin@127.0.0.1:" + server.port();
            List<String> ctrl = List.of(
                    url,
                    "--ctrl-password-file",
                    password.toString(),
                    "--ctrl-known-hosts",
                    tmp.resolve("known_hosts").toString());
            Run none = Run.of(tmp, concat(List.of("show", "--lang", "en"), ctrl));
            assertEquals(ExitCode.OK, none.exit(), none.err());
            assertTrue(
                    none.out().contains("XMail's command line is not known: CTRL gives no way to read it"), none.out());
            Run fits = Run.of(
                    tmp, concat(List.of("audit", "--lang", "en", "--cmdline=-Wp " + server.port() + " -Cl"), ctrl));
            assertEquals(ExitCode.OK, fits.exit(), fits.err());
            assertTrue(fits.out().contains("XMail command line: the command line given with --cmdline"), fits.out());
            assertTrue(fits.out().contains("OPT-004"), fits.out());
            assertFalse(fits.out().contains("OPT-009"), fits.out());
            Run off = Run.of(tmp, concat(List.of("audit", "--lang", "en", "--cmdline=-W- -Cl"), ctrl));
            assertTrue(off.out().contains("OPT-009"), off.out());
            assertTrue(
                    off.out()
                            .contains(url + ": xmailkit read this server over CTRLS on port " + server.port()
                                    + ", but with this command line XMail 1.27 opens no CTRLS listener on that port"),
                    off.out());
        }
    }

    @Test
    void aLineGivenForSeveralInputsWithARemoteOneIsRefusedBeforeAnythingIsCopied() throws Exception {
        XMail127Default.copyTo(tmp.resolve("a"));
        for (String command : List.of("audit", "show", "migrate")) {
            Run r = Run.of(tmp, command, "--lang", "en", "a", "ctrl://admin@127.0.0.1:1", "--cmdline=-Sl");
            assertEquals(ExitCode.USAGE, r.exit(), command + ": " + r.err());
            assertTrue(
                    r.err().contains("describe one server, but 2 were given with a ctrl:// server among them"),
                    r.err());
            assertFalse(r.err().contains("127.0.0.1:1:"), "no connection was tried: " + r.err());
        }
        Run report = Run.of(
                tmp, "report", "--lang", "en", "a", "ctrl://admin@127.0.0.1:1", "--out", "site", "--registry", "x.reg");
        assertEquals(ExitCode.USAGE, report.exit(), report.err());
    }

    private static String[] concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }
}
