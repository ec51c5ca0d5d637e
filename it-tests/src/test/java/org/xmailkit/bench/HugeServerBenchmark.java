package org.xmailkit.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One hostile server: a server.tab of {@code lines} lines ({@link SyntheticFleet#hostileServerTab}), through the
 * command line in this JVM: {@code audit --format json}, {@code migrate} (dry run) and {@code report}. Each is timed
 * once per iteration (single shot), so the figure includes the work a run does once. How the time grows with the
 * lines ({@code -p lines=250000,1000000}) shows whether every pass is linear.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class HugeServerBenchmark {

    /** Lines of the server.tab. */
    @Param({"100000"})
    public int lines;

    private Path dir;
    private Path root;

    /** Writes the server.tab. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("xmailkit-jmh-");
        root = Files.createDirectories(dir.resolve("huge"));
        SyntheticFleet.hostileServerTab(root.resolve("server.tab"), lines);
    }

    /** Deletes it and the report. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        FleetHarness.deleteTree(dir);
    }

    /** Removes the report of the last iteration. */
    @Setup(Level.Iteration)
    public void clean() throws IOException {
        FleetHarness.deleteTree(dir.resolve("site"));
    }

    /** {@code audit --format json}. */
    @Benchmark
    public int auditJson() {
        return InProcess.run(OutputStream.nullOutputStream(), "audit", "--format", "json", root.toString());
    }

    /** {@code migrate} (dry run). */
    @Benchmark
    public int migrate() {
        return InProcess.run(OutputStream.nullOutputStream(), "migrate", root.toString());
    }

    /** {@code report}. */
    @Benchmark
    public int report() {
        return InProcess.run(
                OutputStream.nullOutputStream(),
                "report",
                "--out",
                dir.resolve("site").toString(),
                root.toString());
    }
}
