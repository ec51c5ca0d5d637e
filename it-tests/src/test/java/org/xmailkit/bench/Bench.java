package org.xmailkit.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's entry point ({@code bench/run}, which builds it and runs it on it-tests' test class path):
 *
 * <pre>
 * all                     fleet, then huge, then jmh (the default)
 * fleet [--servers 1000,10000] [--repeat 3] [--java-opts "-Xmx256m"] [--commands audit,audit-json,report,...]
 * huge  [--lines 1000000] [--repeat 1] [--java-opts "-Xmx256m"]
 * jmh   [JMH options]     the per-server benchmarks (e.g. -f 1 -wi 3 -i 5; -h for JMH's help)
 * common: [--jar cli/target/xmailkit.jar] [--work it-tests/target/bench] [--timeout 1800]
 * </pre>
 */
public final class Bench {

    private Bench() {}

    /**
     * @param args the command line
     * @throws Exception when a measurement cannot be made
     */
    public static void main(String[] args) throws Exception {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        String what = a.isEmpty() || a.get(0).startsWith("-") ? "all" : a.remove(0);
        switch (what) {
            case "fleet" -> harness(a, false).run();
            case "huge" -> harness(a, true).run();
            case "jmh" -> org.openjdk.jmh.Main.main(a.toArray(String[]::new));
            case "all" -> {
                harness(a, false).run();
                System.out.println();
                harness(a, true).run();
                System.out.println();
                org.openjdk.jmh.Main.main(new String[] {"-f", "1", "-wi", "3", "-i", "5"});
            }
            default -> {
                System.err.println("usage: bench/run [all|fleet|huge|jmh] [options] (see docs/performance.md)");
                System.exit(2);
            }
        }
    }

    /** The harness for the options given (those it does not know are an error). */
    static FleetHarness harness(List<String> args, boolean huge) {
        return harness(args, huge, System.out, System.err);
    }

    static FleetHarness harness(List<String> args, boolean huge, PrintStream out, PrintStream log) {
        String sizes = huge ? "1000000" : "1000,10000";
        int repeat = huge ? 1 : 3;
        String javaOpts = "-Xmx256m";
        String jar = "cli/target/xmailkit.jar";
        String classpath = null;
        Path work = Path.of("it-tests/target/bench");
        List<FleetHarness.Command> commands = huge ? FleetHarness.HUGE : FleetHarness.COMMANDS;
        long timeout = 1800;
        for (int i = 0; i < args.size(); i += 2) {
            // Options and their values come in pairs.
            String o = args.get(i);
            String v = i + 1 < args.size() ? args.get(i + 1) : null;
            if (v == null) {
                throw new IllegalArgumentException(o + " needs a value");
            }
            switch (o) {
                case "--servers", "--lines" -> sizes = v;
                case "--repeat" -> repeat = Integer.parseInt(v);
                case "--java-opts" -> javaOpts = v;
                case "--jar" -> jar = v;
                case "--classpath" -> classpath = v;
                case "--work" -> work = Path.of(v);
                case "--timeout" -> timeout = Long.parseLong(v);
                case "--commands" -> {
                    List<String> names = Arrays.asList(v.split(","));
                    commands = (huge ? FleetHarness.HUGE : FleetHarness.COMMANDS)
                            .stream().filter(c -> names.contains(c.key())).toList();
                }
                default -> throw new IllegalArgumentException("unknown option " + o);
            }
        }
        List<Integer> n = Arrays.stream(sizes.split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
        List<String> launch = classpath == null
                ? List.of("-jar", Path.of(jar).toAbsolutePath().toString())
                : List.of("-cp", classpath, "org.xmailkit.cli.Main");
        List<String> opts =
                javaOpts.isBlank() ? List.of() : Arrays.asList(javaOpts.strip().split("\\s+"));
        return new FleetHarness(
                new FleetHarness.Options(
                        n, huge, repeat, opts, launch, work.toAbsolutePath().normalize(), commands, timeout),
                out,
                log);
    }
}
