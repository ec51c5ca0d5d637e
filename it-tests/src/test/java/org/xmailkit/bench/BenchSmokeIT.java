package org.xmailkit.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark runs: its fleets are what they say, its harness measures real runs of the command line and prints
 * its tables, its JMH benchmarks do the work they name. Nothing here times anything: the figures belong to
 * {@code bench/run}, not to the build.
 */
class BenchSmokeIT {

    @TempDir
    Path tmp;

    @Test
    void theSyntheticFleetIsTheSameEveryTimeWithSixFilesAServer() throws Exception {
        List<Path> a = SyntheticFleet.build(tmp.resolve("a"), 12);
        List<Path> b = SyntheticFleet.build(tmp.resolve("b"), 12);
        assertEquals(12 * SyntheticFleet.FILES, a.size());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(tmp.resolve("a").relativize(a.get(i)), tmp.resolve("b").relativize(b.get(i)));
            assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)));
        }
        try (var servers = Files.list(tmp.resolve("a"))) {
            for (Path s : servers.toList()) {
                assertTrue(Files.isRegularFile(s.resolve("server.tab")), s + " is a MailRoot");
                try (var files = Files.list(s)) {
                    assertEquals(SyntheticFleet.FILES, files.count(), s.toString());
                }
            }
        }
        // Every sample MailRoot takes its turn.
        assertTrue(Files.isDirectory(tmp.resolve("a")
                .resolve(
                        "s00000-" + SyntheticFleet.samples().keySet().iterator().next())));
    }

    @Test
    void aHostileServerTabHasTheLinesAsked() throws Exception {
        Path tab = tmp.resolve("server.tab");
        SyntheticFleet.hostileServerTab(tab, 1000);
        assertEquals(1000, Files.readAllLines(tab, StandardCharsets.US_ASCII).size());
    }

    @Test
    void theHarnessRunsEveryCommandInAJvmOfItsOwnAndPrintsItsTables() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FleetHarness h = Bench.harness(
                List.of(
                        "--servers",
                        "2,4",
                        "--repeat",
                        "1",
                        "--classpath",
                        System.getProperty("java.class.path"),
                        "--work",
                        tmp.resolve("work").toString(),
                        "--java-opts",
                        "-Xmx128m"),
                false,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<FleetHarness.Row> rows = h.run();
        String table = out.toString(StandardCharsets.UTF_8);
        // cat, the JVM start and every command, at each size
        assertEquals(2 * (2 + FleetHarness.COMMANDS.size()), rows.size(), table);
        for (FleetHarness.Row r : rows) {
            assertEquals(0, r.m().exit() == 1 ? 0 : r.m().exit(), r.command() + " ran: " + table);
            assertTrue(r.m().wallSeconds() > 0, table);
        }
        for (FleetHarness.Command c : FleetHarness.COMMANDS) {
            assertTrue(table.contains("| 4 | " + c.name() + " |"), c.name() + " in\n" + table);
            assertTrue(table.contains("| " + c.name() + " | "), c.name() + " in the growth table:\n" + table);
        }
        assertTrue(table.contains("| 2 | cat (12 files,"), table);
        assertTrue(Files.isDirectory(tmp.resolve("work/fleet-4/s00003-"
                + List.copyOf(SyntheticFleet.samples().keySet()).get(3))));
    }

    @Test
    void theHarnessStartsXmailkitWithTheOptionsOfItsLaunchers() throws Exception {
        String options = String.join(" ", FleetHarness.LAUNCHER_OPTIONS);
        Path top = Path.of("..").toAbsolutePath().normalize();
        Map<Path, String> lines = Map.of(
                top.resolve("bin/xmailkit"), "exec java " + options + " ${XMAILKIT_JAVA_OPTS:-} -jar \"$jar\" \"$@\"",
                top.resolve("cli/src/main/dist/bin/xmailkit"),
                        "exec \"$java\" " + options + " ${XMAILKIT_JAVA_OPTS:-} -jar \"$jar\" \"$@\"",
                top.resolve("cli/src/main/dist/bin/xmailkit.cmd"),
                        "\"%XMAILKIT_JAVA%\" " + options + " %XMAILKIT_JAVA_OPTS% -jar \"%XMAILKIT_JAR%\" %*");
        for (Map.Entry<Path, String> e : lines.entrySet()) {
            List<String> launcher = Files.readAllLines(e.getKey(), StandardCharsets.ISO_8859_1);
            assertTrue(launcher.contains(e.getValue()), e.getKey() + " starts java with " + options);
        }
    }

    @Test
    void theHarnessMeasuresOneHugeServerToo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FleetHarness h = Bench.harness(
                List.of(
                        "--lines",
                        "300",
                        "--classpath",
                        System.getProperty("java.class.path"),
                        "--work",
                        tmp.resolve("work").toString(),
                        "--commands",
                        "audit-json",
                        "--java-opts",
                        "-Xmx128m"),
                true,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<FleetHarness.Row> rows = h.run();
        String table = out.toString(StandardCharsets.UTF_8);
        assertEquals(3, rows.size(), table);
        assertTrue(table.contains("| 300 | audit --format json |"), table);
        assertEquals(0, rows.get(2).m().exit(), table);
        assertTrue(rows.get(2).m().heapBytes() > 0, "the GC log gives the peak heap: " + table);
    }

    @Test
    void theJmhBenchmarksDoTheirWork() throws Exception {
        ServerBenchmark b = new ServerBenchmark();
        b.setUp();
        try {
            assertEquals(SyntheticFleet.samples().size(), b.servers());
            assertTrue(b.open() > b.servers(), "every server.tab has lines");
            assertTrue(b.audit() > b.servers(), "the samples have findings");
            assertTrue(b.migrate() > 0, "the samples need changes");
            assertTrue(b.auditJson() <= 1, "audit --format json exits 0 or 1");
        } finally {
            b.tearDown();
        }
        HugeServerBenchmark h = new HugeServerBenchmark();
        h.lines = 200;
        h.setUp();
        try {
            h.clean();
            assertEquals(0, h.auditJson());
            assertEquals(0, h.migrate());
            assertEquals(0, h.report());
        } finally {
            h.tearDown();
        }
    }
}
