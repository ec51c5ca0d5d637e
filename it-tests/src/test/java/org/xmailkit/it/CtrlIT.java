package org.xmailkit.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.it.RealXMail.Service;
import org.xmailkit.migrate.BatchListener;
import org.xmailkit.migrate.BatchMigrator;
import org.xmailkit.migrate.MigrationOptions;
import org.xmailkit.migrate.Migrator;
import org.xmailkit.migrate.ServerOutcome;
import org.xmailkit.migrate.ctrl.CtrlRemote;
import org.xmailkit.model.XMailPassword;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.ctrl.CtrlSession;
import org.xmailkit.model.ctrl.CtrlSettings;
import org.xmailkit.model.ctrl.CtrlTransport;
import org.xmailkit.model.ctrl.CtrlTrust;
import org.xmailkit.model.ctrl.CtrlUrl;
import org.xmailkit.model.ctrl.Origins;
import org.xmailkit.model.ctrl.RemoteMailRoot;
import org.xmailkit.model.fs.WritePolicy;
import org.xmailkit.model.testing.FakeCtrlServer;

/**
 * ctrl:// servers against the real XMail 1.27 on 127.0.0.1: CTRLS and #!TLS with the MD5 login, a wrong password,
 * the ctrl.ipmap.tab refusal, a Shift_JIS CRLF MailRoot with long lines audited remotely exactly as locally, a remote
 * migration giving the same bytes as a local one (and nothing the second time), the changed-in-between refusal, and
 * a connection killed during the upload.
 */
class CtrlIT {

    @RegisterExtension
    static final RealXMail XMAIL = RealXMail.of("1.27");

    private static final String PASSWORD = "It-Ctrl-5e1b7d";
    private static final Charset SJIS = Charset.forName("Shift_JIS");
    private static final MigrationOptions FROM_122 =
            MigrationOptions.standard().withFrom(Optional.of(XMailVersion.parse("1.22")));

    @TempDir
    Path tmp;

    /** The shipped MailRoot with a CTRL account, the test certificate and the given server.tab. */
    private Path mailRoot(String name, byte[] serverTab) throws Exception {
        Path root = XMAIL.shippedMailRoot(name);
        Files.writeString(
                root.resolve("ctrlaccounts.tab"),
                "\"admin\"\t\"" + XMailPassword.encode(PASSWORD) + "\"\n",
                StandardCharsets.US_ASCII);
        try (InputStream in = FakeCtrlServer.class.getResourceAsStream("/ctrl/server.p12")) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, FakeCtrlServer.STORE_PASSWORD.toCharArray());
            Certificate cert = ks.getCertificate("ctrl");
            Key key = ks.getKey("ctrl", FakeCtrlServer.STORE_PASSWORD.toCharArray());
            Files.writeString(root.resolve("server.cert"), pem("CERTIFICATE", cert.getEncoded()));
            Files.writeString(root.resolve("server.key"), pem("PRIVATE KEY", key.getEncoded()));
            Files.setPosixFilePermissions(root.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        }
        if (serverTab != null) {
            Files.write(root.resolve("server.tab"), serverTab);
        }
        return root;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private Path passwordFile(String password) throws IOException {
        Path f = Files.createTempFile(tmp, "pw", ".txt");
        Files.writeString(f, password + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    private CliRun cli(String... args) {
        return InProcess.runIn(tmp, StandardCharsets.UTF_8, Locale.ENGLISH, args);
    }

    private List<String> remote(RealXMail.Server xmail, Service service, String... more) throws IOException {
        List<String> a = new ArrayList<>(List.of(
                "ctrl://admin@127.0.0.1:" + xmail.port(service),
                "--ctrl-password-file",
                passwordFile(PASSWORD).toString(),
                "--ctrl-fingerprint",
                FakeCtrlServer.fingerprint("server.p12")));
        a.addAll(List.of(more));
        return a;
    }

    private static String[] args(String command, List<String> rest) {
        List<String> a = new ArrayList<>();
        a.add(command);
        a.addAll(rest);
        return a.toArray(String[]::new);
    }

    @Test
    void ctrlsAndStarttlsLogInWithMd5AndThePasswordNeverReachesTheServerOrItsLog() throws Exception {
        try (RealXMail.Server xmail =
                XMAIL.on(mailRoot("md5", null)).extra("-Cl").start()) {
            CliRun ctrls = cli(args("audit", remote(xmail, Service.CTRLS)));
            assertTrue(ctrls.exitCode() <= 1, ctrls.stderr());
            String server = "ctrl://admin@127.0.0.1:" + xmail.port(Service.CTRLS);
            assertTrue(ctrls.stdout().contains("== " + server + " =="), ctrls.stdout());
            assertTrue(ctrls.stderr().contains(server + ": copied "), ctrls.stderr());
            assertTrue(ctrls.stderr().contains("over CTRLS (TLS)"), ctrls.stderr());

            CliRun starttls = cli(args("audit", remote(xmail, Service.CTRL, "--ctrl-tls", "starttls")));
            assertTrue(starttls.exitCode() <= 1, starttls.stderr());
            assertTrue(starttls.stderr().contains("over CTRL with #!TLS"), starttls.stderr());

            // XMail's CTRL log (-Cl) records what the login line carried: the MD5 digest, never the password.
            String log = ctrlLog(xmail);
            assertTrue(log.contains("\"admin\"\t\"#"), log);
            assertFalse(log.contains(PASSWORD), log);
            for (CliRun r : List.of(ctrls, starttls)) {
                assertFalse(r.stdout().contains(PASSWORD) || r.stderr().contains(PASSWORD));
            }
        }
    }

    private static String ctrlLog(RealXMail.Server xmail) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 50 && b.length() == 0; i++) {
            try (Stream<Path> logs = Files.list(xmail.logs())) {
                for (Path p : logs.filter(p -> p.getFileName().toString().startsWith("ctrl-"))
                        .toList()) {
                    b.append(Files.readString(p, StandardCharsets.ISO_8859_1));
                }
            }
            sleep(100);
        }
        return b.toString();
    }

    @Test
    void aWrongPasswordIsRefusedWith00105() throws Exception {
        try (RealXMail.Server xmail = XMAIL.start(mailRoot("wrong", null))) {
            CliRun r = cli(
                    "audit",
                    "ctrl://admin@127.0.0.1:" + xmail.port(Service.CTRLS),
                    "--ctrl-password-file",
                    passwordFile("not-the-password").toString(),
                    "--ctrl-fingerprint",
                    FakeCtrlServer.fingerprint("server.p12"));
            assertEquals(3, r.exitCode(), r.stderr());
            assertTrue(r.stdout().contains("login refused (-00105"), r.stdout());
            assertFalse(r.stdout().contains("not-the-password") || r.stderr().contains("not-the-password"));
        }
    }

    @Test
    void ctrlIpmapRefusalAndTlsSwitchedOffAreReportedAsTheServerSaysThem() throws Exception {
        Path root = mailRoot("ipmap", null);
        Files.writeString(root.resolve("ctrl.ipmap.tab"), "\"0.0.0.0\"\t\"0.0.0.0\"\t\"DENY\"\t1\n");
        try (RealXMail.Server xmail = XMAIL.start(root)) {
            CliRun r = cli(args("audit", remote(xmail, Service.CTRLS)));
            assertEquals(3, r.exitCode(), r.stderr());
            assertTrue(r.stdout().contains("the server refused the connection (-00130"), r.stdout());
        }
        Path off = mailRoot("tls-off", null);
        String tab = Files.readString(off.resolve("server.tab"), StandardCharsets.ISO_8859_1)
                + "\"EnableCTRL-TLS\"\t\"0\"\n";
        Files.writeString(off.resolve("server.tab"), tab, StandardCharsets.ISO_8859_1);
        try (RealXMail.Server xmail = XMAIL.start(off)) {
            CliRun r = cli(args("audit", remote(xmail, Service.CTRL, "--ctrl-tls", "starttls")));
            assertEquals(3, r.exitCode(), r.stderr());
            assertTrue(r.stdout().contains("the server refused #!TLS (-00249"), r.stdout());
        }
    }

    /**
     * A MailRoot as XMailCFG leaves it on Japanese Windows: every file with CRLF, server.tab in Shift_JIS with a line
     * longer than the 2046 bytes cfgfileget sends at once.
     */
    private Path japaneseMailRoot(String name, byte[] serverTab) throws Exception {
        Path root = mailRoot(name, serverTab);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".tab") && !n.equals("server.tab")) {
                    String text =
                            Files.readString(p, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
                    Files.writeString(p, text.replace("\n", "\r\n"), StandardCharsets.ISO_8859_1);
                }
            }
        }
        return root;
    }

    /** A server.tab as XMailCFG writes it on Japanese Windows: Shift_JIS, CRLF, and a line longer than 2046 bytes. */
    private static byte[] japaneseCrlf() {
        String text = "# XMail 環境設定 (XMailCFG)\r\n"
                + "\"RootDomain\"\t\"example.jp\"\r\n"
                + "\"SmtpServerDomain\"\t\"mail.example.jp\"\r\n"
                + "\"POP3Domain\"\t\"example.jp\"\r\n"
                + "\"HeloDomain\"\t\"mail.example.jp\"\r\n"
                + "\"PostMaster\"\t\"postmaster@example.jp\"\r\n"
                + "\"ErrorsAdmin\"\t\"postmaster@example.jp\"\r\n"
                + "# 迷惑メール対策\r\n"
                + "\"CustomSMTPMessage\"\t\"" + "拒否".repeat(700) + "\"\r\n"
                + "\"SMTP-RARPCheck\"\t\"1\"\r\n"
                + "\"SmtpMsgIPBanSpammres\"\t\"1\"\r\n"
                + "\"DefaultSMTPGateways\"\t\"relay1.example.jp,relay2.example.jp\"\r\n"
                + "\"EnableCTRL-TLS\"\t\"1\"\r\n";
        return text.getBytes(SJIS);
    }

    @Test
    void aShiftJisCrlfMailRootWithLongLinesIsAuditedRemotelyExactlyAsLocally() throws Exception {
        byte[] tab = japaneseCrlf();
        assertTrue(new String(tab, SJIS).lines().anyMatch(l -> l.getBytes(SJIS).length > 2046));
        try (RealXMail.Server xmail = XMAIL.start(japaneseMailRoot("sjis", tab))) {
            // The same key permissions on both sides: the copy's files are 0600.
            Files.setPosixFilePermissions(
                    xmail.mailRoot().resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
            Path snapshot = tmp.resolve("snapshot");
            CliRun remote =
                    cli(args("audit", remote(xmail, Service.CTRLS, "-f", "json", "--snapshot", snapshot.toString())));
            CliRun local = InProcess.runIn(
                    xmail.mailRoot().getParent(),
                    StandardCharsets.UTF_8,
                    Locale.ENGLISH,
                    "audit",
                    "mailroot",
                    "-f",
                    "json");
            assertEquals(local.exitCode(), remote.exitCode(), remote.stderr());
            String server = "ctrl://admin@127.0.0.1:" + xmail.port(Service.CTRLS);
            List<String> l = findings(local.stdout(), "mailroot");
            assertFalse(l.isEmpty());
            assertTrue(l.stream().anyMatch(f -> f.startsWith("CFG-")), "the long line is found: " + l);
            assertEquals(l, findings(remote.stdout(), server));
            assertArrayEquals(
                    tab,
                    Files.readAllBytes(snapshot.resolve("127.0.0.1_" + xmail.port(Service.CTRLS))
                            .resolve("server.tab")),
                    "the copy holds the file's bytes");
            assertFalse(remote.stderr().contains("line breaks"), "nothing inexact: " + remote.stderr());
        }
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

    /** A legacy server.tab in LF, as an XMail on Linux writes it. */
    private static byte[] legacyLf() {
        return ("# legacy\n\"RootDomain\"\t\"example.jp\"\n\"SmtpServerDomain\"\t\"mail.example.jp\"\n"
                        + "\"SMTP-RARPCheck\"\t\"1\"\n\"DefaultSMTPGateways\"\t\"relay1.example.jp,relay2.example.jp\"\n"
                        + "\"SmtpConfig\"\t\"MAIL-AUTH\"\n\"EnableCTRL-TLS\"\t\"1\"\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aRemoteMigrationWritesTheSameBytesAsALocalOneAndASecondRunChangesNothing() throws Exception {
        Path local = mailRoot("local-twin", legacyLf());
        CliRun localRun = InProcess.runIn(
                local.getParent(),
                StandardCharsets.UTF_8,
                Locale.ENGLISH,
                "migrate",
                local.getFileName().toString(),
                "--write",
                "--from",
                "1.22");
        assertEquals(0, localRun.exitCode(), localRun.stderr());
        try (RealXMail.Server xmail = XMAIL.start(mailRoot("remote-migrate", legacyLf()))) {
            Path backups = tmp.resolve("backups");
            List<String> opts =
                    remote(xmail, Service.CTRLS, "--write", "--from", "1.22", "--backup-dir", backups.toString());
            CliRun first = cli(args("migrate", opts));
            assertEquals(0, first.exitCode(), first.stderr());
            assertArrayEquals(
                    Files.readAllBytes(local.resolve("server.tab")),
                    Files.readAllBytes(xmail.mailRoot().resolve("server.tab")),
                    "the same bytes as a local migration");
            assertFalse(Files.exists(xmail.mailRoot().resolve(CtrlRemote.PROBE)), "the probe file is gone");
            CliRun second = cli(args("migrate", opts));
            assertEquals(0, second.exitCode(), second.stderr());
            assertTrue(second.stdout().contains("written: 0, unchanged: 1"), second.stdout());
            try (Stream<Path> files = Files.walk(backups)) {
                List<Path> baks =
                        files.filter(p -> p.toString().endsWith(".bak")).toList();
                assertEquals(1, baks.size());
                assertArrayEquals(legacyLf(), Files.readAllBytes(baks.get(0)));
            }
            CliRun back = cli(
                    args("migrate", remote(xmail, Service.CTRLS, "--rollback", "--backup-dir", backups.toString())));
            assertEquals(0, back.exitCode(), back.stderr());
            assertArrayEquals(legacyLf(), Files.readAllBytes(xmail.mailRoot().resolve("server.tab")));
        }
    }

    private static CtrlRemote.Connector connector(int port, CtrlTransport transport) {
        CtrlSettings s = new CtrlSettings(
                transport,
                new CtrlTrust.Pinned(FakeCtrlServer.fingerprint("server.p12")),
                Duration.ofSeconds(10),
                Duration.ofSeconds(20));
        return () -> CtrlSession.open(
                new CtrlUrl("admin", "127.0.0.1", port), s, PASSWORD.getBytes(StandardCharsets.US_ASCII));
    }

    /** Copies the server as the command line does, then runs one --write through the migrate API. */
    private ServerOutcome writeThrough(
            CtrlRemote.Connector copyWith, CtrlRemote.Connector writeWith, String name, Runnable between)
            throws Exception {
        Path copy = tmp.resolve("copy-" + name);
        try (CtrlSession s = copyWith.open()) {
            RemoteMailRoot.copy(s, copy);
        }
        between.run();
        try (Origins.Registration r =
                        Origins.register(copy, new Origins.Origin("ctrl://admin@" + name, CtrlTransport.TLS));
                CtrlRemote remote = new CtrlRemote("ctrl://admin@" + name, writeWith)) {
            BatchMigrator.Options o = new BatchMigrator.Options(
                    BatchMigrator.Mode.WRITE,
                    FROM_122,
                    Optional.of(tmp.resolve("backups-" + name)),
                    Clock.systemUTC(),
                    1);
            ServerOutcome out = new BatchMigrator(new Migrator(), WritePolicy.STANDARD)
                    .run(
                            List.of(new BatchMigrator.Job(copy, Optional.empty(), Optional.of(remote))),
                            o,
                            BatchListener.NONE)
                    .outcomes()
                    .get(0);
            out.error(Locale.ENGLISH); // rendered while the copy is still named after the server
            return out;
        }
    }

    @Test
    void aFileChangedOnTheServerBetweenThePlanAndTheUploadIsRefused() throws Exception {
        try (RealXMail.Server xmail = XMAIL.start(mailRoot("changed", legacyLf()))) {
            CtrlRemote.Connector c = connector(xmail.port(Service.CTRLS), CtrlTransport.TLS);
            byte[] theirs = ("# edited meanwhile\n" + new String(legacyLf(), StandardCharsets.US_ASCII))
                    .getBytes(StandardCharsets.US_ASCII);
            ServerOutcome o = writeThrough(c, c, "changed", () -> xmail.serverTab(theirs));
            assertEquals(ServerOutcome.Status.FAILED, o.status());
            assertTrue(o.error(Locale.ENGLISH).contains("changed since it was read"), o.error(Locale.ENGLISH));
            assertArrayEquals(theirs, Files.readAllBytes(xmail.mailRoot().resolve("server.tab")));
        }
    }

    @Test
    void aConnectionKilledDuringTheUploadEndsWithTheOriginalBackAndTheServerFailed() throws Exception {
        StringBuilder big = new StringBuilder(new String(legacyLf(), StandardCharsets.US_ASCII));
        for (int i = 0; i < 3000; i++) {
            big.append("# comment line ").append(i).append(" to make the upload long enough to cut\n");
        }
        byte[] original = big.toString().getBytes(StandardCharsets.US_ASCII);
        try (RealXMail.Server xmail = XMAIL.start(mailRoot("killed", original));
                CuttingProxy proxy = CuttingProxy.to(
                        xmail.port(Service.CTRL),
                        "\"cfgfileset\"\t\"server.tab\"\r\n".getBytes(StandardCharsets.US_ASCII),
                        20_000)) {
            CtrlRemote.Connector direct = connector(xmail.port(Service.CTRL), CtrlTransport.CLEARTEXT);
            CtrlRemote.Connector cut = connector(proxy.port(), CtrlTransport.CLEARTEXT);
            ServerOutcome o = writeThrough(direct, cut, "killed", () -> {});
            assertTrue(proxy.cut(), "the proxy killed the upload");
            assertEquals(ServerOutcome.Status.FAILED, o.status());
            String error = o.error(Locale.ENGLISH);
            assertTrue(error.contains("cut short"), error);
            Path backup;
            try (Stream<Path> files = Files.walk(tmp.resolve("backups-killed"))) {
                backup = files.filter(p -> p.toString().endsWith(".bak"))
                        .findFirst()
                        .orElseThrow();
            }
            assertTrue(error.contains(backup.toString()), "names the backup: " + error);
            assertArrayEquals(original, Files.readAllBytes(backup));
            // XMail installs the lines it received once it sees the connection end; xmailkit finds them and puts
            // the original back.
            assertTrue(error.contains("server installed part of it") && error.contains("uploaded again"), error);
            assertArrayEquals(
                    original,
                    Files.readAllBytes(xmail.mailRoot().resolve("server.tab")),
                    "the original is back on the server");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
