package org.xmailkit.migrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.fs.SafeWriter;
import org.xmailkit.model.fs.WriteHook;
import org.xmailkit.model.fs.WriteLock;
import org.xmailkit.model.fs.WritePolicy;
import org.xmailkit.model.fs.WriteRefusedException;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.model.testing.Needs;

/** Atomic replacement, backups, the journal, rollback, --out copies. */
class WritingTest {

    @TempDir
    Path tmp;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final MigrationOptions FROM_122 =
            MigrationOptions.standard().withFrom(Optional.of(XMailVersion.parse("1.22")));
    private static final String RUN = "20250301T090000Z";
    private static final String OLD =
            "\"RootDomain\"\t\"example.jp\"\n\"DefaultSMTPGateways\"\t\"a.example,b.example" + "\"\n";

    private static MigrationResult migrate(Path root) throws Exception {
        return new Migrator().migrate(MailRoot.open(root), FROM_122);
    }

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ------------------------------------------------------------------ in place, journal, rollback

    @Test
    void writeMakesABackupAJournalAndReplacesTheFile() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("mr")).serverTab(OLD).write();
        InPlaceWriter w = new InPlaceWriter(WritePolicy.STANDARD, Optional.empty(), CLOCK);

        InPlaceWriter.Written written = w.write(migrate(root));

        assertEquals(List.of(root.resolve("server.tab")), written.written());
        Path backup = root.resolve("server.tab.xmailkit-20250301T100000Z.bak");
        assertEquals(List.of(backup), written.backups());
        assertEquals(OLD, Files.readString(backup));
        assertTrue(Files.readString(root.resolve("server.tab")).contains("a.example;b.example"));
        Journal j = Journal.read(root.resolve("server.tab.xmailkit-journal"));
        assertEquals(1, j.runs().size());
        Journal.Run run = j.runs().get(0);
        assertTrue(run.ended());
        assertEquals("server.tab", run.files().get(0).name());
        assertTrue(run.files().get(0).done());
        assertEquals(run.files().get(0).backup(), backup.getFileName().toString());

        InPlaceWriter.Written again = w.write(migrate(root));
        assertEquals(List.of(), again.written(), "a rerun changes nothing");
        assertEquals(
                1,
                Journal.read(root.resolve("server.tab.xmailkit-journal")).runs().size());
    }

    @Test
    void backupsAndJournalGoUnderTheBackupDirectoryWhenGiven() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("mr")).serverTab(OLD).write();
        Path backups = tmp.resolve("backups");
        InPlaceWriter w = new InPlaceWriter(WritePolicy.STANDARD, Optional.of(backups), CLOCK);

        w.write(migrate(root));

        assertEquals(List.of("server.tab"), names(root));
        try (Stream<Path> s = Files.walk(backups)) {
            List<String> files = s.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
            assertEquals(List.of("server.tab.xmailkit-20250301T100000Z.bak", "server.tab.xmailkit-journal"), files);
        }
        assertEquals(List.of(root.resolve("server.tab")), w.rollback(root.resolve("server.tab")));
        assertEquals(OLD, Files.readString(root.resolve("server.tab")));
    }

    @Test
    void rollbackRestoresTheLatestRunAndThenReportsNothingLeft() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("mr"))
                .serverTab(OLD)
                .file("smtpfwd.tab", "\"d.example\"\t\"x.example,y.example\"\n")
                .write();
        InPlaceWriter w = new InPlaceWriter(WritePolicy.STANDARD, Optional.empty(), CLOCK);
        w.write(migrate(root));

        List<Path> restored = w.rollback(root.resolve("server.tab"));

        assertEquals(Set.of(root.resolve("server.tab"), root.resolve("smtpfwd.tab")), Set.copyOf(restored));
        assertEquals(OLD, Files.readString(root.resolve("server.tab")));
        assertEquals("\"d.example\"\t\"x.example,y.example\"\n", Files.readString(root.resolve("smtpfwd.tab")));
        assertEquals(List.of(), w.rollback(root.resolve("server.tab")));
    }

    @Test
    void rollbackRefusesWhenTheFileWasEditedAfterTheMigration() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("mr")).serverTab(OLD).write();
        InPlaceWriter w = new InPlaceWriter(WritePolicy.STANDARD, Optional.empty(), CLOCK);
        w.write(migrate(root));
        Files.writeString(root.resolve("server.tab"), "\"RootDomain\"\t\"edited.example\"\n");

        WriteException e = assertThrows(WriteException.class, () -> w.rollback(root.resolve("server.tab")));

        assertEquals("\"RootDomain\"\t\"edited.example\"\n", Files.readString(root.resolve("server.tab")));
        assertTrue(e.message(Locale.ENGLISH).contains("changed since the migration"));
    }

    @Test
    void rollbackRefusesADamagedBackup() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("mr")).serverTab(OLD).write();
        InPlaceWriter w = new InPlaceWriter(WritePolicy.STANDARD, Optional.empty(), CLOCK);
        InPlaceWriter.Written written = w.write(migrate(root));
        Files.writeString(written.backups().get(0), "tampered");
        byte[] now = Files.readAllBytes(root.resolve("server.tab"));

        assertThrows(WriteException.class, () -> w.rollback(root.resolve("server.tab")));
        assertArrayEquals(now, Files.readAllBytes(root.resolve("server.tab")));
    }

    @Test
    void writeRefusesAFileChangedAfterTheMigrationWasComputed() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("mr")).serverTab(OLD).write();
        MigrationResult r = migrate(root);
        Files.writeString(root.resolve("server.tab"), OLD + "# edited meanwhile\n");

        WriteRefusedException e = assertThrows(
                WriteRefusedException.class,
                () -> new InPlaceWriter(WritePolicy.STANDARD, Optional.empty(), CLOCK).write(r));
        assertEquals(WriteRefusedException.Reason.CHANGED, e.reason());

        assertEquals(OLD + "# edited meanwhile\n", Files.readString(root.resolve("server.tab")));
    }

    @Test
    void aRunKilledAfterTheRenameIsSettledAndFinishedByTheNextRun() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("mr"))
                .serverTab(OLD)
                .file("smtpfwd.tab", "\"d.example\"\t\"x.example,y.example\"\n")
                .write();
        class Kill extends Error {
            private static final long serialVersionUID = 1L;
        }
        WritePolicy dies = WritePolicy.withHook((stage, target) -> {
            if (stage == WriteHook.Stage.AFTER_RENAME
                    && target.getFileName().toString().equals("server.tab")) {
                throw new Kill();
            }
        });
        assertThrows(Kill.class, () -> new InPlaceWriter(dies, Optional.empty(), CLOCK).write(migrate(root)));
        assertTrue(Files.readString(root.resolve("server.tab")).contains("a.example;b.example"));
        assertEquals("\"d.example\"\t\"x.example,y.example\"\n", Files.readString(root.resolve("smtpfwd.tab")));

        InPlaceWriter.Written w = new InPlaceWriter(
                        WritePolicy.STANDARD, Optional.empty(), Clock.offset(CLOCK, Duration.ofMinutes(5)))
                .write(migrate(root));

        assertTrue(w.resumed());
        assertEquals(List.of(root.resolve("smtpfwd.tab")), w.written());
        Journal j = Journal.read(root.resolve("server.tab.xmailkit-journal"));
        assertEquals(1, j.runs().size(), "the interrupted run was continued, not a new one started");
        assertTrue(j.runs().get(0).ended());

        new InPlaceWriter(WritePolicy.STANDARD, Optional.empty(), CLOCK).rollback(root.resolve("server.tab"));
        assertEquals(OLD, Files.readString(root.resolve("server.tab")), "one rollback undoes the whole run");
        assertEquals("\"d.example\"\t\"x.example,y.example\"\n", Files.readString(root.resolve("smtpfwd.tab")));
    }

    @Test
    void aFullDiskAfterTheFirstFileSaysWhichFilesAreWrittenAndARerunFinishes() throws Exception {
        String fwd = "\"d.example\"\t\"x.example,y.example\"\n";
        Path root = MailRootFixture.in(tmp.resolve("mr"))
                .serverTab(OLD)
                .file("smtpfwd.tab", fwd)
                .write();
        WritePolicy full = WritePolicy.withHook((stage, target) -> {
            if (stage == WriteHook.Stage.BEFORE_RENAME
                    && target.getFileName().toString().equals("smtpfwd.tab")) {
                throw new FileSystemException(target.toString(), null, "No space left on device");
            }
        });

        PartialWriteException e =
                assertThrows(PartialWriteException.class, () -> new InPlaceWriter(full, Optional.empty(), CLOCK)
                        .write(migrate(root)));

        assertEquals(List.of(root.resolve("server.tab")), e.done());
        assertEquals(
                root + ": server.tab written, smtpfwd.tab not (No space left on device): run the same command "
                        + "again to finish",
                e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.JAPANESE).contains("smtpfwd.tab は未書き込み"), e.message(Locale.JAPANESE));
        assertTrue(Files.readString(root.resolve("server.tab")).contains("a.example;b.example"));
        assertEquals(fwd, Files.readString(root.resolve("smtpfwd.tab")));
        assertTrue(
                names(root).stream().noneMatch(n -> SafeWriter.TEMP.matcher(n).matches()),
                names(root).toString());

        InPlaceWriter.Written rerun =
                new InPlaceWriter(WritePolicy.STANDARD, Optional.empty(), CLOCK).write(migrate(root));
        assertTrue(rerun.resumed());
        assertEquals(List.of(root.resolve("smtpfwd.tab")), rerun.written());
        assertEquals("\"d.example\"\t\"x.example;y.example\"\n", Files.readString(root.resolve("smtpfwd.tab")));

        PartialWriteException back =
                assertThrows(PartialWriteException.class, () -> new InPlaceWriter(full, Optional.empty(), CLOCK)
                        .rollback(root.resolve("server.tab")));
        assertTrue(
                back.message(Locale.ENGLISH)
                        .endsWith(": server.tab restored, smtpfwd.tab not (No space left on "
                                + "device): run the rollback again to finish"),
                back.message(Locale.ENGLISH));
        new InPlaceWriter(WritePolicy.STANDARD, Optional.empty(), CLOCK).rollback(root.resolve("server.tab"));
        assertEquals(OLD, Files.readString(root.resolve("server.tab")));
        assertEquals(fwd, Files.readString(root.resolve("smtpfwd.tab")));
    }

    @Test
    void aServerIsLockedWhileOneRunWritesIt() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("mr")).serverTab(OLD).write();
        InPlaceWriter w =
                new InPlaceWriter(WritePolicy.STANDARD.withLockWait(Duration.ofMillis(50)), Optional.empty(), CLOCK);
        BatchMigrator batch =
                new BatchMigrator(new Migrator(), WritePolicy.STANDARD.withLockWait(Duration.ofMillis(50)));
        BatchMigrator.Options write =
                new BatchMigrator.Options(BatchMigrator.Mode.WRITE, FROM_122, Optional.empty(), CLOCK, 1);

        WriteLock held = w.lock(root.resolve("server.tab"));
        try {
            ServerOutcome o = batch.run(List.of(BatchMigrator.Job.of(root)), write, BatchListener.NONE)
                    .outcomes()
                    .get(0);
            assertEquals(ServerOutcome.Status.FAILED, o.status());
            assertEquals(
                    root + ": locked by another run of xmailkit: skipped (run again when that run has finished)",
                    o.error(Locale.ENGLISH));
            assertEquals(OLD, Files.readString(root.resolve("server.tab")));
        } finally {
            held.close();
        }
        ServerOutcome o = batch.run(List.of(BatchMigrator.Job.of(root)), write, BatchListener.NONE)
                .outcomes()
                .get(0);
        assertEquals(ServerOutcome.Status.WRITTEN, o.status(), () -> o.error(Locale.ENGLISH));
    }

    /**
     * As root, as xmailkit usually runs, over a MailRoot that belongs to the XMail account (uid 4321 here; as another
     * account the files stay that account's): the journal and lock belong to the server.tab's owner and group and
     * give no one more than server.tab does (nothing to others); each backup keeps its own file's owner and mode.
     * Before, the journal and lock were root's, 0644, and a later run as the owner failed on the lock.
     */
    @Test
    void aRunAsRootLeavesTheJournalLockAndBackupsToTheServersOwner() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("mr"))
                .serverTab(OLD)
                .file("smtpfwd.tab", "\"d.example\"\t\"x.example,y.example\"\n")
                .write();
        Needs.posix(root);
        Path tab = root.resolve("server.tab");
        Path fwd = root.resolve("smtpfwd.tab");
        Files.setPosixFilePermissions(tab, PosixFilePermissions.fromString("rw-rw-r--"));
        Files.setPosixFilePermissions(fwd, PosixFilePermissions.fromString("rw-------"));
        boolean asRoot = Needs.root();
        if (asRoot) {
            for (Path p : List.of(root, tab, fwd)) {
                Files.setAttribute(p, "unix:uid", 4321);
                Files.setAttribute(p, "unix:gid", 4321);
            }
            Files.setAttribute(fwd, "unix:gid", 4322);
        }
        InPlaceWriter w = new InPlaceWriter(WritePolicy.STANDARD, Optional.empty(), CLOCK);

        InPlaceWriter.Written written;
        try (WriteLock held = w.lock(tab)) {
            written = w.write(migrate(root));
        }

        assertEquals(2, written.backups().size());
        for (String state : List.of("server.tab.xmailkit-journal", "server.tab.xmailkit-lock")) {
            Path p = root.resolve(state);
            assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), state);
            assertEquals(owner(tab), owner(p), state);
        }
        for (Path backup : written.backups()) {
            Path source = backup.getFileName().toString().startsWith("server.tab") ? tab : fwd;
            assertEquals(
                    Files.getPosixFilePermissions(source), Files.getPosixFilePermissions(backup), backup.toString());
            assertEquals(owner(source), owner(backup), backup.toString());
        }
        if (asRoot) {
            assertEquals("4321:4321", owner(root.resolve("server.tab.xmailkit-journal")));
            assertEquals(
                    "4321:4322",
                    owner(written.backups().stream()
                            .filter(b -> b.getFileName().toString().startsWith("smtpfwd"))
                            .findFirst()
                            .orElseThrow()));
        }
    }

    private static String owner(Path p) throws IOException {
        return Files.getAttribute(p, "unix:uid") + ":" + Files.getAttribute(p, "unix:gid");
    }

    @Test
    void aTornLastJournalLineIsIgnoredButDamageElsewhereIsAnError() throws Exception {
        Path j = tmp.resolve("server.tab.xmailkit-journal");
        Files.writeString(j, "xmailkit-migrate-journal\t1\nbegin\t" + RUN + "\tT\t1.27\nfile\t" + RUN + "\tserv");
        assertEquals(1, Journal.read(j).runs().size());
        assertTrue(Journal.read(j).unfinished().isPresent());

        Files.writeString(j, "xmailkit-migrate-journal\t1\nbogus\nbegin\t" + RUN + "\tT\t1.27\n");
        assertThrows(WriteException.class, () -> Journal.read(j));
    }

    @Test
    void finishingAnInterruptedRunMigratesFromTheSourceVersionItRecorded() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("mr")).serverTab(OLD).write();
        Files.writeString(
                root.resolve("server.tab.xmailkit-journal"),
                "xmailkit-migrate-journal\t1\nbegin\t20250301T090000Z\tT\t1.27\t1.25\t1.27\tinferred\n");
        BatchMigrator.Options write = new BatchMigrator.Options(
                BatchMigrator.Mode.WRITE, MigrationOptions.standard(), Optional.empty(), CLOCK, 1);

        BatchResult r = new BatchMigrator(new Migrator(), WritePolicy.STANDARD)
                .run(List.of(BatchMigrator.Job.of(root)), write, BatchListener.NONE);

        MigrationResult m = r.outcomes().get(0).result().orElseThrow();
        assertEquals("1.25..1.27", m.source().display());
        assertTrue(r.outcomes().get(0).resumed());
        assertTrue(
                Files.readString(root.resolve("server.tab")).contains("a.example,b.example"),
                "a source of 1.25 or later already read the list the 1.24 way");
        assertTrue(m.notes().stream().anyMatch(n -> n.text().key().equals("note.gateway-separator.readSince124")));
    }

    @Test
    void theJournalRecordsTheSourceVersionOfEachRun() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("mr")).serverTab(OLD).write();
        new InPlaceWriter(WritePolicy.STANDARD, Optional.empty(), CLOCK).write(migrate(root));

        Journal.Run run =
                Journal.read(root.resolve("server.tab.xmailkit-journal")).runs().get(0);

        assertEquals("1.22", run.source().orElseThrow().display());
        assertTrue(run.source().orElseThrow().given());
        assertEquals("1.27", run.target());
    }

    // ------------------------------------------------------------------ --out

    @Test
    void outCopiesTheWholeMailRootWithMigratedFilesAndLeavesTheOriginal() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("mr"))
                .serverTab(OLD)
                .file("domains.tab", "\"example.jp\"\n")
                .file("domains/example.jp/alice/user.tab", "\"RealName\"\t\"Alice\"\n")
                .file("server.tab.xmailkit-20240101T000000Z.bak", "old backup\n")
                .write();
        Path out = tmp.resolve("out/mr");
        MigrationResult r = migrate(root);

        List<Path> written = OutTree.write(r, out, WritePolicy.STANDARD);

        assertEquals(List.of(out.resolve("server.tab")), written);
        assertEquals(OLD, Files.readString(root.resolve("server.tab")));
        assertArrayEquals(r.files().get(0).after(), Files.readAllBytes(out.resolve("server.tab")));
        assertEquals("\"RealName\"\t\"Alice\"\n", Files.readString(out.resolve("domains/example.jp/alice/user.tab")));
        assertEquals(List.of("domains", "domains.tab", "server.tab"), names(out), "xmailkit's own files stay behind");
    }

    @Test
    void outCopiesKeepEachSourceFilesPermissions() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("mr"))
                .serverTab(OLD)
                .file("smtpfwd.tab", "\"d.example\"\t\"x.example,y.example\"\n")
                .file("domains.tab", "\"example.jp\"\n")
                .write();
        Needs.posix(root);
        Map<String, String> modes =
                Map.of("server.tab", "rw-------", "smtpfwd.tab", "rw-r-----", "domains.tab", "r--r-----");
        modes.forEach((name, mode) -> {
            try {
                Files.setPosixFilePermissions(root.resolve(name), PosixFilePermissions.fromString(mode));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Path out = tmp.resolve("out/mr");

        List<Path> written = OutTree.write(migrate(root), out, WritePolicy.STANDARD);

        assertEquals(Set.of(out.resolve("server.tab"), out.resolve("smtpfwd.tab")), Set.copyOf(written));
        for (Map.Entry<String, String> e : modes.entrySet()) {
            assertEquals(
                    e.getValue(),
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(e.getKey()))),
                    e.getKey());
            assertEquals(Files.getOwner(root.resolve(e.getKey())), Files.getOwner(out.resolve(e.getKey())));
        }
    }

    @Test
    void outOfABareServerTabIsOneFile() throws Exception {
        Path tab = tmp.resolve("legacy.tab");
        Files.writeString(tab, OLD);
        MigrationResult r = new Migrator().migrate(MailRoot.open(tab), FROM_122);

        OutTree.write(r, tmp.resolve("out/legacy.tab"), WritePolicy.STANDARD);

        assertArrayEquals(r.files().get(0).after(), Files.readAllBytes(tmp.resolve("out/legacy.tab")));
        assertEquals(OLD, Files.readString(tab));
        assertFalse(Files.exists(tmp.resolve("out/server.tab")));
    }
}
