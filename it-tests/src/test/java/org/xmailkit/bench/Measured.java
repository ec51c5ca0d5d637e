package org.xmailkit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of a process, measured from outside: wall time; CPU time (user and system, of the process and everything
 * it waited for, from the kernel's count of this JVM's reaped children); peak resident memory (the kernel's
 * high-water mark, read every few milliseconds while it runs); for a Java process given a GC log, the peak heap in
 * use (the most in use before any collection, or at exit) and the most still live after a collection.
 *
 * @param wallSeconds wall time
 * @param cpuSeconds  CPU time, or -1 when the system does not say (no {@code /proc})
 * @param rssBytes    peak resident memory, or -1 when unknown
 * @param heapBytes   peak heap in use, or -1 when unknown
 * @param liveBytes   most heap live after a collection, or -1 when unknown
 * @param exit        the exit code
 */
public record Measured(double wallSeconds, double cpuSeconds, long rssBytes, long heapBytes, long liveBytes, int exit) {

    /** The kernel's clock ticks per second for CPU times in {@code /proc}: USER_HZ, 100 on Linux everywhere. */
    private static final double TICKS = 100.0;

    private static final Pattern COLLECTION = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\)");
    private static final Pattern AT_EXIT = Pattern.compile("total \\d+K, used (\\d+)K");

    /**
     * Runs a command to its end.
     *
     * @param command the command and its arguments
     * @param dir     the working directory
     * @param stdin   a file for standard input, or null for none
     * @param gcLog   the GC log the command writes ({@code -Xlog:gc,gc+heap+exit:file=...}), or null
     * @param timeout the most it may take
     * @return the measurement
     * @throws IOException when it cannot be started or does not end in time
     */
    public static Measured run(List<String> command, Path dir, Path stdin, Path gcLog, long timeout)
            throws IOException {
        if (gcLog != null) {
            Files.deleteIfExists(gcLog);
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from((stdin == null ? nullDevice() : stdin).toFile()));
        double cpuBefore = childrenCpu();
        long start = System.nanoTime();
        Process p = pb.start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long rss = -1;
        try {
            while (!p.waitFor(5, TimeUnit.MILLISECONDS)) {
                rss = Math.max(rss, highWater(status));
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(timeout)) {
                    p.destroyForcibly();
                    throw new IOException("did not end within " + timeout + " s: " + String.join(" ", command));
                }
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuAfter = childrenCpu();
        long[] heap = gcLog == null ? new long[] {-1, -1} : heap(gcLog);
        return new Measured(
                wall, cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore, rss, heap[0], heap[1], p.exitValue());
    }

    /**
     * @param runs measurements of the same thing
     * @return the run with the median wall time (the lower middle for an even count)
     */
    public static Measured median(List<Measured> runs) {
        List<Measured> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a.wallSeconds, b.wallSeconds));
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** @return megabytes, or "-" when unknown */
    static String mb(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%d", Math.round(bytes / (1024.0 * 1024.0)));
    }

    /** @return seconds with two decimals, or "-" when unknown */
    static String seconds(double s) {
        return s < 0 ? "-" : String.format(Locale.ROOT, "%.2f", s);
    }

    private static Path nullDevice() {
        return Path.of(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** The CPU time of this JVM's children that have ended and were waited for ({@code cutime + cstime}). */
    private static double childrenCpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return (Long.parseLong(f[16 - 3]) + Long.parseLong(f[17 - 3])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The process's peak resident memory so far ({@code VmHWM}), or -1 when it cannot be read (it ended). */
    private static long highWater(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // ended between two reads
        }
        return -1;
    }

    /** Peak heap in use and most live after a collection, from a GC log; -1 each when it says nothing. */
    static long[] heap(Path log) throws IOException {
        if (!Files.exists(log)) {
            return new long[] {-1, -1};
        }
        long peak = -1;
        long live = -1;
        long atExit = 0;
        boolean exit = false;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.contains("[gc,heap,exit")) {
                Matcher m = AT_EXIT.matcher(line);
                if (m.find()) {
                    atExit += Long.parseLong(m.group(1)) * 1024;
                    exit = true;
                }
                continue;
            }
            Matcher m = COLLECTION.matcher(line);
            if (line.contains("[gc]") && m.find()) {
                peak = Math.max(peak, bytes(m.group(1), m.group(2)));
                live = Math.max(live, bytes(m.group(3), m.group(4)));
            }
        }
        return new long[] {exit ? Math.max(peak, atExit) : peak, live};
    }

    private static long bytes(String n, String unit) {
        long v = Long.parseLong(n);
        return switch (unit) {
            case "K" -> v * 1024;
            case "M" -> v * 1024 * 1024;
            default -> v * 1024 * 1024 * 1024;
        };
    }
}
