package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.TextEncoding;
import org.xmailkit.model.fs.WritePolicy;
import org.xmailkit.model.testing.MailRootFixture;

/** {@code xmailkit migrate} end to end, in process: dry run, --write, rerun, --rollback, --out, batch errors. */
class MigrateCommandTest {

    @TempDir
    Path tmp;

    private static final String V122 = """
            # XMail 1.22 server.tab
            "RootDomain"\t"example.jp"
            "PostMaster"\t"postmaster@example.jp"
            "DynDnsSetup"\t"members.dyn.example,80,/nic/update?ip=%s,alice,s3cret"
            "DefaultSMTPGateways"\t"gw1.isp.example,gw2.isp.example"
            "SmtpConfig"\t"Mail-Auth"
            """;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

    private Run last;

    private ExitCode run(String... args) {
        return run(new Cli(), args);
    }

    private ExitCode run(Cli cli, String... args) {
        last = Run.in(tmp).cli(cli).clock(CLOCK).run(args);
        return last.exit();
    }

    private String stdout() {
        return last.out();
    }

    private String stderr() {
        return last.err();
    }

    private List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void dryRunPrintsPlanAndDiffAndWritesNothing() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("s1")).serverTab(V122).write();

        assertEquals(ExitCode.OK, run("migrate", "s1", "--from", "1.22"));

        String o = stdout();
        assertTrue(o.contains("plan ("), o);
        assertTrue(o.contains("[gateway-separator]"), o);
        assertTrue(o.contains("+\"DefaultSMTPGateways\"\t\"gw1.isp.example;gw2.isp.example\""), o);
        assertTrue(o.contains("+\"SmtpConfig\"\t\"mail-auth\""), o);
        assertFalse(o.contains("s3cret"), "the DynDNS password is never printed");
        assertTrue(o.contains("Servers: 1; with changes: 1, unchanged: 0, failed: 0. Dry run"), o);
        assertEquals(V122, Files.readString(root.resolve("server.tab")));
        assertEquals(List.of("server.tab"), files(root));
    }

    @Test
    void writeThenRerunThenRollback() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("s1"))
                .serverTab(V122)
                .file("smtpfwd.tab", "\"partner.example\"\t\"mx1.partner.example,mx2.partner.example\"\n")
                .write();
        byte[] before = Files.readAllBytes(root.resolve("server.tab"));

        assertEquals(ExitCode.OK, run("migrate", "s1", "--from", "1.22", "--write"));
        assertTrue(stdout().contains("Servers: 1; written: 1, unchanged: 0, failed: 0."), stdout());
        String migrated = Files.readString(root.resolve("server.tab"));
        assertTrue(migrated.contains("gw1.isp.example;gw2.isp.example"));
        assertFalse(migrated.contains("DynDnsSetup"));
        assertEquals(
                "\"partner.example\"\t\"mx1.partner.example;mx2.partner.example\"\n",
                Files.readString(root.resolve("smtpfwd.tab")));
        assertEquals(
                List.of(
                        "server.tab",
                        "server.tab.xmailkit-20250301T100000Z.bak",
                        "server.tab.xmailkit-journal",
                        "server.tab.xmailkit-lock",
                        "smtpfwd.tab",
                        "smtpfwd.tab.xmailkit-20250301T100000Z.bak"),
                files(root));
        assertArrayEquals(before, Files.readAllBytes(root.resolve("server.tab.xmailkit-20250301T100000Z.bak")));

        assertEquals(ExitCode.OK, run("migrate", "s1", "--from", "1.22"));
        assertTrue(stdout().contains("plan: no changes"), stdout());
        assertFalse(stdout().contains("@@"), "a rerun has an empty diff");
        assertTrue(stdout().contains("with changes: 0, unchanged: 1"), stdout());

        assertEquals(ExitCode.OK, run("migrate", "s1", "--rollback"));
        assertTrue(stdout().contains("rolled back: 1"), stdout());
        assertArrayEquals(before, Files.readAllBytes(root.resolve("server.tab")));
        assertEquals(
                "\"partner.example\"\t\"mx1.partner.example,mx2.partner.example\"\n",
                Files.readString(root.resolve("smtpfwd.tab")));

        assertEquals(ExitCode.OK, run("migrate", "s1", "--rollback"));
        assertTrue(stdout().contains("nothing to roll back"), stdout());
    }

    @Test
    void writeWithABackupDirectoryKeepsTheMailRootClean() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("s1")).serverTab(V122).write();

        assertEquals(ExitCode.OK, run("migrate", "s1", "--from", "1.22", "--write", "--backup-dir", "bk"));

        assertEquals(List.of("server.tab"), files(root));
        assertEquals(ExitCode.OK, run("migrate", "s1", "--rollback", "--backup-dir", "bk"));
        assertEquals(V122, Files.readString(root.resolve("server.tab")));
    }

    @Test
    void outWritesAMigratedCopyOfTheWholeTree() throws Exception {
        MailRootFixture.in(tmp.resolve("fleet/a"))
                .serverTab(V122)
                .file("domains.tab", "\"example.jp\"\n")
                .write();
        MailRootFixture.in(tmp.resolve("fleet/b"))
                .serverTab("\"RootDomain\"\t\"b.example\"\n")
                .file("domains/b.example/u/user.tab", "\"RealName\"\t\"U\"\n")
                .write();

        assertEquals(ExitCode.OK, run("migrate", "fleet", "--from", "1.26", "--out", "copy"));

        assertTrue(stdout().contains("Servers: 2, copied to"), stdout());
        assertEquals(V122, Files.readString(tmp.resolve("fleet/a/server.tab")), "originals are untouched");
        assertTrue(Files.readString(tmp.resolve("copy/a/server.tab")).contains("\"DefaultSmtpPerms\"\t\"MR\""));
        assertEquals("\"example.jp\"\n", Files.readString(tmp.resolve("copy/a/domains.tab")));
        assertEquals("\"RealName\"\t\"U\"\n", Files.readString(tmp.resolve("copy/b/domains/b.example/u/user.tab")));

        assertEquals(ExitCode.USAGE, run("migrate", "fleet", "--out", "copy"));
        assertTrue(stderr().contains("not an empty directory"), stderr());
        assertEquals(ExitCode.USAGE, run("migrate", "fleet", "--out", "fleet/a/copy"));
    }

    @Test
    void aBrokenServerIsAnErrorEntryAndTheBatchGoesOn() throws Exception {
        MailRootFixture.in(tmp.resolve("fleet/good")).serverTab(V122).write();
        MailRootFixture.in(tmp.resolve("fleet/broken"))
                .bytes("server.tab", new byte[] {'M', 'Z', 0, 0, 1, 2})
                .write();

        assertEquals(ExitCode.PARTIAL, run("migrate", "fleet", "--from", "1.22", "--write"));

        assertTrue(stderr().contains("broken"), stderr());
        assertEquals(1, stderr().lines().count(), "one line per failed server: " + stderr());
        assertTrue(stdout().contains("Servers: 2; written: 1, unchanged: 0, failed: 1."), stdout());
        assertTrue(Files.readString(tmp.resolve("fleet/good/server.tab")).contains(";gw2.isp.example"));
    }

    @Test
    void aSingleMissingPathIsAnInputError() {
        assertEquals(ExitCode.INPUT, run("migrate", "nowhere"));
        assertTrue(stderr().startsWith(tmp.resolve("nowhere") + ": "), stderr());
    }

    @Test
    void usageErrors() {
        assertEquals(ExitCode.USAGE, run("migrate", "x", "--write", "--out", "y"));
        assertEquals(ExitCode.USAGE, run("migrate", "x", "--local-rule1", "on"));
        assertEquals(ExitCode.USAGE, run("migrate", "x", "--to", "1.28"));
        assertEquals(ExitCode.USAGE, run("migrate", "x", "--fix", "SEC-999"));
        assertEquals(ExitCode.USAGE, run("migrate", "x", "--fix", "everything"));
        assertEquals(ExitCode.USAGE, run("migrate", "x", "--rollback", "--from", "1.22"));
        assertEquals(ExitCode.USAGE, run("migrate", "x", "--backup-dir", "b"));
        assertEquals(ExitCode.USAGE, run("migrate", "x", "--from", "one"));
        assertTrue(stderr().contains("--from"), stderr());
    }

    @Test
    void xmailCfgShiftJisServerToTheLocalizedBuildKeepsEncodingAndCrlf() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("cfg"))
                .crlf()
                .charset(TextEncoding.WINDOWS_31J)
                .serverTab("""
                "RootDomain"\t"example.jp"
                "SmtpMsgIPBandMaps"\t"550 不正中継データベースに登録されています"
                "SmtpGwConfig-NeedTLS"\t"1"
                "SmtpGwConfig-OutBind"\t""
                """)
                .write();

        assertEquals(
                ExitCode.OK,
                run(
                        "migrate",
                        "cfg",
                        "--from",
                        "1.27",
                        "--to",
                        "1.27-localized",
                        "--local-rule1",
                        "on",
                        "--write",
                        "--lang",
                        "ja"));

        String text = new String(Files.readAllBytes(root.resolve("server.tab")), TextEncoding.WINDOWS_31J);
        assertEquals(
                "\"RootDomain\"\t\"example.jp\"\r\n"
                        + "\"SmtpMsgIPBanMaps\"\t\"550 不正中継データベースに登録されています\"\r\n"
                        + "\"SmtpGwConfig\"\t\"NeedTLS=1\"\r\n"
                        + "\r\n"
                        + "# [ローカライズ版専用設定] アップデート・ローカライズ版 XMail 1.27 だけが読む設定です (オリジナル版では無視されます)\r\n"
                        + "\"SMTPLocalRule1\"\t\"1\"\r\n"
                        + "\"SMTPLocalRule2\"\t\"0\"\r\n"
                        + "# xmailkit: migrated to 1.27-localized from 1.27\r\n",
                text);
        assertTrue(stdout().contains("計画"), stdout());
        assertTrue(stdout().contains("+\"SmtpMsgIPBanMaps\"\t\"550 不正中継データベースに登録されています\""), stdout());

        assertEquals(
                ExitCode.OK, run("migrate", "cfg", "--from", "1.27", "--to", "1.27-localized", "--local-rule1", "on"));
        assertTrue(stdout().contains("plan: no changes"), stdout());
    }

    @Test
    void fixAppliesSafeFixesOnlyWhenAskedAndOptInFixesOnlyWhenNamed() throws Exception {
        String tab = """
                "RootDomain"\t"example.jp"
                "Pop3LogPasswd"\t"2"
                "EnableAuthSMTP-POP3"\t"1"
                "DefaultSmtpPerms"\t"MR"
                """;
        Path root = MailRootFixture.in(tmp.resolve("s")).serverTab(tab).write();

        assertEquals(ExitCode.OK, run("migrate", "s", "--from", "1.27", "--write"));
        assertEquals(tab, Files.readString(root.resolve("server.tab")), "nothing is fixed by default");

        assertEquals(ExitCode.OK, run("migrate", "s", "--from", "1.27", "--fix", "safe", "--write"));
        String safe = Files.readString(root.resolve("server.tab"));
        assertTrue(safe.contains("\"Pop3LogPasswd\"\t\"0\""), safe);
        assertTrue(safe.contains("\"EnableAuthSMTP-POP3\"\t\"1\""), "an opt-in fix needs its rule named: " + safe);
        assertTrue(stdout().contains("[fix]"), stdout());

        assertEquals(ExitCode.OK, run("migrate", "s", "--from", "1.27", "--fix", "SEC-004", "--write"));
        assertTrue(Files.readString(root.resolve("server.tab")).contains("\"EnableAuthSMTP-POP3\"\t\"0\""));
    }

    @Test
    void helpListsTheCommandAndItsOptions() {
        assertEquals(ExitCode.OK, run("migrate", "--help"));
        assertTrue(stdout().contains("--backup-dir"), stdout());
        assertEquals(ExitCode.OK, run("--help"));
        assertTrue(stdout().contains("migrate"), stdout());
    }

    @Test
    void aWriteTheFileSystemRefusesIsOneClearLineAndLeavesTheOriginal() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("s1")).serverTab(V122).write();
        WritePolicy denied = WritePolicy.withHook((stage, target) -> {
            throw new AccessDeniedException(target.toString());
        });

        ExitCode code = run(new Cli(List.of(new MigrateCommand(denied))), "migrate", "s1", "--from", "1.22", "--write");

        assertEquals(ExitCode.INPUT, code, stderr());
        List<String> lines = stderr().lines().toList();
        assertEquals(1, lines.size(), stderr());
        assertTrue(lines.get(0).contains("permission denied; nothing was written"), lines.get(0));
        assertTrue(lines.get(0).contains(root.resolve("server.tab").toString()), lines.get(0));
        assertFalse(stderr().contains("Exception"), stderr());
        assertEquals(V122, Files.readString(root.resolve("server.tab")));
    }

    /**
     * Three servers, one of which holds SMTP-TLS as its only version evidence, which the migration removes: the
     * second {@code --write} finds the record the first left and changes nothing, smtpfwd.tab included.
     */
    @Test
    void aSecondWriteChangesNothingEvenWhenTheFirstRemovedTheOnlyVersionEvidence() throws Exception {
        String fwd = "\"partner.example\"\t\"mx1.partner.example,mx2.partner.example\"\n";
        MailRootFixture.in(tmp.resolve("fleet/s0"))
                .serverTab("\"RootDomain\"\t\"example.jp\"\n")
                .file("smtpfwd.tab", fwd)
                .write();
        MailRootFixture.in(tmp.resolve("fleet/s1"))
                .serverTab("\"RootDomain\"\t\"example.jp\"\n")
                .write();
        Path s2 = MailRootFixture.in(tmp.resolve("fleet/s2"))
                .serverTab("\"SMTP-TLS\"\t\"0\"\n")
                .file("smtpfwd.tab", fwd)
                .write();

        assertEquals(ExitCode.OK, run("migrate", "fleet", "--write"));
        assertTrue(stdout().contains("Servers: 3; written: 1, unchanged: 2, failed: 0."), stdout());
        assertEquals(
                "\"DefaultSmtpPerms\"\t\"MR\"\n# xmailkit: migrated to 1.27 from 1.24\n",
                Files.readString(s2.resolve("server.tab")));
        assertEquals(fwd, Files.readString(s2.resolve("smtpfwd.tab")), "1.24 already read the comma the new way");
        Map<Path, byte[]> afterFirst = snapshot(tmp.resolve("fleet"));

        assertEquals(ExitCode.OK, run("migrate", "fleet", "--write"));
        assertTrue(stdout().contains("Servers: 3; written: 0, unchanged: 3, failed: 0."), stdout());
        assertTrue(
                stdout().contains("line 2 records an earlier xmailkit migration to 1.27 that assumed 1.24"), stdout());
        Map<Path, byte[]> afterSecond = snapshot(tmp.resolve("fleet"));
        assertEquals(afterFirst.keySet(), afterSecond.keySet(), "no file added or removed");
        afterFirst.forEach((p, b) -> assertArrayEquals(b, afterSecond.get(p), p.toString()));
    }

    /** Every regular file under a directory with its bytes. */
    private static Map<Path, byte[]> snapshot(Path dir) throws Exception {
        Map<Path, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(p, Files.readAllBytes(p));
            }
        }
        return m;
    }
}
