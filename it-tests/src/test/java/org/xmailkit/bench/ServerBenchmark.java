package org.xmailkit.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.Auditor;
import org.xmailkit.migrate.MigrationOptions;
import org.xmailkit.migrate.Migrator;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;

/**
 * The path of one server, in one thread: each sample MailRoot of the {@link SyntheticFleet} opened (read and parsed),
 * audited, and migrated in memory (dry run). One operation is every sample once; the time per server is the score
 * divided by {@link #servers()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class ServerBenchmark {

    private Path dir;
    private final List<Path> servers = new ArrayList<>();
    private final Auditor auditor = Auditor.standard();
    private final Migrator migrator = new Migrator();
    private final AuditOptions options = AuditOptions.defaults();

    /** Writes one copy of each sample MailRoot. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("xmailkit-jmh-");
        int samples = SyntheticFleet.samples().size();
        SyntheticFleet.build(dir.resolve("fleet"), samples);
        try (var s = Files.list(dir.resolve("fleet"))) {
            s.sorted().forEach(servers::add);
        }
    }

    /** Deletes them. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        FleetHarness.deleteTree(dir);
    }

    /** @return how many servers one operation handles */
    public int servers() {
        return servers.size();
    }

    /**
     * Opens every sample: its server.tab read and parsed.
     *
     * @return the lines of every server.tab
     */
    @Benchmark
    public int open() throws InputException {
        int lines = 0;
        for (Path p : servers) {
            lines += MailRoot.open(p).serverTab().document().lines().size();
        }
        return lines;
    }

    /**
     * Opens and audits every sample.
     *
     * @return the findings of all
     */
    @Benchmark
    public int audit() throws InputException {
        int findings = 0;
        for (Path p : servers) {
            AuditResult r = auditor.audit(MailRoot.open(p), options);
            findings += r.findings().size();
        }
        return findings;
    }

    /**
     * Opens and migrates every sample in memory (plan, diff, the audit before and after).
     *
     * @return the changes planned for all
     */
    @Benchmark
    public int migrate() throws InputException {
        int changes = 0;
        for (Path p : servers) {
            changes += migrator.migrate(MailRoot.open(p), MigrationOptions.standard())
                    .changes()
                    .size();
        }
        return changes;
    }

    /**
     * Runs {@code xmailkit audit --format json} in this JVM over every sample, the output thrown away.
     *
     * @return the exit code
     */
    @Benchmark
    public int auditJson() {
        return InProcess.run(
                OutputStream.nullOutputStream(),
                "audit",
                "--format",
                "json",
                dir.resolve("fleet").toString());
    }
}
