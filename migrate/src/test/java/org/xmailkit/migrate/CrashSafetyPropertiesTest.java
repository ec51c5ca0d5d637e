package org.xmailkit.migrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.fs.SafeWriter;
import org.xmailkit.model.fs.WriteHook;
import org.xmailkit.model.fs.WritePolicy;

/**
 * A batch killed after N file writes (the failure injected in the writer, before or after a rename, with one or
 * two workers) leaves every file wholly old or wholly new; running the batch again finishes the job, a third run
 * changes nothing, and one rollback per server restores every original.
 */
class CrashSafetyPropertiesTest {

    /** Stands for the process being killed: an Error, which the batch does not treat as one server's failure. */
    static final class Kill extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Provide
    Arbitrary<List<Configs.Config>> fleets() {
        return Configs.configs().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Optional<XMailVersion>> sources() {
        return Arbitraries.of(
                Optional.of(XMailVersion.parse("1.22")),
                Optional.of(XMailVersion.parse("0.68")),
                Optional.<XMailVersion>empty());
    }

    private static final String FWD = "\"partner.example\"\t\"mx1.partner.example,mx2.partner.example\"\n";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

    // Every write is flushed to disk several times (backup, file, directory, journal), so each try costs real disk
    // time: the build's 200 tries take about half a minute; -Pproperties-5000 runs 5 000.
    @Property
    void anInterruptedBatchLeavesFilesWhollyOldOrNewAndARerunFinishes(
            @ForAll("fleets") List<Configs.Config> fleet,
            @ForAll @IntRange(min = 0, max = 12) int crashAfter,
            @ForAll WriteHook.Stage stage,
            @ForAll boolean twoWorkers,
            @ForAll("sources") Optional<XMailVersion> from)
            throws Exception {
        Path dir = Files.createTempDirectory("xmailkit-crash");
        try {
            MigrationOptions options = MigrationOptions.standard().withFrom(from);
            Migrator migrator = new Migrator();
            List<BatchMigrator.Job> jobs = new ArrayList<>();
            Map<Path, byte[]> original = new HashMap<>();
            Map<Path, byte[]> expected = new HashMap<>();
            for (int i = 0; i < fleet.size(); i++) {
                Path root = Files.createDirectories(dir.resolve("s" + i));
                Files.write(root.resolve("server.tab"), fleet.get(i).bytes());
                if (i % 2 == 0) {
                    Files.writeString(root.resolve("smtpfwd.tab"), FWD);
                }
                MigrationResult r = migrator.migrate(MailRoot.open(root), options);
                for (FileResult f : r.files()) {
                    original.put(f.path(), f.before());
                    expected.put(f.path(), f.after());
                }
                jobs.add(BatchMigrator.Job.of(root));
            }

            AtomicInteger seen = new AtomicInteger();
            WritePolicy dying = WritePolicy.withHook((s, target) -> {
                if (s == stage && seen.getAndIncrement() == crashAfter) {
                    throw new Kill();
                }
            });
            BatchMigrator.Options write = new BatchMigrator.Options(
                    BatchMigrator.Mode.WRITE, options, Optional.empty(), CLOCK, twoWorkers ? 2 : 1);
            try {
                new BatchMigrator(migrator, dying).run(jobs, write, BatchListener.NONE);
            } catch (Kill expectedKill) {
                // the batch stopped where the failure was injected
            }
            for (Map.Entry<Path, byte[]> e : original.entrySet()) {
                byte[] now = Files.readAllBytes(e.getKey());
                assertTrue(
                        Arrays.equals(now, e.getValue()) || Arrays.equals(now, expected.get(e.getKey())),
                        e.getKey() + " is half written");
            }

            BatchResult rerun = new BatchMigrator(migrator, WritePolicy.STANDARD).run(jobs, write, BatchListener.NONE);
            assertEquals(0, rerun.count(ServerOutcome.Status.FAILED), () -> failures(rerun));
            for (Map.Entry<Path, byte[]> e : expected.entrySet()) {
                assertArrayEquals(
                        e.getValue(), Files.readAllBytes(e.getKey()), e.getKey().toString());
            }
            try (Stream<Path> s = Files.walk(dir)) {
                assertEquals(
                        List.of(),
                        s.filter(p -> SafeWriter.TEMP
                                        .matcher(p.getFileName().toString())
                                        .matches())
                                .toList(),
                        "no temporary file is left behind");
            }
            for (BatchMigrator.Job j : jobs) {
                Journal journal = Journal.read(j.server().resolve("server.tab.xmailkit-journal"));
                assertTrue(journal.runs().stream().allMatch(Journal.Run::ended), "every run is finished");
                assertTrue(journal.runs().size() <= 1, "an interrupted run is continued, not repeated");
            }

            BatchResult third = new BatchMigrator(migrator, WritePolicy.STANDARD).run(jobs, write, BatchListener.NONE);
            assertEquals(jobs.size(), third.count(ServerOutcome.Status.UNCHANGED));

            BatchMigrator.Options rollback =
                    new BatchMigrator.Options(BatchMigrator.Mode.ROLLBACK, options, Optional.empty(), CLOCK, 1);
            BatchResult back =
                    new BatchMigrator(migrator, WritePolicy.STANDARD).run(jobs, rollback, BatchListener.NONE);
            assertEquals(0, back.count(ServerOutcome.Status.FAILED), () -> failures(back));
            for (Map.Entry<Path, byte[]> e : original.entrySet()) {
                assertArrayEquals(e.getValue(), Files.readAllBytes(e.getKey()), "rolled back: " + e.getKey());
            }
        } finally {
            delete(dir);
        }
    }

    private static String failures(BatchResult r) {
        return r.outcomes().stream()
                .filter(o -> o.status() == ServerOutcome.Status.FAILED)
                .map(o -> o.error(Locale.ENGLISH))
                .toList()
                .toString();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
