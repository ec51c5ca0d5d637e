package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.TextEncoding;
import org.xmailkit.model.XMailPassword;
import org.xmailkit.report.OutputScan;

class DemoCommandTest {

    @TempDir
    static Path tmp;

    static Run demo;
    static Path out;
    static Path fleet;

    @BeforeAll
    static void runDemoOnce() {
        demo = Run.in(tmp).clock(Clock.systemUTC()).run("demo", "--out", "report");
        out = tmp.resolve("report");
        Matcher m = Pattern.compile("Sample fleet written to (.+)").matcher(demo.out());
        assertTrue(m.find(), demo.out());
        fleet = Path.of(m.group(1).strip());
    }

    /** The demo keeps the sample fleet for the user to try other commands on; the test does not. */
    @org.junit.jupiter.api.AfterAll
    static void removeTheSampleFleet() throws Exception {
        if (fleet != null && fleet.getFileName().toString().startsWith("xmailkit-demo-fleet-")) {
            try (var files = Files.walk(fleet)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void writesTheReportAndPrintsWhereItIs() throws Exception {
        assertEquals(ExitCode.OK, demo.exit(), demo.err());
        assertEquals(out.resolve("index.html").toString(), demo.lastLine());
        try (var s = Files.list(out.resolve("servers"))) {
            assertEquals(10, s.count());
        }
        assertTrue(Files.isRegularFile(out.resolve("rules.html")));
        OutputScan.check(out);
    }

    @Test
    void everyServerHasAMigrationPlanAndTheLegacyOnesADiff() throws Exception {
        String index = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertFalse(index.contains("data-readiness=\"not_planned\""), "every server gets a plan");
        String sendai = Files.readString(out.resolve("servers/sendai-legacy-10x.html"), StandardCharsets.UTF_8);
        assertTrue(sendai.contains("<table class=\"diff\">"));
        assertTrue(sendai.contains("id=\"delta\""));
        String kobe = Files.readString(out.resolve("servers/kobe-127.html"), StandardCharsets.UTF_8);
        assertTrue(kobe.contains("grade grade-a large"), "the well-kept server gets an A");
        assertTrue(Files.isRegularFile(out.resolve("report.json")));
        assertTrue(Files.isRegularFile(out.resolve("report.sarif")));
    }

    @Test
    void theSampleFleetCoversTheLegacyStyles() throws Exception {
        for (String server : List.of(
                "sendai-legacy-10x",
                "osaka-mx-11x",
                "nagoya-gw-122",
                "sapporo-124",
                "fukuoka-125",
                "naha-126",
                "kyoto-xmailcfg",
                "kobe-127",
                "xmailserver-default-127")) {
            assertTrue(Files.isRegularFile(fleet.resolve(server).resolve("server.tab")), server);
        }
        byte[] kyoto = Files.readAllBytes(fleet.resolve("kyoto-xmailcfg/server.tab"));
        assertEquals(TextEncoding.WINDOWS_31J, TextEncoding.detect(kyoto));
        String text = new String(kyoto, TextEncoding.WINDOWS_31J);
        assertTrue(text.contains("不正なアクセス"));
        assertEquals(text.split("\n").length, text.split("\r\n").length, "CRLF throughout");
        assertTrue(Files.isRegularFile(fleet.resolve(DemoCommand.BARE)));
    }

    @Test
    void certificatesAreMadeWhenTheDemoRunsAndMatchTheirStory() throws Exception {
        Instant now = Instant.now();
        X509Certificate sapporo = first(fleet.resolve("sapporo-124/server.cert"));
        assertTrue(sapporo.getNotAfter().toInstant().isBefore(now), "expired");
        assertEquals("SHA1withRSA", sapporo.getSigAlgName());
        X509Certificate kyoto = first(fleet.resolve("kyoto-xmailcfg/server.cert"));
        Duration left = Duration.between(now, kyoto.getNotAfter().toInstant());
        assertTrue(left.toDays() >= 18 && left.toDays() <= 20, left.toString());
        X509Certificate kobe = first(fleet.resolve("kobe-127/server.cert"));
        assertTrue(kobe.getNotAfter().toInstant().isAfter(now.plus(Duration.ofDays(60))));
        for (String s : List.of("sapporo-124", "kyoto-xmailcfg", "kobe-127", "naha-126")) {
            assertTrue(Files.readString(fleet.resolve(s).resolve("server.key")).contains("PRIVATE KEY"), s);
        }
        // Nothing of the kind is shipped.
        for (String name : DemoCommand.index()) {
            assertFalse(name.endsWith(".key") || name.endsWith(".cert") || name.endsWith(".pem"), name);
        }
    }

    @Test
    void noPasswordOrKeyOfTheSampleFleetAppearsInTheReport() throws Exception {
        List<String> secrets = secrets(fleet);
        assertTrue(secrets.size() > 15, secrets.toString());
        for (Path p : OutputScan.files(out)) {
            String s = Files.readString(p, StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertFalse(s.contains(secret), p + " shows " + secret);
            }
            assertFalse(s.contains("PRIVATE KEY-----"), p + " shows a key block");
        }
    }

    @Test
    void anOutputDirectoryWithOtherFilesIsRefused() throws Exception {
        Path busy = tmp.resolve("busy");
        Files.createDirectories(busy);
        Files.writeString(busy.resolve("mine.txt"), "keep");
        Run r = Run.in(tmp).clock(Clock.systemUTC()).run("demo", "--out", "busy");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("busy"), r.err());
        assertEquals("keep", Files.readString(busy.resolve("mine.txt")));
    }

    @Test
    void takesNoPaths() {
        assertEquals(
                ExitCode.USAGE,
                Run.in(tmp).clock(Clock.systemUTC()).run("demo", "somewhere").exit());
    }

    /**
     * The passwords and keys of the sample fleet worth hiding: every stored or decoded password that is not simply
     * the account name, the DynDNS credentials, and the lines of each private key.
     */
    static List<String> secrets(Path fleet) throws Exception {
        List<String> out = new ArrayList<>();
        Map<MailRootFile, int[]> columns = Map.of(
                MailRootFile.MAIL_USERS,
                new int[] {1, 2},
                MailRootFile.CTRL_ACCOUNTS,
                new int[] {0, 1},
                MailRootFile.SMTP_AUTH,
                new int[] {0, 1});
        try (var dirs = Files.list(fleet)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                for (var e : columns.entrySet()) {
                    Path f = d.resolve(e.getKey().fileName());
                    if (!Files.exists(f)) {
                        continue;
                    }
                    TabFile t = TabFile.parse(e.getKey(), f, Files.readAllBytes(f));
                    for (var row : t.document().dataRecords()) {
                        String user = row.value(e.getValue()[0]);
                        String stored = row.value(e.getValue()[1]);
                        String plain = e.getKey() == MailRootFile.SMTP_AUTH
                                ? stored
                                : XMailPassword.decode(stored).password();
                        if (plain.length() >= 6 && !user.contains(plain)) {
                            out.add(plain);
                            if (e.getKey() != MailRootFile.SMTP_AUTH) {
                                out.add(stored);
                            }
                        }
                    }
                }
                Path key = d.resolve("server.key");
                if (Files.exists(key)) {
                    for (String line : Files.readAllLines(key)) {
                        if (!line.startsWith("-----") && line.length() > 20) {
                            out.add(line);
                        }
                    }
                }
            }
        }
        out.add("Dyn#2001pass");
        return out;
    }

    private static X509Certificate first(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
