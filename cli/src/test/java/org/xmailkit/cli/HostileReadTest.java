package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.MailRoots;
import org.xmailkit.model.testing.Needs;
import org.xmailkit.model.testing.XMail127Default;

/**
 * A MailRoot written by someone else, read as root: the read side of the hostile-MailRoot attacks. Each test runs
 * the commands a user would, over every output format, and checks that nothing outside the tree is printed, that no
 * file outside it changed, that nothing hangs and that the exit code says the run was incomplete.
 */
class HostileReadTest {

    /** What /etc/shadow could hold: no output of any command may show any of it. */
    private static final String SHADOW = "root:$6$Sh4d0wHash$abcdefghijklmnop:19000:0:99999:7:::\n"
            + "daemon:*:19000:0:99999:7:::\n"
            + "\"ShadowLeak\"\t\"tab-separated-secret\"\n"
            + "198.51.100.123\t255.255.255.255\n";

    private static final List<String> SHADOW_MARKERS =
            List.of("Sh4d0wHash", "daemon:*", "ShadowLeak", "tab-separated-secret", "198.51.100.123");

    @TempDir
    Path tmp;

    /** A file outside every MailRoot, and how it was before the run. */
    private static final class Victim {
        private final Path path;
        private final byte[] bytes;
        private final FileTime modified;

        private Victim(Path path, byte[] bytes, FileTime modified) {
            this.path = path;
            this.bytes = bytes;
            this.modified = modified;
        }

        static Victim at(Path path, String content) throws IOException {
            Files.createDirectories(path.getParent());
            Files.writeString(path, content, StandardCharsets.ISO_8859_1);
            return new Victim(path, Files.readAllBytes(path), Files.getLastModifiedTime(path));
        }

        Path path() {
            return path;
        }

        void unchanged() throws IOException {
            assertArrayEquals(bytes, Files.readAllBytes(path), "the victim's bytes");
            assertEquals(modified, Files.getLastModifiedTime(path), "the victim was not touched");
        }
    }

    /** Every byte a run showed: stdout, stderr, and every file of a report directory. */
    private static String everything(Run r, Path reportDir) throws IOException {
        StringBuilder all = new StringBuilder(r.out()).append(r.err());
        if (reportDir != null && Files.isDirectory(reportDir)) {
            try (Stream<Path> s = Files.walk(reportDir)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    all.append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
                }
            }
        }
        return all.toString();
    }

    private static void nothingOfTheVictim(String shown, String what) {
        for (String m : SHADOW_MARKERS) {
            assertFalse(shown.contains(m), what + " shows '" + m + "' from outside the MailRoot");
        }
    }

    // ------------------------------------------------------------------ attack 3: links out of the tree

    @Test
    void attack3_serverTabAndSmtpRelayTabLinkedToShadowAreNeverPrintedInAnyFormat() throws Exception {
        Victim shadow = Victim.at(tmp.resolve("etc/shadow"), SHADOW);
        Path fleet = tmp.resolve("fleet");
        XMail127Default.copyTo(fleet.resolve("good"));
        Files.createDirectories(fleet.resolve("linked"));
        Files.createSymbolicLink(fleet.resolve("linked/server.tab"), shadow.path());
        Path relay = XMail127Default.copyTo(fleet.resolve("relay"));
        Files.deleteIfExists(relay.resolve("smtprelay.tab"));
        Files.createSymbolicLink(relay.resolve("smtprelay.tab"), shadow.path());

        for (String format : List.of("text", "json", "sarif", "html")) {
            Run searched = Run.of(tmp, "audit", "--format", format, "fleet");
            nothingOfTheVictim(everything(searched, null), "audit -f " + format + " of the fleet");
            assertEquals(ExitCode.PARTIAL, searched.exit(), format + ": " + searched.err());
            Run named = Run.of(tmp, "audit", "--format", format, "fleet/linked");
            nothingOfTheVictim(everything(named, null), "audit -f " + format + " of the linked MailRoot");
            assertEquals(ExitCode.INPUT, named.exit(), format);
            assertTrue(
                    everything(named, null).contains("fleet/linked/server.tab: not read: link leaves the MailRoot"),
                    format + ": " + named.out() + named.err());
            Run relayOnly = Run.of(tmp, "audit", "--format", format, "fleet/relay");
            nothingOfTheVictim(everything(relayOnly, null), "audit -f " + format + " of the relay MailRoot");
            assertEquals(ExitCode.PARTIAL, relayOnly.exit(), "a file not read leaves the audit incomplete");
        }
        Run text = Run.of(tmp, "audit", "fleet");
        assertTrue(text.out().contains("fleet/relay/smtprelay.tab: not read: link leaves the MailRoot"), text.out());
        assertTrue(text.out().contains("fleet/linked/server.tab: not read: link leaves"), text.out());

        Path site = tmp.resolve("site");
        Run report = Run.of(tmp, "report", "--out", "site", "fleet");
        nothingOfTheVictim(everything(report, site), "report (HTML, report.json, report.sarif)");
        assertEquals(ExitCode.PARTIAL, report.exit(), report.err());
        Run migrate = Run.of(tmp, "migrate", "fleet");
        nothingOfTheVictim(everything(migrate, null), "migrate");
        assertEquals(ExitCode.PARTIAL, migrate.exit(), migrate.err());
        Run named = Run.of(tmp, "migrate", "fleet/linked");
        nothingOfTheVictim(everything(named, null), "migrate of the linked MailRoot");
        assertEquals(ExitCode.INPUT, named.exit());
        Run show = Run.of(tmp, "show", "fleet/linked", "fleet/relay");
        nothingOfTheVictim(everything(show, null), "show");
        assertEquals(ExitCode.PARTIAL, show.exit());
        shadow.unchanged();
    }

    @Test
    void attack3_certificateKeyAndCaFilesLinkedOutAreRefusedAndNamed() throws Exception {
        Victim key = Victim.at(tmp.resolve("etc/ssl/private/other.key"), SHADOW);
        Path root = XMail127Default.copyTo(tmp.resolve("MailRoot"));
        Files.createSymbolicLink(root.resolve("server.key"), key.path());
        Files.createSymbolicLink(root.resolve("server.cert"), key.path());
        Files.createSymbolicLink(root.resolve("certs.pem"), key.path());
        Files.createSymbolicLink(root.resolve("certs"), key.path().getParent());
        for (String format : List.of("text", "json", "sarif", "html")) {
            Run r = Run.of(tmp, "audit", "--format", format, "MailRoot");
            nothingOfTheVictim(everything(r, null), "audit -f " + format);
            assertEquals(ExitCode.PARTIAL, r.exit(), format);
        }
        Run text = Run.of(tmp, "audit", "MailRoot");
        for (String f : List.of("server.key", "server.cert")) {
            assertTrue(text.out().contains("MailRoot/" + f + ": not read: link leaves the MailRoot"), text.out());
        }
        Path site = tmp.resolve("site");
        Run report = Run.of(tmp, "report", "--out", "site", "MailRoot");
        nothingOfTheVictim(everything(report, site), "report");
        key.unchanged();
    }

    // ------------------------------------------------------------------ attack 6: FIFOs, huge files

    @Test
    void attack6_fifosNamedServerKeyAndServerCertHangNeitherAuditNorMigrateNorReport() throws Exception {
        Path fleet = tmp.resolve("fleet");
        XMail127Default.copyTo(fleet.resolve("good"));
        Path trap = XMail127Default.copyTo(fleet.resolve("trap"));
        // TLS on (1.27's defaults), so that the audit wants server.cert and server.key.
        Files.writeString(trap.resolve("server.tab"), "\"RootDomain\"\t\"trap.example\"\n");
        Files.deleteIfExists(trap.resolve("server.key"));
        Files.deleteIfExists(trap.resolve("server.cert"));
        fifo(trap.resolve("server.key"));
        fifo(trap.resolve("server.cert"));
        // Opening a FIFO for reading blocks until a writer comes: each run returning at all shows none was opened.
        Duration limit = Duration.ofMinutes(2);
        Run audit = assertTimeoutPreemptively(limit, () -> Run.of(tmp, "audit", "fleet"));
        assertEquals(ExitCode.PARTIAL, audit.exit(), audit.err());
        assertTrue(audit.out().contains("fleet/trap/server.key: not read: a FIFO, device or socket"), audit.out());
        assertTrue(audit.out().contains("fleet/trap/server.cert: not read: a FIFO, device or socket"), audit.out());
        for (String format : List.of("json", "sarif", "html")) {
            Run r = assertTimeoutPreemptively(limit, () -> Run.of(tmp, "audit", "--format", format, "fleet"));
            assertEquals(ExitCode.PARTIAL, r.exit(), format);
            assertTrue(r.out().contains("FIFO"), format + " names the refused file");
        }
        Run migrate = assertTimeoutPreemptively(limit, () -> Run.of(tmp, "migrate", "fleet"));
        assertEquals(ExitCode.OK, migrate.exit(), "the migration itself reads no TLS file: " + migrate.err());
        Run report = assertTimeoutPreemptively(limit, () -> Run.of(tmp, "report", "--out", "site", "fleet"));
        assertEquals(ExitCode.PARTIAL, report.exit(), report.err());
        assertTrue(Files.readString(tmp.resolve("site/servers/trap.html")).contains("FIFO"));
        Run show = assertTimeoutPreemptively(limit, () -> Run.of(tmp, "show", "fleet"));
        assertEquals(ExitCode.OK, show.exit());
        assertTrue(
                Files.readAttributes(trap.resolve("server.key"), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                        .isOther(),
                "the FIFO is still a FIFO, nothing was written to it");
    }

    @Test
    void attack6_aServerTabOverTheLineBoundIsRefusedByItselfAndTheOthersAreAudited() throws Exception {
        Path fleet = tmp.resolve("fleet");
        XMail127Default.copyTo(fleet.resolve("a"));
        Path huge = Files.createDirectories(fleet.resolve("huge"));
        // 1 000 001 lines of two bytes: far under the size bound, one line over the line bound.
        Files.write(huge.resolve("server.tab"), "x\n".repeat(1_000_001).getBytes(StandardCharsets.US_ASCII));
        Run r = assertTimeoutPreemptively(
                Duration.ofMinutes(2), () -> Run.of(tmp, "audit", "--format", "json", "fleet"));
        assertEquals(ExitCode.PARTIAL, r.exit());
        assertTrue(
                r.err()
                        .contains("fleet/huge/server.tab: not read: 1,000,001 lines, over the limit of 1,000,000 "
                                + "lines for this kind of file"),
                r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(1, doc.get("summary").get("audited").asInt());
        assertEquals(1, doc.get("summary").get("failed").asInt());
        Run ja = Run.of(tmp, "audit", "--lang", "ja", "fleet/huge");
        assertTrue(
                (ja.out() + ja.err()).contains("1,000,001 行あり、この種類のファイルの上限 1,000,000 行を超えています"), ja.out() + ja.err());
    }

    /**
     * The heap a small server gets: a server.tab as large as the read bound allows, unique lines, audited, migrated
     * and reported beside two ordinary servers in a JVM limited to 64 MB. It cannot fit; it must fail alone.
     */
    @Test
    void attack6_aHugeServerTabUnderASmallHeapFailsAloneAndTheOthersAreStillDone() throws Exception {
        Path fleet = tmp.resolve("fleet");
        XMail127Default.copyTo(fleet.resolve("a"));
        XMail127Default.copyTo(fleet.resolve("c"));
        Path huge = Files.createDirectories(fleet.resolve("b"));
        try (Writer w = Files.newBufferedWriter(huge.resolve("server.tab"), StandardCharsets.US_ASCII)) {
            for (int i = 0; i < 1_000_000; i++) {
                w.write("V" + i + "\t" + i + "\n"); // unique lines, 14.8 MB
            }
        }
        String memory = "fleet/b: not processed: needs more memory than the Java heap";

        Small audit = small("audit", "--format", "json", "fleet");
        assertEquals(ExitCode.PARTIAL.code(), audit.exit(), audit.err());
        assertTrue(audit.err().contains(memory), audit.err());
        JsonNode doc = new ObjectMapper().readTree(audit.out());
        assertEquals(2, doc.get("summary").get("audited").asInt(), "a and c are audited all the same");
        assertEquals("failed", doc.get("servers").get(1).get("status").asText());

        Small migrate = small("migrate", "fleet");
        assertEquals(ExitCode.PARTIAL.code(), migrate.exit(), migrate.err());
        assertTrue(migrate.err().contains("b: not processed: needs more memory"), migrate.err());
        assertTrue(migrate.out().contains("== fleet/a") || migrate.out().contains("fleet/a  ("), migrate.out());
        assertTrue(migrate.out().contains("fleet/c"), migrate.out());

        Small report = small("report", "--out", "site", "fleet");
        assertEquals(ExitCode.PARTIAL.code(), report.exit(), report.err());
        assertTrue(report.err().contains(memory), report.err());
        assertTrue(Files.isRegularFile(tmp.resolve("site/servers/a.html")));
        assertTrue(Files.isRegularFile(tmp.resolve("site/servers/c.html")));
        JsonNode site =
                new ObjectMapper().readTree(tmp.resolve("site/report.json").toFile());
        assertEquals(2, site.get("summary").get("audited").asInt());
    }

    private record Small(int exit, String out, String err) {}

    /** Runs the CLI in a JVM of its own with a 64 MB heap, in the test's directory. */
    private Small small(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--lang",
                "en"));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("small.out");
        Path err = tmp.resolve("small.err");
        Process p = new ProcessBuilder(cmd)
                .directory(tmp.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("xmailkit " + String.join(" ", args) + " did not finish under a 64 MB heap");
        }
        return new Small(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    // ------------------------------------------------------------------ attack 8: what discovery skipped

    @Test
    void attack8_whatTheSearchSkippedIsNamedInEveryFormatAndTheRunExitsFour() throws Exception {
        Victim elsewhere = Victim.at(tmp.resolve("elsewhere/server.tab"), SHADOW);
        Path fleet = tmp.resolve("fleet");
        XMail127Default.copyTo(fleet.resolve("good"));
        Path deep = fleet;
        for (int i = 1; i <= MailRoots.MAX_DEPTH; i++) {
            deep = deep.resolve("d" + i);
        }
        XMail127Default.copyTo(deep.resolve("MailRoot"));
        Files.createDirectories(fleet.resolve("linked"));
        Files.createSymbolicLink(fleet.resolve("linked/server.tab"), elsewhere.path());
        Files.createSymbolicLink(fleet.resolve("outside-dir"), elsewhere.path().getParent());
        String tooDeep = "fleet/d1/d2/d3/d4/d5/d6/d7/d8/d9/d10/d11/d12";
        List<String> skipped = List.of(tooDeep, "fleet/linked/server.tab", "fleet/outside-dir");

        Run text = Run.of(tmp, "audit", "fleet");
        assertEquals(ExitCode.PARTIAL, text.exit());
        assertTrue(text.out().contains("Not searched (3)"), text.out());
        skipped.forEach(s -> assertTrue(text.out().contains(s + ": "), s + " in\n" + text.out()));
        assertTrue(text.out().contains(tooDeep + ": not searched below: more than 12 directory levels down"));

        Run quiet = Run.of(tmp, "audit", "--quiet", "fleet");
        assertEquals(ExitCode.PARTIAL, quiet.exit());
        skipped.forEach(s -> assertTrue(quiet.err().contains(s + ": "), "quiet text names " + s + " on stderr"));

        Run json = Run.of(tmp, "audit", "--format", "json", "fleet");
        assertEquals(ExitCode.PARTIAL, json.exit());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertTrue(doc.get("summary").get("incomplete").asBoolean());
        List<String> paths = new ArrayList<>();
        doc.get("skipped").forEach(n -> paths.add(n.get("path").asText()));
        assertEquals(skipped, paths.stream().sorted().toList());
        List<String> reasons = new ArrayList<>();
        doc.get("skipped").forEach(n -> reasons.add(n.get("reason").asText()));
        assertEquals(
                List.of("linkOutside", "linkOutside", "tooDeep"),
                reasons.stream().sorted().toList());

        Run sarif = Run.of(tmp, "audit", "--format", "sarif", "fleet");
        assertEquals(ExitCode.PARTIAL, sarif.exit());
        JsonNode invocation = new ObjectMapper()
                .readTree(sarif.out())
                .get("runs")
                .get(0)
                .get("invocations")
                .get(0);
        assertFalse(invocation.get("executionSuccessful").asBoolean());
        String notes = invocation.get("toolExecutionNotifications").toString();
        skipped.forEach(s -> assertTrue(notes.contains(s), s + " in SARIF"));

        Run html = Run.of(tmp, "audit", "--format", "html", "fleet");
        assertEquals(ExitCode.PARTIAL, html.exit());
        skipped.forEach(s -> assertTrue(html.out().contains(s + ": "), s + " in the HTML page"));

        Run report = Run.of(tmp, "report", "--out", "site", "fleet");
        assertEquals(ExitCode.PARTIAL, report.exit());
        String index = Files.readString(tmp.resolve("site/index.html"));
        assertTrue(index.contains("Not searched (3)"), index);
        skipped.forEach(s -> assertTrue(index.contains(s + ": "), s + " on the fleet page"));
        skipped.forEach(s -> assertTrue(report.err().contains(s + ": "), s + " on stderr"));
        assertEquals(
                3,
                new ObjectMapper()
                        .readTree(tmp.resolve("site/report.json").toFile())
                        .get("skipped")
                        .size());

        Run migrate = Run.of(tmp, "migrate", "fleet");
        assertEquals(ExitCode.PARTIAL, migrate.exit());
        skipped.forEach(s -> assertTrue(migrate.err().contains(s + ": "), s + " from migrate"));
        Run show = Run.of(tmp, "show", "fleet");
        assertEquals(ExitCode.PARTIAL, show.exit());
        skipped.forEach(s -> assertTrue(show.err().contains(s + ": "), s + " from show"));

        Run ja = Run.of(tmp, "audit", "--lang", "ja", "fleet");
        assertTrue(ja.out().contains("検索できなかった場所 (3)"), ja.out());
        assertTrue(ja.out().contains(tooDeep + ": これより下は検索していません"), ja.out());
        assertTrue(ja.out().contains("fleet/linked/server.tab: 読み込みません: シンボリックリンクが"), ja.out());
        Run jaReport = Run.of(tmp, "report", "--lang", "ja", "--out", "site-ja", "fleet");
        assertTrue(Files.readString(tmp.resolve("site-ja/index.html")).contains("検索できなかった場所 (3)"));
        assertEquals(ExitCode.PARTIAL, jaReport.exit());

        nothingOfTheVictim(
                everything(text, null) + everything(json, null) + everything(report, tmp.resolve("site")),
                "the outputs");
        elsewhere.unchanged();
        assertEquals(ExitCode.OK, Run.of(tmp, "audit", tooDeep).exit(), "named directly, the deep one is audited");
    }

    // ------------------------------------------------------------------ helpers

    /** A FIFO made with mkfifo. */
    static Path fifo(Path p) {
        return Needs.fifo(p);
    }
}
