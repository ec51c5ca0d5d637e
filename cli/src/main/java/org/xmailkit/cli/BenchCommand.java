package org.xmailkit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.model.fs.WriteManifest;
import org.xmailkit.report.FleetReport;

/**
 * {@code xmailkit bench [--servers N] [--out DIR]} (not listed in {@code --help}): builds a fleet of N servers from
 * copies of the demo fleet, runs the report on it and prints the wall time and the peak heap. Used to measure how
 * the report scales; the figures depend on the machine, so no test asserts them.
 *
 * <p>{@code xmailkit bench --lines N} measures one hostile server instead: a server.tab of N lines (unique unknown
 * names, one name repeated, a removed variable, lines without a TAB, in turn), audited, migrated (dry run) and
 * reported, each phase timed with its peak heap; how the cost grows with N shows whether every pass is linear.
 */
final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public boolean hidden() {
        return true;
    }

    @Override
    public String operands() {
        return "";
    }

    @Override
    public Options options(Locale locale) {
        Options o = new Options();
        o.addOption(Args.valued("n", "servers", "N", locale, "opt.bench.servers"));
        o.addOption(Args.valued("o", "out", "DIR", locale, "opt.bench.out"));
        o.addOption(Args.flag(null, "keep", locale, "opt.bench.keep"));
        o.addOption(Args.valued(null, "lines", "N", locale, "opt.bench.lines"));
        ReportRun.addOptions(o, locale);
        return o;
    }

    @Override
    public ExitCode run(CommandLine cl, CommandContext ctx) throws Exception {
        if (cl.hasOption("lines")) {
            return lines(number(cl, ctx, "lines", "1000000"), cl, ctx);
        }
        int n;
        try {
            n = Integer.parseInt(cl.getOptionValue("servers", "1000"));
        } catch (NumberFormatException e) {
            throw new UsageException(ctx.msg("cli.badValue", "--servers", cl.getOptionValue("servers"), "N > 0"));
        }
        if (n < 1) {
            throw new UsageException(ctx.msg("cli.badValue", "--servers", Integer.toString(n), "N > 0"));
        }
        AuditOptions options = ReportRun.auditOptions(cl, ctx);
        Path work = Files.createTempDirectory("xmailkit-bench-");
        Path out = cl.hasOption("out") ? ctx.resolve(cl.getOptionValue("out")) : work.resolve("report");
        WriteManifest report = ReportRun.checkOut(out, ctx);
        Path template = DemoCommand.extract(work.resolve("template"));
        DemoCertificates.generate(template, ctx.clock());
        List<Path> servers = fleet(template, work.resolve("fleet"), n);

        System.gc();
        HeapWatch watch = new HeapWatch();
        long start = System.nanoTime();
        FleetReport.Result r;
        try {
            watch.start();
            r = ReportRun.run(servers, report, options, ctx);
        } finally {
            watch.stop();
        }
        long nanos = System.nanoTime() - start;
        long peak = watch.peakUsed();
        long bytes = size(out);
        double seconds = nanos / 1e9;
        ctx.text().println(ctx.msg("bench.result", r.model().servers(), String.format(Locale.ROOT, "%.1f", seconds),
                String.format(Locale.ROOT, "%.1f", r.model().servers() / seconds), peak / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                bytes / (1024 * 1024), Runtime.getRuntime().availableProcessors()));
        if (!cl.hasOption("keep")) {
            delete(work.resolve("fleet"));
            delete(template);
            if (!cl.hasOption("out")) {
                delete(work);
            }
        } else {
            ctx.text().println(ctx.msg("report.written", r.index().toAbsolutePath().normalize()));
        }
        return r.failures().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
    }

    private static int number(CommandLine cl, CommandContext ctx, String option, String fallback)
            throws UsageException {
        String v = cl.getOptionValue(option, fallback);
        try {
            int n = Integer.parseInt(v.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(ctx.msg("cli.badValue", "--" + option, v, "N > 0"));
    }

    /** One server.tab of n lines through audit, migrate and report, each phase timed. */
    private static ExitCode lines(int n, CommandLine cl, CommandContext ctx) throws Exception {
        AuditOptions options = ReportRun.auditOptions(cl, ctx);
        Path work = Files.createTempDirectory("xmailkit-bench-");
        try {
            Path root = Files.createDirectories(work.resolve("hostile"));
            long bytes = hostileServerTab(root.resolve("server.tab"), n);
            ExitCode worst = ExitCode.OK;
            List<String[]> phases = List.of(
                    new String[] {"audit", "audit", "--format", "json", root.toString()},
                    new String[] {"migrate", "migrate", "--quiet", root.toString()},
                    new String[] {"report", "report", "--out", work.resolve("report").toString(), root.toString()});
            for (String[] phase : phases) {
                System.gc();
                HeapWatch watch = new HeapWatch();
                long start = System.nanoTime();
                ExitCode code;
                watch.start();
                try {
                    // Output goes nowhere: the figures are about the work, not the terminal.
                    CommandContext quiet = new CommandContext(OutputStream.nullOutputStream(),
                            OutputStream.nullOutputStream(), ctx.textCharset(), ctx.locale(), false, false,
                            ctx.clock(), ctx.workingDir());
                    String[] args = Arrays.copyOfRange(phase, 1, phase.length);
                    code = new Cli().run(args, quiet);
                } finally {
                    watch.stop();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                ctx.text().println(ctx.msg("bench.lines", phase[0], n, bytes / (1024 * 1024),
                        String.format(Locale.ROOT, "%.1f", seconds), watch.peakUsed() / (1024 * 1024),
                        Runtime.getRuntime().maxMemory() / (1024 * 1024), code.code()));
                if (code.code() > worst.code()) {
                    worst = code;
                }
            }
            return worst;
        } finally {
            delete(work);
        }
    }

    /**
     * Writes a server.tab of n lines, within the read bound: in turn a unique unknown name, RootDomain again (a dead
     * duplicate), a removed variable, a line without a TAB.
     *
     * @return its size in bytes
     */
    static long hostileServerTab(Path file, int n) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("RootDomain\tbench.example\n");
            for (int i = 1; i < n; i++) {
                switch (i % 4) {
                    case 0 -> w.write("V" + i + "\t" + i + "\n");
                    case 1 -> w.write("RootDomain\tx\n");
                    case 2 -> w.write("HeloUseRootDomain\t1\n");
                    default -> w.write("x" + i + "\n");
                }
            }
        }
        return Files.size(file);
    }

    /**
     * Watches the heap while the report runs: the most ever in use, sampled. The collector lets garbage pile up when
     * the heap limit allows, so the figure says most with a small limit ({@code -Xmx}); the smallest limit a run
     * completes in is the real need.
     */
    private static final class HeapWatch {
        private final Thread sampler;
        private volatile boolean running = true;
        private volatile long peakUsed;

        HeapWatch() {
            sampler = new Thread(() -> {
                while (running) {
                    peakUsed = Math.max(peakUsed,
                            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "xmailkit-bench-heap");
            sampler.setDaemon(true);
        }

        void start() {
            sampler.start();
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }

        long peakUsed() {
            return peakUsed;
        }

    }

    /** Copies the sample servers round-robin into n MailRoots (and bare server.tab files). */
    private static List<Path> fleet(Path template, Path dir, int n) throws IOException {
        List<Path> samples = new ArrayList<>();
        try (Stream<Path> s = Files.list(template)) {
            s.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".tab")).sorted()
                    .forEach(samples::add);
        }
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path sample = samples.get(i % samples.size());
            Path target = dir.resolve(String.format(Locale.ROOT, "s%05d-%s", i, sample.getFileName()));
            copy(sample, target);
            out.add(target);
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
