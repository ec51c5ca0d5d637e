package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.testing.FakeCtrlServer;
import org.xmailkit.model.testing.MailRootFixture;

/**
 * ctrl:// servers through the command line, against the in-process fake CTRL server: outputs name the server, a
 * remote audit equals the local audit of the same files, failures stay per server, and the password appears nowhere.
 */
class CtrlCommandsTest {

    private static final String PASSWORD = "Pw-7f3a9c-never-shown";

    @TempDir
    Path tmp;

    private Path passwordFile;
    private Path knownHosts;
    private Path mailRoot;

    @BeforeEach
    void setUp() throws IOException {
        passwordFile = tmp.resolve("ctrl.pw");
        Files.writeString(passwordFile, PASSWORD + "\n");
        if (Files.getFileAttributeView(passwordFile, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        }
        knownHosts = tmp.resolve("known_hosts");
        mailRoot = MailRootFixture.in(tmp.resolve("local"))
                .xmail127Default()
                .file(
                        "server.tab",
                        "\"RootDomain\"\t\"example.jp\"\n\"SMTP-RARPCheck\"\t\"1\"\n"
                                + "\"DefaultSMTPGateways\"\t\"a.example,b.example\"\n\"SmtpConfig\"\t\"MAIL-AUTH\"\n")
                .write();
    }

    private FakeCtrlServer server() {
        return FakeCtrlServer.ctrls().account("admin", PASSWORD).mailRoot(mailRoot);
    }

    private static String url(FakeCtrlServer s) {
        return "ctrl://admin@127.0.0.1:" + s.port();
    }

    private String[] args(String command, FakeCtrlServer s, String... more) {
        List<String> a = new ArrayList<>(List.of(
                command,
                url(s),
                "--ctrl-password-file",
                passwordFile.toString(),
                "--ctrl-known-hosts",
                knownHosts.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static List<String> findings(String json, String server) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode s : new ObjectMapper().readTree(json).get("servers")) {
            for (JsonNode f : s.get("findings")) {
                String file = f.get("location").get("file").asText();
                String shown = file.equals(server) || file.startsWith(server + "/")
                        ? "SERVER" + file.substring(server.length())
                        : file;
                out.add(f.get("ruleId").asText() + " " + shown + ":"
                        + f.get("location").get("line").asInt() + " "
                        + f.get("message").asText());
            }
        }
        return out;
    }

    @Test
    void aRemoteAuditEqualsTheLocalAuditFindingForFinding() throws IOException {
        try (FakeCtrlServer s = server()) {
            Run remote = Run.of(tmp, args("audit", s, "-f", "json"));
            Run local = Run.of(tmp, "audit", "local", "-f", "json");
            assertEquals(local.exit(), remote.exit(), remote.err());
            List<String> r = findings(remote.out(), url(s));
            List<String> l = findings(local.out(), "local");
            assertFalse(l.isEmpty());
            assertEquals(l, r);
            assertTrue(remote.out().contains("\"" + url(s) + "/server.tab\""), "JSON names the server's file");
            assertTrue(remote.err().contains(url(s) + ": copied "), remote.err());
            assertTrue(remote.err().contains("first connection"), remote.err());
        }
    }

    @Test
    void textSarifAndHtmlNameTheServer() throws IOException {
        try (FakeCtrlServer s = server()) {
            Run text = Run.of(tmp, args("audit", s));
            assertTrue(text.out().contains("== " + url(s) + " =="), text.out());
            assertTrue(text.out().contains(url(s) + "/server.tab:2:"), text.out());
            Run sarif = Run.of(tmp, args("audit", s, "-f", "sarif"));
            assertTrue(sarif.out().contains("\"uri\" : \"" + url(s) + "/server.tab\""), sarif.out());
            Path out = tmp.resolve("report");
            Run report = Run.of(tmp, args("report", s, "--out", out.toString()));
            assertEquals(ExitCode.OK, report.exit(), report.err());
            try (Stream<Path> pages = Files.list(out.resolve("servers"))) {
                String page = Files.readString(pages.findFirst().orElseThrow());
                assertTrue(page.contains(url(s)), "the server page names its source");
            }
            Run show = Run.of(tmp, args("show", s));
            assertTrue(show.out().startsWith("# " + url(s) + "/server.tab"), show.out());
            assertFalse(
                    (text.out() + text.err() + sarif.out() + show.out()).contains("xmailkit-ctrl-"),
                    "no temporary folder is shown");
        }
    }

    @Test
    void thePasswordAppearsNowhereAndNeverCrossesTheWire() throws IOException {
        Path snapshot = tmp.resolve("snap");
        Path backups = tmp.resolve("backups");
        try (FakeCtrlServer s = server()) {
            List<Run> runs = List.of(
                    Run.of(tmp, args("audit", s, "--snapshot", snapshot.toString(), "--verbose")),
                    Run.of(tmp, args("audit", s, "-f", "json")),
                    Run.of(tmp, args("migrate", s, "--write", "--backup-dir", backups.toString(), "--verbose")),
                    Run.of(tmp, args("migrate", s, "--rollback", "--backup-dir", backups.toString())),
                    Run.of(tmp, "audit", "ctrl://admin:" + PASSWORD + "@127.0.0.1:" + s.port()));
            for (Run r : runs) {
                assertFalse(r.out().contains(PASSWORD), r.out());
                assertFalse(r.err().contains(PASSWORD), r.err());
            }
            assertEquals(ExitCode.USAGE, runs.get(4).exit(), "a password in the address is refused");
            for (String login : s.loginLines()) {
                assertFalse(login.contains(PASSWORD), login);
                assertTrue(login.matches("\"admin\"\t\"#[0-9a-f]{32}\""), login);
            }
            for (String c : s.commands()) {
                assertFalse(c.contains(PASSWORD), c);
            }
            for (Path dir : List.of(snapshot, backups, knownHosts)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.filter(Files::isRegularFile).toList()) {
                        assertFalse(
                                new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(PASSWORD),
                                p.toString());
                    }
                }
            }
        }
    }

    @Test
    void aSnapshotIsKeptPrivateAndATemporaryCopyIsDeleted() throws IOException {
        Path snapshot = tmp.resolve("snap");
        try (FakeCtrlServer s = server()) {
            Run kept = Run.of(tmp, args("audit", s, "--snapshot", snapshot.toString(), "-q"));
            assertTrue(kept.exit() == ExitCode.OK || kept.exit() == ExitCode.FINDINGS, kept.err());
            Path copy = snapshot.resolve("127.0.0.1_" + s.port());
            assertArrayEquals(
                    Files.readAllBytes(mailRoot.resolve("server.tab")), Files.readAllBytes(copy.resolve("server.tab")));
            if (Files.getFileAttributeView(copy, PosixFileAttributeView.class) != null) {
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
                assertEquals(
                        "rw-------",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.resolve("ctrlaccounts.tab"))));
            }
            Run again = Run.of(tmp, args("audit", s, "--snapshot", snapshot.toString()));
            assertEquals(ExitCode.USAGE, again.exit(), "a used snapshot folder is not written into: " + again.err());
            assertEquals(1, s.sessions(), "refused before connecting");
        }
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            long before = left.filter(p -> p.getFileName().toString().startsWith("xmailkit-ctrl-"))
                    .count();
            try (FakeCtrlServer s = server()) {
                Run.of(tmp, args("audit", s, "-q"));
            }
            try (Stream<Path> after = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                assertEquals(
                        before,
                        after.filter(p -> p.getFileName().toString().startsWith("xmailkit-ctrl-"))
                                .count(),
                        "the temporary copy is gone");
            }
        }
    }

    @Test
    void aServerThatCannotBeReadFailsAloneAndIsNamed() throws IOException {
        try (FakeCtrlServer good = server();
                FakeCtrlServer refused = server().refuse("-00130 Server does not like Your IP");
                FakeCtrlServer wrong =
                        FakeCtrlServer.ctrls().account("admin", "another").mailRoot(mailRoot)) {
            Run r = Run.of(
                    tmp,
                    "audit",
                    url(good),
                    url(refused),
                    url(wrong),
                    "--ctrl-password-file",
                    passwordFile.toString(),
                    "--ctrl-known-hosts",
                    knownHosts.toString(),
                    "-f",
                    "json");
            assertEquals(ExitCode.PARTIAL, r.exit(), r.err());
            assertTrue(r.err().contains(url(refused) + ": the server refused the connection (-00130"), r.err());
            assertTrue(r.err().contains(url(wrong) + ": login refused (-00105"), r.err());
            JsonNode servers = new ObjectMapper().readTree(r.out()).get("servers");
            assertEquals(3, servers.size());
            assertEquals(url(good), servers.get(0).get("path").asText());
        }
    }

    @Test
    void clearTextIsAFindingAndStillAnMd5Login() throws IOException {
        try (FakeCtrlServer s = FakeCtrlServer.ctrl().account("admin", PASSWORD).mailRoot(mailRoot)) {
            Run r = Run.of(tmp, args("audit", s, "--ctrl-insecure", "-f", "json"));
            assertTrue(r.out().contains("\"TLS-031\""), r.out());
            assertTrue(r.err().contains("clear text"), r.err());
            assertTrue(s.loginLines().get(0).matches("\"admin\"\t\"#[0-9a-f]{32}\""));
        }
    }

    @Test
    void aServersFileGivesEachServerItsOwnOptions() throws IOException {
        try (FakeCtrlServer a = server();
                FakeCtrlServer b =
                        FakeCtrlServer.ctrl().account("admin", PASSWORD).mailRoot(mailRoot)) {
            Path list = tmp.resolve("servers.txt");
            Files.writeString(
                    list,
                    "# fleet\n" + url(a) + " --ctrl-fingerprint " + a.fingerprint() + "\n\n" + url(b)
                            + " --ctrl-tls starttls --ctrl-known-hosts kh2\n");
            Run r = Run.of(
                    tmp,
                    "audit",
                    "--servers",
                    list.toString(),
                    "--ctrl-password-file",
                    passwordFile.toString(),
                    "-f",
                    "json");
            assertTrue(r.exit() == ExitCode.OK || r.exit() == ExitCode.FINDINGS, r.err());
            assertTrue(Files.readString(tmp.resolve("kh2")).contains(b.fingerprint()));
            // A line without its own options takes the command line's.
            Files.writeString(list, url(b) + " --ctrl-tls starttls\n");
            Run global = Run.of(
                    tmp,
                    "audit",
                    "--servers",
                    list.toString(),
                    "--ctrl-password-file",
                    passwordFile.toString(),
                    "--ctrl-known-hosts",
                    "kh3",
                    "-q");
            assertTrue(global.exit() == ExitCode.OK || global.exit() == ExitCode.FINDINGS, global.err());
            assertTrue(Files.readString(tmp.resolve("kh3")).contains(b.fingerprint()));
            Files.writeString(list, url(a) + " --ctrl-fingerprint nothex\n");
            Run bad = Run.of(tmp, "audit", "--servers", list.toString());
            assertEquals(ExitCode.USAGE, bad.exit());
            assertTrue(bad.err().contains("--ctrl-fingerprint"), bad.err());
        }
    }

    @Test
    void remoteMigrateWritesTheSameBytesAsALocalMigrateAndKeepsBackupsHere() throws IOException {
        Path copy = tmp.resolve("local-copy");
        MailRootFixture.in(copy)
                .xmail127Default()
                .bytes("server.tab", Files.readAllBytes(mailRoot.resolve("server.tab")))
                .write();
        Run local = Run.of(tmp, "migrate", copy.toString(), "--write");
        assertEquals(ExitCode.OK, local.exit(), local.err());
        try (FakeCtrlServer s = server()) {
            Run noBackups = Run.of(tmp, args("migrate", s, "--write"));
            assertEquals(ExitCode.USAGE, noBackups.exit());
            Path backups = tmp.resolve("backups");
            Run remote = Run.of(tmp, args("migrate", s, "--write", "--backup-dir", backups.toString()));
            assertEquals(ExitCode.OK, remote.exit(), remote.err());
            assertTrue(remote.out().contains("written: " + url(s) + "/server.tab"), remote.out());
            assertTrue(remote.out().contains("--- " + url(s) + "/server.tab\n"), "the diff names the server");
            assertArrayEquals(Files.readAllBytes(copy.resolve("server.tab")), s.file("server.tab"));
            Run second = Run.of(tmp, args("migrate", s, "--write", "--backup-dir", backups.toString()));
            assertEquals(ExitCode.OK, second.exit(), second.err());
            assertTrue(second.out().contains("written: 0, unchanged: 1"), second.out());
        }
    }
}
