package org.xmailkit.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole-process benchmark: for each fleet size it builds the {@link SyntheticFleet} (once; kept in the work
 * directory for the next run), times {@code cat} of all its files (warm, after one untimed read), times the JVM start
 * ({@code xmailkit --version}), then runs each command of the command line over the fleet in a JVM of its own, with
 * the same options, and prints for each: wall time (the median of the repeats), its ratio to {@code cat}, the ratio
 * of the time after the JVM start to {@code cat}, CPU time, peak heap, heap live after a collection, peak RSS, the
 * exit code and the load average when it ended. A last table shows how the time per server grows between the
 * smallest and the largest fleet. For one huge server ({@code --lines N}) the same is measured over one server.tab of
 * N lines instead.
 *
 * <p>Figures depend on the machine and on what else runs on it: they are printed, never asserted.
 */
public final class FleetHarness {

    /** A command line measured, with {@code FLEET} and {@code OUT} standing for the fleet and an output directory. */
    record Command(String key, String name, List<String> args) {}

    /** Every fleet command, in the order measured. */
    static final List<Command> COMMANDS = List.of(
            new Command("audit", "audit", List.of("audit", "FLEET")),
            new Command("audit-json", "audit --format json", List.of("audit", "--format", "json", "FLEET")),
            new Command("audit-sarif", "audit --format sarif", List.of("audit", "--format", "sarif", "FLEET")),
            new Command("audit-html", "audit --format html", List.of("audit", "--format", "html", "FLEET")),
            new Command("migrate", "migrate (dry run)", List.of("migrate", "FLEET")),
            new Command("report", "report", List.of("report", "--out", "OUT", "FLEET")),
            new Command("show", "show", List.of("show", "FLEET")));

    /** The commands measured on one huge server. */
    static final List<Command> HUGE = List.of(
            new Command("audit", "audit", List.of("audit", "FLEET")),
            new Command("audit-json", "audit --format json", List.of("audit", "--format", "json", "FLEET")),
            new Command("migrate", "migrate (dry run)", List.of("migrate", "FLEET")),
            new Command("report", "report", List.of("report", "--out", "OUT", "FLEET")),
            new Command("show", "show", List.of("show", "FLEET")));

    /**
     * How to run.
     *
     * @param sizes    fleet sizes (servers), or line counts of the huge server
     * @param huge     whether the sizes are line counts of one server.tab
     * @param repeat   runs per command (the median is shown)
     * @param javaOpts options for every JVM started
     * @param xmailkit how to start xmailkit after {@code java} and the options: {@code -jar JAR} or {@code -cp CP MAIN}
     * @param work     where fleets and outputs go
     * @param commands the commands, by name ({@link #COMMANDS})
     * @param timeout  the most one run may take, in seconds
     */
    record Options(
            List<Integer> sizes,
            boolean huge,
            int repeat,
            List<String> javaOpts,
            List<String> xmailkit,
            Path work,
            List<Command> commands,
            long timeout) {}

    private final Options options;
    private final PrintStream out;
    private final PrintStream log;

    /**
     * @param options how to run
     * @param out     where the tables go
     * @param log     where progress goes
     */
    FleetHarness(Options options, PrintStream out, PrintStream log) {
        this.options = options;
        this.out = out;
        this.log = log;
    }

    /** One command at one size. */
    record Row(int size, String command, Measured m, double cat, double jvm, double load) {}

    /**
     * Runs every measurement and prints the tables.
     *
     * @return every row, in order
     * @throws IOException when a fleet cannot be built or a process not run
     */
    List<Row> run() throws IOException {
        out.println(machine());
        out.println();
        List<Row> rows = new ArrayList<>();
        String unit = options.huge() ? "lines" : "servers";
        out.println("| " + unit + " | command | wall s | × cat | (wall − JVM) / cat | CPU s | peak heap MB "
                + "| live heap MB | peak RSS MB | exit | load |");
        out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int size : options.sizes()) {
            Path fleet = options.huge() ? hugeServer(size) : fleet(size);
            List<Path> files = SyntheticFleet.files(fleet);
            Path list = options.work().resolve("files-" + unit + "-" + size + ".list");
            writeList(list, files);
            long bytes = 0;
            for (Path f : files) {
                bytes += Files.size(f);
            }
            log.printf(Locale.ROOT, "%,d %s: %,d files, %,d bytes%n", size, unit, files.size(), bytes);
            Measured cat = repeat(List.of("xargs", "-0", "cat"), fleet, list, false, true);
            Row catRow = new Row(
                    size,
                    "cat (" + files.size() + " files, " + Measured.mb(bytes) + " MB)",
                    cat,
                    cat.wallSeconds(),
                    0,
                    load());
            print(catRow);
            rows.add(catRow);
            List<String> version = xmailkit(List.of("--version"), fleet);
            Measured jvm = repeat(version, fleet, null, true, false);
            Row jvmRow = new Row(size, "JVM start (--version)", jvm, cat.wallSeconds(), jvm.wallSeconds(), load());
            print(jvmRow);
            rows.add(jvmRow);
            for (Command c : options.commands()) {
                Measured m = repeat(xmailkit(c.args(), fleet), options.work(), null, true, false);
                Row r = new Row(size, c.name(), m, cat.wallSeconds(), jvm.wallSeconds(), load());
                print(r);
                rows.add(r);
            }
        }
        growth(rows);
        return rows;
    }

    private Measured repeat(List<String> command, Path dir, Path stdin, boolean java, boolean warm) throws IOException {
        Path gc = options.work().resolve("gc.log");
        List<String> cmd = new ArrayList<>(command);
        if (warm) {
            Measured.run(cmd, dir, stdin, null, options.timeout()); // reads the files into the page cache
        }
        List<Measured> runs = new ArrayList<>();
        for (int i = 0; i < options.repeat(); i++) {
            deleteTree(options.work().resolve("out"));
            runs.add(Measured.run(cmd, dir, stdin, java ? gc : null, options.timeout()));
            log.printf(
                    Locale.ROOT,
                    "  %s: %.2f s%n",
                    String.join(" ", command.subList(Math.max(0, command.size() - 3), command.size())),
                    runs.get(i).wallSeconds());
        }
        deleteTree(options.work().resolve("out"));
        return Measured.median(runs);
    }

    /**
     * The virtual machine options xmailkit's launchers give before XMAILKIT_JAVA_OPTS (bin/xmailkit and the
     * release's bin/xmailkit and bin/xmailkit.cmd; BenchSmokeIT checks that they agree), so that the benchmark
     * measures what an administrator runs.
     */
    static final List<String> LAUNCHER_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    /**
     * The xmailkit command line: java, the launchers' options, then the benchmark's (which may override them), a GC
     * log, the launch arguments and the command's own.
     */
    private List<String> xmailkit(List<String> args, Path fleet) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(LAUNCHER_OPTIONS);
        cmd.addAll(options.javaOpts());
        cmd.add("-Xlog:gc,gc+heap+exit:file=" + options.work().resolve("gc.log"));
        cmd.addAll(options.xmailkit());
        cmd.add("--lang");
        cmd.add("en");
        for (String a : args) {
            cmd.add(
                    switch (a) {
                        case "FLEET" -> fleet.toString();
                        case "OUT" -> options.work().resolve("out").toString();
                        default -> a;
                    });
        }
        return cmd;
    }

    private void print(Row r) {
        Measured m = r.m();
        boolean base = r.command().startsWith("cat") || r.command().startsWith("JVM");
        out.printf(
                Locale.ROOT,
                "| %,d | %s | %s | %s | %s | %s | %s | %s | %s | %d | %.1f |%n",
                r.size(),
                r.command(),
                Measured.seconds(m.wallSeconds()),
                base ? "" : ratio(m.wallSeconds(), r.cat()),
                base ? "" : ratio(m.wallSeconds() - r.jvm(), r.cat()),
                Measured.seconds(m.cpuSeconds()),
                Measured.mb(m.heapBytes()),
                Measured.mb(m.liveBytes()),
                Measured.mb(m.rssBytes()),
                m.exit(),
                r.load());
        out.flush();
    }

    /** Time per server (after the JVM start) at the largest size against the smallest, for each command. */
    private void growth(List<Row> rows) {
        int small = options.sizes().stream().min(Integer::compare).orElseThrow();
        int large = options.sizes().stream().max(Integer::compare).orElseThrow();
        if (small == large) {
            return;
        }
        String unit = options.huge() ? "line" : "server";
        out.println();
        out.printf(
                Locale.ROOT,
                "| command | wall per %s at %,d (ms) | at %,d (ms) | growth | CPU per %s at %,d (ms) "
                        + "| at %,d (ms) | growth |%n",
                unit,
                small,
                large,
                unit,
                small,
                large);
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        Map<String, Row[]> pairs = new LinkedHashMap<>();
        Map<Integer, Row> jvm = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.command().startsWith("JVM")) {
                jvm.put(r.size(), r);
            }
            if (r.size() == small || r.size() == large) {
                String key = r.command().startsWith("cat") ? "cat" : r.command();
                pairs.computeIfAbsent(key, k -> new Row[2])[r.size() == small ? 0 : 1] = r;
            }
        }
        pairs.forEach((name, p) -> {
            if (p[0] == null || p[1] == null || name.startsWith("JVM")) {
                return;
            }
            boolean cat = name.equals("cat");
            double w0 = per(p[0].m().wallSeconds() - (cat ? 0 : p[0].jvm()), small);
            double w1 = per(p[1].m().wallSeconds() - (cat ? 0 : p[1].jvm()), large);
            double c0 =
                    per(p[0].m().cpuSeconds() - (cat ? 0 : jvm.get(small).m().cpuSeconds()), small);
            double c1 =
                    per(p[1].m().cpuSeconds() - (cat ? 0 : jvm.get(large).m().cpuSeconds()), large);
            out.printf(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %s | %.3f | %.3f | %s |%n",
                    name,
                    w0,
                    w1,
                    ratio(w1, w0),
                    c0,
                    c1,
                    ratio(c1, c0));
        });
        out.flush();
    }

    private static double per(double seconds, int n) {
        return seconds * 1000 / n;
    }

    private static String ratio(double a, double b) {
        return b <= 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    /** The fleet of n servers, built unless the work directory already holds it complete. */
    private Path fleet(int n) throws IOException {
        Path dir = options.work().resolve("fleet-" + n);
        Path done = options.work().resolve("fleet-" + n + ".done");
        if (!Files.exists(done)) {
            deleteTree(dir);
            log.printf(Locale.ROOT, "building a fleet of %,d servers in %s%n", n, dir);
            SyntheticFleet.build(dir, n);
            Files.writeString(done, n + " servers\n");
        }
        return dir;
    }

    /** A MailRoot holding only a server.tab of n lines. */
    private Path hugeServer(int lines) throws IOException {
        Path dir = Files.createDirectories(options.work().resolve("huge-" + lines));
        Path tab = dir.resolve("server.tab");
        if (!Files.exists(tab)) {
            SyntheticFleet.hostileServerTab(tab, lines);
        }
        return dir;
    }

    private static void writeList(Path list, List<Path> files) throws IOException {
        Files.createDirectories(list.getParent());
        try (OutputStream o = Files.newOutputStream(list)) {
            for (Path f : files) {
                o.write(f.toString().getBytes(StandardCharsets.UTF_8));
                o.write(0);
            }
        }
    }

    private static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The machine, the Java, the date and the load, for the record. */
    static String machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("?");
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        long mem = -1;
        try {
            mem = Long.parseLong(
                            Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", ""))
                    * 1024;
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        String loadavg = "?";
        try {
            loadavg = String.join(
                    " ",
                    Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return String.format(
                Locale.ROOT,
                "%s: %s, %d cores, %s GB RAM, %s %s, Java %s (%s); load average %s",
                LocalDate.now(ZoneId.systemDefault()),
                cpu,
                Runtime.getRuntime().availableProcessors(),
                mem < 0 ? "?" : Long.toString(Math.round(mem / 1e9)),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                loadavg);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
