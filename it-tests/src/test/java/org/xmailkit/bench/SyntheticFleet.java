package org.xmailkit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fleets the benchmark measures, built the same way every time. A fleet of N servers holds N MailRoots named
 * {@code sNNNNN-<sample>}, copies of the sample fleet's MailRoots in turn (the demo's, which the command line
 * bundles): each with its server.tab and the first five other files of its sample in name order, so {@value #FILES}
 * files a server, byte for byte as the sample has them (Shift_JIS and CRLF included). The sample's certificates are
 * made when the demo runs and are left out, so the fleet needs no randomness.
 *
 * <p>A hostile server is one server.tab of N lines, within the read bound, of the kinds of line a hostile file
 * repeats: a unique unknown name, RootDomain again (a dead duplicate), a removed variable, a line without a TAB.
 */
public final class SyntheticFleet {

    /** Files per server. */
    public static final int FILES = 6;

    private static final String DEMO = "/org/xmailkit/cli/demo/";

    private SyntheticFleet() {}

    /**
     * @param dir     a directory that does not exist yet, or an empty one
     * @param servers how many servers
     * @return the files written, in the order written
     * @throws IOException when a file cannot be written
     */
    public static List<Path> build(Path dir, int servers) throws IOException {
        Map<String, List<String>> samples = samples();
        List<String> names = new ArrayList<>(samples.keySet());
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (List<String> files : samples.values()) {
            for (String f : files) {
                bytes.put(f, resource(f));
            }
        }
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>(servers * FILES);
        for (int i = 0; i < servers; i++) {
            String sample = names.get(i % names.size());
            Path root = Files.createDirectory(dir.resolve(String.format(Locale.ROOT, "s%05d-%s", i, sample)));
            for (String f : samples.get(sample)) {
                Path target = root.resolve(f.substring(sample.length() + 1));
                Files.write(target, bytes.get(f));
                written.add(target);
            }
        }
        return written;
    }

    /**
     * @param file  the server.tab to write
     * @param lines how many lines
     * @return its size in bytes
     * @throws IOException when it cannot be written
     */
    public static long hostileServerTab(Path file, int lines) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("RootDomain\tbench.example\n");
            for (int i = 1; i < lines; i++) {
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
     * @param dir a directory
     * @return every regular file below it, sorted
     * @throws IOException when it cannot be listed
     */
    public static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The sample MailRoots (not the bare server.tab) and the files taken from each, server.tab first. */
    static Map<String, List<String>> samples() throws IOException {
        Map<String, List<String>> all = new java.util.TreeMap<>();
        for (String line : new String(resource("fleet.txt"), StandardCharsets.UTF_8).split("\n")) {
            String t = line.strip();
            int slash = t.indexOf('/');
            // Top-level files of a MailRoot only: no directory, nothing deeper.
            if (t.isEmpty() || t.startsWith("#") || slash < 0 || t.indexOf('/', slash + 1) >= 0) {
                continue;
            }
            all.computeIfAbsent(t.substring(0, slash), k -> new ArrayList<>()).add(t);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        all.forEach((sample, files) -> {
            String tab = sample + "/server.tab";
            List<String> chosen = new ArrayList<>(List.of(tab));
            files.stream().filter(f -> !f.equals(tab)).sorted().limit(FILES - 1).forEach(chosen::add);
            if (chosen.size() == FILES && files.contains(tab)) {
                out.put(sample, chosen);
            }
        });
        if (out.isEmpty()) {
            throw new IllegalStateException("the sample fleet has no MailRoot with " + FILES + " files");
        }
        return out;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SyntheticFleet.class.getResourceAsStream(DEMO + name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the sample fleet lacks " + name + " (is xmailkit-cli on the class path?)");
            }
            return in.readAllBytes();
        }
    }
}
