package org.xmailkit.migrate.ctrl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.migrate.BatchListener;
import org.xmailkit.migrate.BatchMigrator;
import org.xmailkit.migrate.BatchResult;
import org.xmailkit.migrate.MigrationOptions;
import org.xmailkit.migrate.Migrator;
import org.xmailkit.migrate.ServerOutcome;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.ctrl.CtrlSession;
import org.xmailkit.model.ctrl.CtrlSettings;
import org.xmailkit.model.ctrl.CtrlText;
import org.xmailkit.model.ctrl.CtrlTransport;
import org.xmailkit.model.ctrl.CtrlTrust;
import org.xmailkit.model.ctrl.CtrlUrl;
import org.xmailkit.model.ctrl.Origins;
import org.xmailkit.model.ctrl.RemoteMailRoot;
import org.xmailkit.model.fs.WritePolicy;
import org.xmailkit.model.testing.FakeCtrlServer;

/**
 * migrate --write and --rollback on a remote server (the in-process fake CTRL server): the same journal and backups
 * as on disk, the changed-in-between refusal, files the server cannot store exactly, a connection dropped during the
 * upload, a file that does not read back as uploaded.
 */
class CtrlRemoteTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final MigrationOptions FROM_122 =
            MigrationOptions.standard().withFrom(Optional.of(XMailVersion.parse("1.22")));
    private static final byte[] OLD = ("\"RootDomain\"\t\"example.jp\"\n"
                    + "\"DefaultSMTPGateways\"\t\"a.example,b.example\"\n")
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tmp;

    private final Migrator migrator = new Migrator();
    private final List<Origins.Registration> registrations = new ArrayList<>();

    @AfterEach
    void forget() {
        registrations.forEach(Origins.Registration::close);
    }

    /** What the same migration writes into a local MailRoot holding these bytes. */
    private byte[] local(byte[] serverTab) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "local");
        Files.write(dir.resolve("server.tab"), serverTab);
        return migrator.migrate(MailRoot.open(dir), FROM_122).files().get(0).after();
    }

    private static CtrlRemote.Connector connector(FakeCtrlServer s) {
        CtrlUrl url = new CtrlUrl("admin", "127.0.0.1", s.port());
        CtrlSettings settings = new CtrlSettings(
                CtrlTransport.TLS, new CtrlTrust.Pinned(s.fingerprint()), Duration.ofSeconds(5), Duration.ofSeconds(5));
        return () -> CtrlSession.open(url, settings, "pw".getBytes(StandardCharsets.US_ASCII));
    }

    private static String name(FakeCtrlServer s) {
        return "ctrl://admin@127.0.0.1:" + s.port();
    }

    /** Copies the server into a fresh folder, as the command line does for each run. */
    private Path copy(FakeCtrlServer s, String run) throws Exception {
        Path dir = tmp.resolve("copy-" + run);
        try (CtrlSession c = connector(s).open()) {
            RemoteMailRoot.copy(c, dir);
        }
        registrations.add(Origins.register(dir, new Origins.Origin(name(s), CtrlTransport.TLS)));
        return dir;
    }

    private ServerOutcome run(FakeCtrlServer s, Path copy, BatchMigrator.Mode mode) {
        return run(s, copy, mode, Duration.ofMillis(50));
    }

    private ServerOutcome run(FakeCtrlServer s, Path copy, BatchMigrator.Mode mode, Duration settle) {
        try (CtrlRemote remote = new CtrlRemote(name(s), connector(s), settle)) {
            BatchMigrator.Options o =
                    new BatchMigrator.Options(mode, FROM_122, Optional.of(tmp.resolve("backups")), CLOCK, 1);
            BatchResult result = new BatchMigrator(migrator, WritePolicy.STANDARD)
                    .run(
                            List.of(new BatchMigrator.Job(copy, Optional.empty(), Optional.of(remote))),
                            o,
                            BatchListener.NONE);
            return result.outcomes().get(0);
        }
    }

    private static FakeCtrlServer server(byte[] serverTab) {
        return FakeCtrlServer.ctrls().account("admin", "pw").file("server.tab", serverTab);
    }

    private List<Path> backups() throws Exception {
        try (Stream<Path> s = Files.walk(tmp.resolve("backups"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".bak")).toList();
        }
    }

    @Test
    void writeReplacesTheFileOnTheServerWithABackupAndAJournalHereAndASecondRunChangesNothing() throws Exception {
        try (FakeCtrlServer s = server(OLD)) {
            ServerOutcome o = run(s, copy(s, "1"), BatchMigrator.Mode.WRITE);
            assertEquals(ServerOutcome.Status.WRITTEN, o.status(), o.error(Locale.ENGLISH));
            assertArrayEquals(local(OLD), s.file("server.tab"), "the same bytes as a local migration");
            assertNull(s.file(CtrlRemote.PROBE), "the probe file is gone");
            assertEquals(1, backups().size());
            assertArrayEquals(OLD, Files.readAllBytes(backups().get(0)));
            try (Stream<Path> j = Files.walk(tmp.resolve("backups"))) {
                assertEquals(
                        1,
                        j.filter(p -> p.toString().endsWith(".xmailkit-journal"))
                                .count());
            }
            int uploads = count(s, "cfgfileset");
            ServerOutcome again = run(s, copy(s, "2"), BatchMigrator.Mode.WRITE);
            assertEquals(ServerOutcome.Status.UNCHANGED, again.status(), again.error(Locale.ENGLISH));
            assertEquals(uploads, count(s, "cfgfileset"), "nothing uploaded the second time, not even the probe");

            ServerOutcome back = run(s, copy(s, "3"), BatchMigrator.Mode.ROLLBACK);
            assertEquals(ServerOutcome.Status.ROLLED_BACK, back.status(), back.error(Locale.ENGLISH));
            assertArrayEquals(OLD, s.file("server.tab"));
        }
    }

    private static int count(FakeCtrlServer s, String command) {
        return (int) s.commands().stream()
                .filter(c -> c.startsWith("\"" + command + "\""))
                .count();
    }

    @Test
    void aFileChangedOnTheServerSinceTheCopyIsRefusedBeforeAnyUpload() throws Exception {
        try (FakeCtrlServer s = server(OLD)) {
            Path copy = copy(s, "1");
            byte[] theirs = ("# edited by someone else\n" + new String(OLD, StandardCharsets.US_ASCII))
                    .getBytes(StandardCharsets.US_ASCII);
            s.file("server.tab", theirs);
            ServerOutcome o = run(s, copy, BatchMigrator.Mode.WRITE);
            assertEquals(ServerOutcome.Status.FAILED, o.status());
            assertTrue(o.error(Locale.ENGLISH).contains("changed since it was read"), o.error(Locale.ENGLISH));
            assertTrue(o.error(Locale.ENGLISH).contains(name(s) + "/server.tab"), o.error(Locale.ENGLISH));
            assertArrayEquals(theirs, s.file("server.tab"));
            assertTrue(s.commands().stream().noneMatch(c -> c.equals("\"cfgfileset\"\t\"server.tab\"")));
        }
    }

    @Test
    void aCrlfFileOnAServerThatWritesLfIsRefusedUnchanged() throws Exception {
        byte[] crlf =
                new String(OLD, StandardCharsets.US_ASCII).replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
        try (FakeCtrlServer s = server(crlf)) {
            ServerOutcome o = run(s, copy(s, "1"), BatchMigrator.Mode.WRITE);
            assertEquals(ServerOutcome.Status.FAILED, o.status());
            assertTrue(o.error(Locale.ENGLISH).contains("with LF"), o.error(Locale.ENGLISH));
            assertArrayEquals(crlf, s.file("server.tab"));
        }
        try (FakeCtrlServer s = server(crlf).newline(CtrlText.Newline.CRLF)) {
            ServerOutcome o = run(s, copy(s, "2"), BatchMigrator.Mode.WRITE);
            assertEquals(ServerOutcome.Status.WRITTEN, o.status(), "a server that writes CRLF keeps them");
            assertArrayEquals(local(crlf), s.file("server.tab"));
        }
    }

    @Test
    void aConnectionDroppedDuringTheUploadEndsWithTheOriginalBackAndTheServerFailed() throws Exception {
        byte[] many = (new String(OLD, StandardCharsets.US_ASCII) + "# comment\n".repeat(50))
                .getBytes(StandardCharsets.US_ASCII);
        try (FakeCtrlServer s = server(many)) {
            Path copy = copy(s, "1");
            AtomicInteger reads = new AtomicInteger();
            s.afterCommand((c, srv) -> {
                // The run reads server.tab twice (the check of the whole run, then just before the upload): the
                // upload that follows the second read is cut after 10 lines.
                if (c.equals("\"cfgfileget\"\t\"server.tab\"") && reads.incrementAndGet() == 2) {
                    srv.dropNextUploadAfter(10);
                }
            });
            ServerOutcome o = run(s, copy, BatchMigrator.Mode.WRITE);
            assertEquals(ServerOutcome.Status.FAILED, o.status());
            String error = o.error(Locale.ENGLISH);
            assertTrue(error.contains("cut short"), error);
            Path backup = backups().get(0);
            assertTrue(error.contains(backup.toString()), "names the backup: " + error);
            assertArrayEquals(many, s.file("server.tab"), "the original is back");
            assertArrayEquals(many, Files.readAllBytes(backup));
            assertFalse(o.error(Locale.JAPANESE).isEmpty());
        }
    }

    @Test
    void aFileThatDoesNotReadBackAsUploadedIsPutBack() throws Exception {
        byte[] migrated = local(OLD);
        try (FakeCtrlServer s = server(OLD)) {
            Path copy = copy(s, "1");
            s.afterCommand((c, srv) -> {
                if (c.equals("\"cfgfileset\"\t\"server.tab\"")) {
                    byte[] now = srv.file("server.tab");
                    if (now != null && now.length == migrated.length) {
                        srv.file(
                                "server.tab",
                                new String(now, StandardCharsets.US_ASCII)
                                        .replace(';', ':')
                                        .getBytes(StandardCharsets.US_ASCII));
                    }
                }
            });
            ServerOutcome o = run(s, copy, BatchMigrator.Mode.WRITE);
            assertEquals(ServerOutcome.Status.FAILED, o.status());
            assertTrue(o.error(Locale.ENGLISH).contains("did not read back"), o.error(Locale.ENGLISH));
            assertArrayEquals(OLD, s.file("server.tab"));
        }
    }
}
