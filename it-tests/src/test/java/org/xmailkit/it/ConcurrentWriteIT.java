package org.xmailkit.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.xmailkit.migrate.FileResult;
import org.xmailkit.migrate.Journal;
import org.xmailkit.migrate.MigrationOptions;
import org.xmailkit.migrate.MigrationResult;
import org.xmailkit.migrate.Migrator;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;

/**
 * Two {@code migrate --write} runs of the packaged jar at once, in two JVMs on this host, over a fleet of 200
 * servers: one walks the fleet directory, the other the servers one by one in reverse order, so that they meet on
 * every server. Each server's lock lets one run migrate it while the other waits and then finds nothing left to do
 * (or, after the wait, says it is locked and goes on). Afterwards every server is migrated exactly once (one run in
 * its journal, the expected bytes in its files), every journal reads, and one {@code --rollback} restores every
 * original byte.
 */
class ConcurrentWriteIT {

    private static final int SERVERS = 200;
    private static final Pattern WRITTEN = Pattern.compile("written: (\\d+), unchanged: (\\d+), failed: (\\d+)");

    @Test
    void twoRunsAtOnceMigrateEachServerExactlyOnceAndOneRollbackRestoresEveryByte() throws Exception {
        Path fleet = Fleets.fresh("concurrent-write/fleet");
        List<Path> servers = new ArrayList<>();
        for (int i = 0; i < SERVERS; i++) {
            Path s = Files.createDirectories(fleet.resolve(String.format(Locale.ROOT, "s%03d", i)));
            Files.writeString(
                    s.resolve("server.tab"),
                    "# server " + i + "\n\"RootDomain\"\t\"s" + i
                            + ".example.jp\"\n\"DefaultSMTPGateways\"\t\"gw1.isp.example,gw2.isp.example\"\n");
            if (i % 2 == 0) {
                Files.writeString(
                        s.resolve("smtpfwd.tab"),
                        "\"partner.example\"\t\"mx1.partner.example," + "mx2.partner.example\"\n");
            }
            servers.add(s);
        }
        MigrationOptions options = MigrationOptions.standard().withFrom(Optional.of(XMailVersion.parse("1.22")));
        Map<Path, byte[]> original = new LinkedHashMap<>();
        Map<Path, byte[]> expected = new LinkedHashMap<>();
        Migrator migrator = new Migrator();
        for (Path s : servers) {
            MigrationResult r = migrator.migrate(MailRoot.open(s), options);
            for (FileResult f : r.files()) {
                original.put(f.path(), f.before());
                expected.put(f.path(), f.after());
            }
        }

        List<String> forward = List.of("migrate", "--write", "-q", "--lang", "en", "--from", "1.22", fleet.toString());
        List<String> backward = new ArrayList<>(List.of("migrate", "--write", "-q", "--lang", "en", "--from", "1.22"));
        for (int i = servers.size() - 1; i >= 0; i--) {
            backward.add(servers.get(i).toString());
        }
        long start = System.nanoTime();
        Process a = start(fleet, forward, "a");
        Process b = start(fleet, backward, "b");
        int codeA = finish(a);
        int codeB = finish(b);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

        String outA = Files.readString(fleet.resolveSibling("a.out"));
        String outB = Files.readString(fleet.resolveSibling("b.out"));
        List<String> errors = new ArrayList<>(Files.readAllLines(fleet.resolveSibling("a.err")));
        errors.addAll(Files.readAllLines(fleet.resolveSibling("b.err")));
        assertTrue(
                errors.stream().allMatch(l -> l.contains(": locked by another run of xmailkit")),
                () -> "only lock waits that ran out may fail a server: " + errors);
        assertTrue(codeA == 0 || codeA == 4, "a: exit " + codeA);
        assertTrue(codeB == 0 || codeB == 4, "b: exit " + codeB);
        assertEquals(errors.isEmpty(), codeA == 0 && codeB == 0, "exit 4 exactly when a server was skipped");
        assertEquals(SERVERS, written(outA) + written(outB), "a: " + outA + "b: " + outB + "(" + seconds + " s)");

        assertAll(servers.stream().map(s -> () -> {
            Journal journal = Journal.read(s.resolve("server.tab.xmailkit-journal"));
            assertEquals(1, journal.runs().size(), s + ": migrated by one run, once");
            Journal.Run run = journal.runs().get(0);
            assertTrue(run.ended(), s + ": the run ended");
            int files = Files.exists(s.resolve("smtpfwd.tab")) ? 2 : 1;
            assertEquals(
                    files, run.files().stream().filter(Journal.FileRecord::done).count(), s.toString());
        }));
        for (Map.Entry<Path, byte[]> e : expected.entrySet()) {
            assertArrayEquals(
                    e.getValue(), Files.readAllBytes(e.getKey()), e.getKey().toString());
        }
        try (Stream<Path> all = Files.walk(fleet)) {
            assertEquals(
                    List.of(),
                    all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file left");
        }

        Process back =
                start(fleet, List.of("migrate", "--rollback", "-q", "--lang", "en", fleet.toString()), "rollback");
        assertEquals(0, finish(back), () -> read(fleet.resolveSibling("rollback.err")));
        for (Map.Entry<Path, byte[]> e : original.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(e.getKey()), "rolled back: " + e.getKey());
        }
    }

    /** Starts the packaged jar (the release's) in a new JVM, its output going to files next to the fleet. */
    private static Process start(Path fleet, List<String> args, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = Release.unpacked().resolve("lib/xmailkit.jar");
        assertTrue(Files.isRegularFile(jar), "the packaged jar: " + jar);
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(args);
        return new ProcessBuilder(command)
                .redirectOutput(fleet.resolveSibling(name + ".out").toFile())
                .redirectError(fleet.resolveSibling(name + ".err").toFile())
                .start();
    }

    /** Waits for a run, bounded in time; a run that hangs is killed and fails the test. */
    private static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("a run did not finish within 3 minutes");
        }
        return p.exitValue();
    }

    private static long written(String summary) {
        Matcher m = WRITTEN.matcher(summary);
        assertTrue(m.find(), summary);
        return Long.parseLong(m.group(1));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
