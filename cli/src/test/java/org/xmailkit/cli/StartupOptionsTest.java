package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        assertTrue(eq.out().contains("-cl: XMail 1.27 has no such option and ignores it (did you mean -Cl?) [ignored]"),
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
        assertEquals("-Mr 24 -Pl -Ql -Sl -Cp 6017 -Wp 6018 -Fp 79 -Pp 110 -Bp 995 -Sp 25 -Xp 465 -X- -B- -W- -F-",
                s.get("recommended").get("line").asText());
    }

    @Test
    void aFileInTheMailRootIsPickedUpAndSaidSo() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("MailRoot")).xmail127Default()
                .file("xmail.cmdline", "-SI 192.0.2.1 -SI 192.0.2.1 -PI ::1\n").write();
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
        MailRootFixture.in(tmp.resolve("MailRoot")).xmail127Default().file("xmail.reg", "not a registry export\n")
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
            page = Files.readString(pages.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow());
        }
        assertTrue(page.contains("id=\"services-recommended\""), page);
        assertTrue(page.contains("-X- -B- -W- -F-</code>"), page);
    }
}
