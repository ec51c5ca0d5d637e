package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.fs.Hashes;
import org.xmailkit.model.fs.WriteHook;
import org.xmailkit.model.fs.WritePolicy;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.model.testing.Needs;

/**
 * The write side of a MailRoot other accounts can write, attacked as a hostile user would: a crafted journal, a
 * server.tab that is a link, an output directory that only looks like a report, a run that holds a server's lock, a
 * journal torn by a crash, a disk that fills half-way, and copies that must keep their permissions. Each test runs
 * the CLI in process and checks the exit code and that the file under attack (the "victim") kept every byte.
 */
class HostileWriteTest {

    @TempDir
    Path tmp;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String RUN = "20250101T000000Z";
    private static final String V122 = """
            "RootDomain"\t"example.jp"
            "DefaultSMTPGateways"\t"gw1.isp.example,gw2.isp.example"
            """;
    private static final String FWD = "\"partner.example\"\t\"mx1.partner.example,mx2.partner.example\"\n";

    private Run last;

    private ExitCode run(String... args) {
        return run(new Cli(), Locale.ENGLISH, args);
    }

    private ExitCode run(Cli cli, Locale locale, String... args) {
        last = Run.in(tmp).cli(cli).locale(locale).clock(CLOCK).run(args);
        return last.exit();
    }

    private static Cli migrateWith(WritePolicy policy) {
        return new Cli(List.of(new MigrateCommand(policy)));
    }

    private String stdout() {
        return last.out();
    }

    private String stderr() {
        return last.err();
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void link(Path link, Path target) {
        Needs.symbolicLink(link, target);
    }

    private static String sha(String text) {
        return Hashes.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ attack 1: the journal is untrusted

    /**
     * The journal of the attack: its file entry leads out of the MailRoot to the victim, with the victim's
     * current hash as "what the run wrote", and its backup is an absolute path to content the attacker chose.
     */
    @Test
    void rollbackRefusesAJournalLeadingOutOfTheMailRootAndTheVictimKeepsItsBytes() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("fleet/s1")).serverTab(V122).write();
        String mine = "root:the real content\n";
        Path victim = Files.writeString(tmp.resolve("victim"), mine);
        Path chosen = Files.writeString(tmp.resolve("chosen.bak"), "root:the attacker's content\n");
        String journal = "xmailkit-migrate-journal\t1\n"
                + "begin\t" + RUN + "\tT\t1.27\n"
                + "file\t" + RUN + "\t../../victim\t" + sha(Files.readString(chosen)) + "\t" + sha(mine) + "\t"
                + chosen + "\n"
                + "done\t" + RUN + "\t../../victim\n"
                + "end\t" + RUN + "\n";
        Files.writeString(root.resolve("server.tab.xmailkit-journal"), journal);

        for (String mode : List.of("--rollback", "--write")) {
            ExitCode code = mode.equals("--write")
                    ? run("migrate", "fleet/s1", mode, "--from", "1.22")
                    : run("migrate", "fleet/s1", mode);

            assertEquals(ExitCode.INPUT, code, mode + "\n" + stdout() + stderr());
            assertEquals(mine, Files.readString(victim), mode);
            assertEquals(V122, Files.readString(root.resolve("server.tab")), mode);
            assertEquals(1, stderr().lines().count(), stderr());
            assertTrue(
                    stderr().contains("server.tab.xmailkit-journal: line 3 of the migration journal cannot be "
                            + "used (names a file the migration never writes); nothing was done"),
                    stderr());
            assertTrue(
                    stderr().contains("rename the journal (for example to server.tab.xmailkit-journal.damaged) "
                            + "and run again"),
                    stderr());
        }
        assertEquals(ExitCode.INPUT, run(new Cli(), Locale.JAPANESE, "migrate", "fleet/s1", "--rollback"));
        assertTrue(stderr().contains("ジャーナルの名前を変えて"), stderr());

        // The recovery the message gives works.
        Files.move(root.resolve("server.tab.xmailkit-journal"), root.resolve("server.tab.xmailkit-journal.damaged"));
        assertEquals(ExitCode.OK, run("migrate", "fleet/s1", "--write", "--from", "1.22"), stderr());
        assertEquals(ExitCode.OK, run("migrate", "fleet/s1", "--rollback"), stderr());
        assertEquals(V122, Files.readString(root.resolve("server.tab")));
        assertEquals(mine, Files.readString(victim));
    }

    // ------------------------------------------------------------------ attack 2: writes never follow a link

    @Test
    void writeThroughALinkedServerTabLeavesItsTargetAndTheMailRootAlone() throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Path victim = Files.writeString(etc.resolve("victim.conf"), V122);
        Path root = Files.createDirectories(tmp.resolve("fleet/s1"));
        link(root.resolve("server.tab"), victim);
        Path inside = MailRootFixture.in(tmp.resolve("fleet/s2"))
                .file("conf/server.tab", V122)
                .write();
        link(inside.resolve("server.tab"), Path.of("conf/server.tab"));

        for (String server : List.of("fleet/s1", "fleet/s2")) {
            ExitCode code = run("migrate", server, "--write", "--from", "1.22");

            assertEquals(ExitCode.INPUT, code, stdout() + stderr());
            assertEquals(1, stderr().lines().count(), stderr());
            assertTrue(stderr().startsWith(tmp.resolve(server).toString()), stderr());
            assertTrue(stderr().contains("link"), stderr());
        }
        assertEquals(V122, Files.readString(victim));
        assertEquals(V122, Files.readString(inside.resolve("conf/server.tab")));
        for (Path dir : List.of(root, inside)) {
            assertTrue(
                    files(dir).stream().noneMatch(n -> n.endsWith(".bak") || n.endsWith("-journal")),
                    "no copy of the link's target and no journal in the MailRoot: " + files(dir));
        }
    }

    @Test
    void reportOutRefusesADirectoryThatOnlyLooksLikeAnEarlierReport() throws Exception {
        MailRootFixture.in(tmp.resolve("fleet/s1")).serverTab(V122).write();
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("keep.html"), "someone's page");
        Path victim = Files.writeString(tmp.resolve("victim.json"), "{\"mine\": true}");
        Path outDir = Files.createDirectories(tmp.resolve("out"));
        String index = "<!DOCTYPE html><meta name=\"generator\" content=\"xmailkit 0.1.0\">";
        Files.writeString(outDir.resolve("index.html"), index);
        link(outDir.resolve("servers"), other);
        link(outDir.resolve("report.json"), victim);

        ExitCode code = run("report", "fleet", "--out", "out");

        assertEquals(ExitCode.USAGE, code, stdout() + stderr());
        assertTrue(stderr().contains("holds files but no xmailkit-manifest.sha256"), stderr());
        assertEquals("someone's page", Files.readString(other.resolve("keep.html")));
        assertEquals(List.of("keep.html"), files(other));
        assertEquals("{\"mine\": true}", Files.readString(victim));
        assertEquals(index, Files.readString(outDir.resolve("index.html")));
        assertEquals(List.of("index.html", "report.json", "servers"), files(outDir));
    }

    @Test
    void reportOutOverAnEarlierReportReplacesOnlyItsOwnFilesAndFollowsNoLink() throws Exception {
        MailRootFixture.in(tmp.resolve("fleet/s1")).serverTab(V122).write();
        MailRootFixture.in(tmp.resolve("fleet/s2")).serverTab(V122).write();
        assertEquals(ExitCode.OK, run("report", "fleet", "--out", "out"), stderr());
        Path outDir = tmp.resolve("out");
        Files.writeString(outDir.resolve("notes.txt"), "mine");
        Files.writeString(outDir.resolve("servers/mine.html"), "mine");

        assertEquals(ExitCode.OK, run("report", "fleet", "--out", "out"), stderr());
        assertEquals("mine", Files.readString(outDir.resolve("notes.txt")));
        assertEquals("mine", Files.readString(outDir.resolve("servers/mine.html")));

        // report.json replaced by a link to the victim: refused, the victim keeps its bytes.
        Path victim = Files.writeString(tmp.resolve("victim.json"), "{\"mine\": true}");
        Files.delete(outDir.resolve("report.json"));
        link(outDir.resolve("report.json"), victim);
        assertEquals(ExitCode.USAGE, run("report", "fleet", "--out", "out"), stderr());
        assertTrue(stderr().contains("report.json: is a symbolic link"), stderr());
        assertEquals("{\"mine\": true}", Files.readString(victim));
        Files.delete(outDir.resolve("report.json"));

        // servers replaced by a link to another directory: its pages are neither written nor deleted.
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("s1.html"), "someone's page");
        Files.move(outDir.resolve("servers"), tmp.resolve("servers.moved"));
        link(outDir.resolve("servers"), other);
        assertEquals(ExitCode.USAGE, run("report", "fleet", "--out", "out"), stderr());
        assertTrue(stderr().contains("servers: is a symbolic link"), stderr());
        assertEquals(List.of("s1.html"), files(other));
        assertEquals("someone's page", Files.readString(other.resolve("s1.html")));
    }

    // ------------------------------------------------------------------ attack 5: one run at a time per server

    @Test
    void aServerLockedByAnotherRunIsSkippedAndTheRestAreWritten() throws Exception {
        Path s1 = MailRootFixture.in(tmp.resolve("fleet/s1")).serverTab(V122).write();
        Path s2 = MailRootFixture.in(tmp.resolve("fleet/s2")).serverTab(V122).write();
        Cli cli = migrateWith(WritePolicy.STANDARD.withLockWait(Duration.ofMillis(100)));

        try (FileChannel ch = FileChannel.open(
                        s1.resolve("server.tab.xmailkit-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock other = ch.lock()) {
            assertTrue(other.isValid());
            ExitCode code = run(cli, Locale.ENGLISH, "migrate", "fleet", "--write", "--from", "1.22");

            assertEquals(ExitCode.PARTIAL, code, stdout() + stderr());
            assertEquals(
                    List.of(tmp.resolve("fleet/s1") + ": locked by another run of xmailkit: skipped (run again "
                            + "when that run has finished)"),
                    stderr().lines().toList());
            assertEquals(V122, Files.readString(s1.resolve("server.tab")));
            assertTrue(Files.readString(s2.resolve("server.tab")).contains("gw1.isp.example;gw2.isp.example"));
        }
        assertEquals(ExitCode.OK, run(cli, Locale.ENGLISH, "migrate", "fleet", "--write", "--from", "1.22"));
        assertTrue(Files.readString(s1.resolve("server.tab")).contains("gw1.isp.example;gw2.isp.example"));
    }

    @Test
    void aJournalTornByACrashStaysReadableAndADamagedOneSaysHowToRecover() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("fleet/s1")).serverTab(V122).write();
        Path journal = root.resolve("server.tab.xmailkit-journal");
        assertEquals(ExitCode.OK, run("migrate", "fleet/s1", "--write", "--from", "1.22"), stderr());
        // A crash while appending left half a record.
        Files.writeString(journal, "done\t2025", StandardOpenOption.APPEND);

        assertEquals(ExitCode.OK, run("migrate", "fleet/s1", "--rollback"), stderr());
        assertEquals(V122, Files.readString(root.resolve("server.tab")));
        assertEquals(ExitCode.OK, run("migrate", "fleet/s1", "--write", "--from", "1.22"), stderr());
        assertEquals(ExitCode.OK, run("migrate", "fleet/s1", "--rollback"), stderr());
        assertEquals(V122, Files.readString(root.resolve("server.tab")));
        assertTrue(Files.readString(journal).endsWith("\n"), "only whole lines");

        // What two runs at once of an older version left: a second header, the same run begun twice.
        String damaged = "xmailkit-migrate-journal\t1\nbegin\t" + RUN + "\tT\t1.27\nxmailkit-migrate-journal\t1\n"
                + "begin\t" + RUN + "\tT\t1.27\n";
        Files.writeString(journal, damaged);
        assertEquals(ExitCode.INPUT, run("migrate", "fleet/s1", "--write", "--from", "1.22"));
        assertEquals(1, stderr().lines().count(), stderr());
        assertTrue(
                stderr().contains("line 4 of the migration journal cannot be used (the same run started twice"),
                stderr());
        assertEquals(V122, Files.readString(root.resolve("server.tab")));
        assertEquals(damaged, Files.readString(journal));
        Files.move(journal, root.resolve("server.tab.xmailkit-journal.damaged"));
        assertEquals(ExitCode.OK, run("migrate", "fleet/s1", "--write", "--from", "1.22"), stderr());
    }

    // ------------------------------------------------------------------ attack 8: partial writes, --out modes

    @Test
    void aDiskThatFillsHalfWayIsReportedPerFileAndARerunFinishes() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("fleet/s1"))
                .serverTab(V122)
                .file("smtpfwd.tab", FWD)
                .write();
        Cli full = migrateWith(WritePolicy.withHook((stage, target) -> {
            if (stage == WriteHook.Stage.BEFORE_RENAME
                    && target.getFileName().toString().equals("smtpfwd.tab")) {
                throw new FileSystemException(target.toString(), null, "No space left on device");
            }
        }));

        ExitCode code = run(full, Locale.ENGLISH, "migrate", "fleet/s1", "--write", "--from", "1.22");

        assertEquals(ExitCode.INPUT, code, stdout() + stderr());
        assertEquals(
                List.of(tmp.resolve("fleet/s1") + ": server.tab written, smtpfwd.tab not (No space left on "
                        + "device): run the same command again to finish"),
                stderr().lines().toList());
        assertTrue(
                stdout().contains("written: 0, unchanged: 0, failed: 1. Of the failed, partly written: 1 (run the "
                        + "same command again to finish them)."),
                stdout());
        assertTrue(Files.readString(root.resolve("server.tab")).contains("gw1.isp.example;gw2.isp.example"));
        assertEquals(FWD, Files.readString(root.resolve("smtpfwd.tab")));

        assertEquals(ExitCode.OK, run("migrate", "fleet/s1", "--write", "--from", "1.22"), stderr());
        assertTrue(stdout().contains("Interrupted runs finished: 1."), stdout());
        assertTrue(Files.readString(root.resolve("smtpfwd.tab")).contains("mx1.partner.example;mx2.partner.example"));
    }

    @Test
    void outCopiesKeepTheSourceModeAndOwnerAsRoot() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("fleet/s1"))
                .serverTab(V122)
                .file("smtpfwd.tab", FWD)
                .write();
        Needs.posix(root.resolve("server.tab"));
        for (String f : List.of("server.tab", "smtpfwd.tab")) {
            Files.setPosixFilePermissions(root.resolve(f), PosixFilePermissions.fromString("rw-------"));
        }
        boolean root0 = "root".equals(System.getProperty("user.name"));
        if (root0) {
            // As root, as xmailkit usually runs: the files belong to the XMail service account (uid 4321 here).
            UserPrincipalLookupService users = root.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal xmail = users.lookupPrincipalByName("4321");
            GroupPrincipal group = users.lookupPrincipalByGroupName("4321");
            for (String f : List.of("server.tab", "smtpfwd.tab")) {
                PosixFileAttributeView v = Files.getFileAttributeView(root.resolve(f), PosixFileAttributeView.class);
                v.setOwner(xmail);
                v.setGroup(group);
            }
        }
        byte[] before = Files.readAllBytes(root.resolve("server.tab"));

        assertEquals(ExitCode.OK, run("migrate", "fleet/s1", "--out", "copy", "--from", "1.22"), stderr());

        Path copy = tmp.resolve("copy");
        assertArrayEquals(before, Files.readAllBytes(root.resolve("server.tab")));
        for (String f : List.of("server.tab", "smtpfwd.tab")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.resolve(f))), f);
            if (root0) {
                assertEquals(Files.getOwner(root.resolve(f)), Files.getOwner(copy.resolve(f)), f);
            }
        }
        assertFalse(Files.readString(copy.resolve("server.tab")).contains("gw1.isp.example,gw2"));
    }
}
