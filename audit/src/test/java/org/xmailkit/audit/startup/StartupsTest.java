package org.xmailkit.audit.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.startup.OptionIssue.Code;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.Needs;

/** Reading the command line from registry exports, start scripts, units and MailRoot files. */
class StartupsTest {

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = StartupsTest.class.getResourceAsStream(name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static List<String> texts(Startup s) {
        return s.args().stream().map(Arg::text).toList();
    }

    @Test
    void aRegedit5ExportInUtf16WithBomAndCrlfGivesMailCmdLineAndMailRoot() throws Exception {
        Path f = fixture("xmailcfg.reg");
        assertEquals(0xFF, Files.readAllBytes(f)[0] & 0xFF, "the fixture is UTF-16LE with a BOM");
        Startup s = Startups.registry(f);
        assertEquals(Startup.Kind.REGISTRY, s.kind());
        assertEquals(Platform.WINDOWS, s.platform());
        assertEquals("HKEY_LOCAL_MACHINE\\SOFTWARE\\GNU\\XMail", s.holder());
        assertEquals("C:\\MailRoot", s.mailRoot().orElseThrow());
        assertEquals(
                List.of(
                        "-Cl", "-Mr", "24", "-Pl", "-Ql", "-Sl", "-Cp", "6017", "-Wp", "6018", "-Fp", "79", "-Pp",
                        "110", "-Bp", "995", "-Sp", "25", "-Xp", "465"),
                texts(s));
        assertEquals(7, s.args().get(0).place().line());
        assertTrue(s.args().get(0).environment());
        assertEquals(7, s.options().listening().size());
        assertEquals(List.of(), s.issues());
    }

    @Test
    void theWow6432NodeKeyAndEscapedQuotesAndBackslashes() throws Exception {
        Startup s = Startups.registry(fixture("wow64.reg"));
        assertEquals("HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\GNU\\XMail", s.holder());
        assertEquals("-Ms", texts(s).get(0));
        assertEquals("C:\\Program Files (x86)\\XMail\\MailRoot\\", texts(s).get(1));
        assertEquals("C:\\Program Files (x86)\\XMail\\MailRoot", s.mailRoot().orElseThrow(), "-Ms wins, one slash cut");
        assertEquals(
                List.of("SMTP 0.0.0.0:25", "POP3 0.0.0.0:110", "CTRL 127.0.0.1:6017", "FINGER 0.0.0.0:79"),
                XMailOptionsTest.listening(s.options()));
    }

    @Test
    void aShiftJisRegedit4ExportWithAnExpandableHexString() throws Exception {
        Startup s = Startups.registry(fixture("regedit4-sjis.reg"));
        assertEquals("D:\\メール\\MailRoot", s.options().mailRoot().orElseThrow());
        assertEquals(
                "%SystemDrive%\\MailRoot", s.mailRootVariable().orElseThrow().value());
        assertTrue(s.issues().stream()
                .anyMatch(i -> i.code() == Code.REGISTRY_EXPAND && i.args().equals(List.of("MAIL_ROOT"))));
        assertEquals(List.of(Switch.SL, Switch.PL, Switch.QL), s.options().logSwitches());
    }

    @Test
    void bothKeysTheNativeOneIsAuditedAndTheOtherNamed() throws Exception {
        Startup s = Startups.registry(fixture("both-keys.reg"));
        assertEquals(List.of("-Sl", "-Pl"), texts(s));
        OptionIssue two = s.issues().get(0);
        assertEquals(Code.REGISTRY_TWO_KEYS, two.code());
        assertEquals("-Sl -Pl -Cl -F-", two.args().get(2));
    }

    @Test
    void aValueTooLongForXMailsBufferIsNotReadAtAll() throws Exception {
        String longLine = "-Sl " + "-SI 127.0.0.1 ".repeat(150);
        Path f = dir.resolve("long.reg");
        Files.write(
                f,
                ("REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\GNU\\XMail]\r\n\"MAIL_CMD_LINE\"=\"" + longLine
                                + "\"\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        Startup s = Startups.registry(f);
        assertEquals(List.of(), s.args());
        assertEquals(Code.REGISTRY_VALUE_TOO_LONG, s.issues().get(0).code());
        assertEquals(7, s.options().listening().size(), "XMail then runs with its defaults");
    }

    @Test
    void aFileThatIsNoExportOrHasNoXMailKeyIsAnInputError() throws Exception {
        Path notReg = Files.writeString(dir.resolve("x.reg"), "hello\n");
        InputException e = assertThrows(InputException.class, () -> Startups.registry(notReg));
        assertEquals(InputException.Reason.NOT_A_REGISTRY_EXPORT, e.reason());
        Path other = Files.writeString(
                dir.resolve("y.reg"), "REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Other]\n\"MAIL_CMD_LINE\"=\"-Sl\"\n");
        assertEquals(
                InputException.Reason.NO_XMAIL_KEY,
                assertThrows(InputException.class, () -> Startups.registry(other))
                        .reason());
        assertTrue(e.oneLine(Locale.JAPANESE).contains("レジストリ"));
    }

    @Test
    void theShippedStyleInitScriptExportsXMailCmdLineAsMailCmdLine() throws Exception {
        Startup s = Startups.serviceFile(fixture("xmail.init"));
        assertEquals(Startup.Kind.INIT_SCRIPT, s.kind());
        assertEquals(Platform.UNIX, s.platform());
        assertEquals("/var/MailRoot", s.mailRoot().orElseThrow());
        assertEquals(List.of("-Sl", "-Pl", "-Ql", "-Mr", "24", "-SI", "192.0.2.10", "-PI", "192.0.2.10"), texts(s));
        Place p = s.args().get(0).place();
        assertEquals(5, p.line(), "the text is written on XMAIL_CMD_LINE's line");
        assertEquals("XMAIL_CMD_LINE", p.label());
        assertEquals(List.of(), s.issues());
    }

    @Test
    void aDefaultsFileAlone() throws Exception {
        Startup s = Startups.serviceFile(fixture("xmail.default"));
        assertEquals(Startup.Kind.DEFAULTS_FILE, s.kind());
        assertEquals("/srv/mail/MailRoot", s.mailRoot().orElseThrow());
        assertEquals(
                List.of("SMTP 0.0.0.0:25", "POP3 0.0.0.0:110", "CTRL 0.0.0.0:6017", "FINGER 0.0.0.0:79"),
                XMailOptionsTest.listening(s.options()));
    }

    @Test
    void aSystemdUnitJoinsExecStartAndEnvironment() throws Exception {
        Startup s = Startups.serviceFile(fixture("xmail.service"));
        assertEquals(Startup.Kind.SYSTEMD_UNIT, s.kind());
        assertEquals(
                List.of("-Ms", "/var/MailRoot", "-CI", "127.0.0.1", "-F-", "-Cl", "-Mr", "24", "-Pl", "-Ql", "-Sl"),
                texts(s));
        assertEquals(
                List.of(false, false, false, false, false, true, true, true, true, true, true),
                s.args().stream().map(Arg::environment).toList());
        assertEquals(Code.ENVIRONMENT_FILE, s.issues().get(0).code());
        assertEquals(List.of("/etc/default/xmail"), s.issues().get(0).args());
    }

    @Test
    void startStopDaemonArgumentsAndCommandSubstitutionsAreReportedNotGuessed() throws Exception {
        Startup s = Startups.serviceFile(fixture("debian.init"));
        assertEquals(List.of("-Md", "-Sl", "-Mr", "$(cat /etc/xmail/rotate)"), texts(s));
        assertTrue(s.issues().stream()
                .anyMatch(i -> i.code() == Code.NOT_EVALUATED && i.args().get(0).equals("$(cat /etc/xmail/rotate)")));
    }

    @Test
    void aFileThatStartsNoXMailIsAnInputError() throws Exception {
        Path f = Files.writeString(dir.resolve("nginx.service"), "[Service]\nExecStart=/usr/sbin/nginx\n");
        assertEquals(
                InputException.Reason.NOT_A_SERVICE_FILE,
                assertThrows(InputException.class, () -> Startups.serviceFile(f))
                        .reason());
    }

    @Test
    void aTypedLineMayStartWithTheProgram() {
        Startup s = Startups.typed("C:\\MailRoot\\bin\\XMail.exe -Sl -Pl");
        assertEquals(List.of("-Sl", "-Pl"), texts(s));
        assertEquals(Platform.WINDOWS, s.platform());
        assertEquals(Platform.UNKNOWN, Startups.typed("-Sl").platform());
        assertEquals(
                "-Ms \"C:\\Mail Root\" -Sl",
                Startups.typed("-Ms \"C:\\Mail Root\" -Sl").line());
    }

    private Path mailRoot() throws IOException {
        Path root = Files.createDirectories(dir.resolve("MailRoot"));
        Files.writeString(root.resolve("server.tab"), "\"RootDomain\"\t\"example.jp\"\n");
        return root;
    }

    @Test
    void aMailRootFileIsPickedUpTheFirstNameWinsAndOthersAreNamed() throws Exception {
        Path root = mailRoot();
        assertTrue(Startups.find(MailRoot.open(root)).isEmpty());
        Files.writeString(root.resolve("xmail.cmdline"), "# as typed in the registry\r\n-Sl -Pl\r\n-X- -B- -W-\r\n");
        Files.copy(StartupsTest.class.getResourceAsStream("xmail.service"), root.resolve("xmail.service"));
        Startup s = Startups.find(MailRoot.open(root)).orElseThrow();
        assertTrue(s.automatic());
        assertEquals(List.of("-Sl", "-Pl", "-X-", "-B-", "-W-"), texts(s));
        assertEquals(2, s.args().get(0).place().line());
        assertEquals(List.of(root.resolve("xmail.service")), s.alsoFound());
        assertTrue(s.describe(Locale.ENGLISH).endsWith("found in the MailRoot"), s.describe(Locale.ENGLISH));
    }

    @Test
    void aLinkOutOfTheMailRootIsNotFollowedAndBecomesAReadErrorOfTheMailRoot() throws Exception {
        Path root = mailRoot();
        Path outside = Files.writeString(dir.resolve("secret.txt"), "-Sl\n");
        Needs.symbolicLink(root.resolve("xmail.cmdline"), outside);
        MailRoot opened = MailRoot.open(root);
        InputException e = assertThrows(InputException.class, () -> Startups.find(opened));
        assertEquals(InputException.Reason.LINK_OUTSIDE, e.reason());
        assertEquals(1, opened.readErrors().size());
        Path inside = Files.writeString(root.resolve("cmdline.txt"), "-Pl\n");
        Files.delete(root.resolve("xmail.cmdline"));
        Needs.symbolicLink(root.resolve("xmail.cmdline"), inside);
        assertEquals(List.of("-Pl"), texts(Startups.find(MailRoot.open(root)).orElseThrow()));
    }

    @Test
    void aDirectoryAFifoOrAHugeFileIsRefused() throws Exception {
        Path root = mailRoot();
        Files.createDirectory(root.resolve("xmail.reg"));
        assertEquals(
                InputException.Reason.NOT_A_FILE,
                assertThrows(InputException.class, () -> Startups.find(MailRoot.open(root)))
                        .reason());
        Files.delete(root.resolve("xmail.reg"));
        Needs.fifo(root.resolve("xmail.reg"));
        assertEquals(
                InputException.Reason.SPECIAL_FILE,
                assertThrows(InputException.class, () -> Startups.find(MailRoot.open(root)))
                        .reason());
        Path big = dir.resolve("big.reg");
        Files.write(big, new byte[(int) StartupFiles.POLICY.maxBytes() + 1]);
        assertEquals(
                InputException.Reason.TOO_LARGE,
                assertThrows(InputException.class, () -> Startups.registry(big)).reason());
    }

    @Test
    void aHostileStartScriptOfAMegabyteIsReadWithoutRunningAnything() throws Exception {
        // 30 000 assignments on one line, then the command: the last assignment counts, nothing is executed.
        StringBuilder b = new StringBuilder("#!/bin/sh\n");
        for (int i = 0; i < 30_000; i++) {
            b.append("XMAIL_CMD_LINE=\"-Sl $(rm -rf /)\" ");
        }
        b.append("XMAIL_CMD_LINE=-Pl\n/usr/sbin/XMail -Md\n");
        Path f = Files.writeString(dir.resolve("hostile.init"), b.toString());
        Startup s = Startups.serviceFile(f);
        assertEquals(List.of("-Md", "-Pl"), texts(s));
        assertEquals(
                List.of(),
                s.issues().stream().filter(i -> i.code() == Code.NOT_EVALUATED).toList(),
                "the command substitutions ended up in a value XMail does not get");
    }
}
