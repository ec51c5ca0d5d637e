package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmailkit.model.fs.Hashes;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.model.testing.XMail127Default;

/**
 * Every output of {@code audit} (text, quiet text, JSON, SARIF, HTML), {@code migrate} (dry run) and {@code report}
 * (its JSON, SARIF and pages), in English and Japanese, over four fleets: the sample fleet of the demo, the migration
 * test fleet, XMail 1.27's default MailRoot, and a hostile fleet (a server that cannot be read, a file that is a link
 * leaving its MailRoot, a directory too deep to search, control characters and a Japanese name, waivers used, expired,
 * unused and not honoured, a long server.tab). The outputs must stay what they were when these files were recorded,
 * byte for byte: the audit's JSON and SARIF are kept whole under {@code src/test/resources/golden/<fleet>/}, the
 * other outputs as SHA-256 digests in {@code digests.txt} there.
 *
 * <p>Before comparing, the run's temporary directory is replaced by {@code @ROOT@} and the version by
 * {@code @VERSION@}; the clock is fixed. A difference writes the output to {@code target/golden-actual/}.
 * {@code -Dxmailkit.golden.update=true} records the outputs again (only for a change meant to alter them).
 */
class OutputGoldenTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T03:00:00Z"), ZoneOffset.UTC);
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path ACTUAL = Path.of("target/golden-actual");
    private static final boolean UPDATE = Boolean.getBoolean("xmailkit.golden.update");
    private static final Pattern FINGERPRINT = Pattern.compile("sha256=(?:[0-9A-F]{2}:){31}[0-9A-F]{2}");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"demo", "migrate-fleet", "xmail127-default", "hostile"})
    void everyOutputIsByteForByteWhatItWas(String set) throws Exception {
        List<String> inputs = build(set);
        List<String> extra = set.equals("hostile") ? List.of("--waivers", "waivers.txt") : List.of();
        Map<String, byte[]> whole = new TreeMap<>();
        Map<String, byte[]> digested = new TreeMap<>();
        for (String lang : List.of("en", "ja")) {
            whole.put("audit." + lang + ".json", audit(lang, inputs, extra, "--format", "json"));
            whole.put("audit." + lang + ".sarif", audit(lang, inputs, extra, "--format", "sarif"));
            digested.put("audit." + lang + ".txt", audit(lang, inputs, extra));
            digested.put("audit-quiet." + lang + ".txt", audit(lang, inputs, extra, "--quiet"));
            digested.put("audit." + lang + ".html", audit(lang, inputs, extra, "--format", "html"));
            digested.put("migrate." + lang + ".txt", run(lang, "migrate", inputs, List.of()));
            String site = "site-" + lang;
            digested.put("report." + lang + ".txt", run(lang, "report", inputs, concat(extra, List.of("--out", site))));
            try (Stream<Path> files = Files.walk(tmp.resolve(site))) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = tmp.resolve(site).relativize(f).toString().replace('\\', '/');
                    if (!name.equals("xmailkit-manifest.sha256")) {
                        digested.put(site + "/" + name, normalise(Files.readAllBytes(f)));
                    }
                }
            }
        }
        compare(set, whole, digested);
    }

    private byte[] audit(String lang, List<String> inputs, List<String> extra, String... options) {
        return run(lang, "audit", inputs, concat(extra, List.of(options)));
    }

    /** Runs a command in the fleet's directory, stdout and stderr together (stderr after a line of its own). */
    private byte[] run(String lang, String command, List<String> inputs, List<String> options) {
        List<String> args = new ArrayList<>(List.of("--lang", lang, command));
        args.addAll(options);
        args.addAll(inputs);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandContext ctx =
                new CommandContext(out, err, StandardCharsets.UTF_8, Locale.ENGLISH, false, false, CLOCK, tmp);
        ExitCode code = new Cli().run(args.toArray(String[]::new), ctx);
        assertTrue(
                code.code() <= ExitCode.PARTIAL.code(),
                String.join(" ", args) + " exits " + code + ": " + err.toString(StandardCharsets.UTF_8));
        byte[] all = (out.toString(StandardCharsets.UTF_8) + "\n--- stderr, exit " + code.code() + "\n"
                        + err.toString(StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        return normalise(all);
    }

    private byte[] normalise(byte[] bytes) {
        String root = tmp.toAbsolutePath().normalize().toString();
        String uri = tmp.toAbsolutePath().normalize().toUri().toString();
        String s = new String(bytes, StandardCharsets.UTF_8)
                .replace(uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri, "@ROOT_URI@")
                .replace(root, "@ROOT@")
                .replace(Cli.version(), "@VERSION@");
        // The demo's keys are made when it runs, so its certificates' fingerprints differ from run to run.
        return FINGERPRINT.matcher(s).replaceAll("sha256=@FINGERPRINT@").getBytes(StandardCharsets.UTF_8);
    }

    private void compare(String set, Map<String, byte[]> whole, Map<String, byte[]> digested) throws IOException {
        Path dir = GOLDEN.resolve(set);
        StringBuilder digests = new StringBuilder();
        digested.forEach((name, bytes) ->
                digests.append(Hashes.sha256(bytes)).append("  ").append(name).append('\n'));
        if (UPDATE) {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> e : whole.entrySet()) {
                Files.write(dir.resolve(e.getKey()), e.getValue());
            }
            Files.writeString(dir.resolve("digests.txt"), digests.toString());
            return;
        }
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : whole.entrySet()) {
            Path golden = dir.resolve(e.getKey());
            if (!Files.exists(golden) || !Arrays.equals(Files.readAllBytes(golden), e.getValue())) {
                differ.add(e.getKey());
            }
        }
        Map<String, String> recorded = new TreeMap<>();
        Path digestFile = dir.resolve("digests.txt");
        if (Files.exists(digestFile)) {
            for (String line : Files.readAllLines(digestFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    recorded.put(line.substring(line.indexOf("  ") + 2), line.substring(0, line.indexOf("  ")));
                }
            }
        }
        for (Map.Entry<String, byte[]> e : digested.entrySet()) {
            if (!Hashes.sha256(e.getValue()).equals(recorded.get(e.getKey()))) {
                differ.add(e.getKey());
            }
        }
        recorded.keySet().stream().filter(k -> !digested.containsKey(k)).forEach(k -> differ.add(k + " (missing)"));
        if (!differ.isEmpty()) {
            Path actual = ACTUAL.resolve(set);
            for (Map<String, byte[]> m : List.of(whole, digested)) {
                for (Map.Entry<String, byte[]> e : m.entrySet()) {
                    Path f = actual.resolve(e.getKey());
                    Files.createDirectories(f.getParent());
                    Files.write(f, e.getValue());
                }
            }
            fail(set + ": output differs from the recorded one (actual output in " + actual.toAbsolutePath() + "): "
                    + differ);
        }
        assertEquals(List.of(), differ);
    }

    // ------------------------------------------------------------------ the fleets

    private List<String> build(String set) throws Exception {
        switch (set) {
            case "demo" -> {
                Path fleet = DemoCommand.extract(Files.createDirectories(tmp.resolve("fleet")));
                DemoCertificates.generate(fleet, CLOCK);
                return List.of("fleet", "fleet/" + DemoCommand.BARE);
            }
            case "migrate-fleet" -> {
                copyTree(Path.of("../migrate/src/test/resources/fleet"), tmp.resolve("fleet"));
                Files.delete(tmp.resolve("fleet/FLEET.tsv"));
                return List.of("fleet");
            }
            case "xmail127-default" -> {
                XMail127Default.copyTo(tmp.resolve("MailRoot"));
                return List.of("MailRoot");
            }
            case "hostile" -> {
                hostile();
                return List.of("fleet");
            }
            default -> throw new IllegalArgumentException(set);
        }
    }

    /**
     * A fleet with every way a server, a file or a search can go wrong, values with control characters, waivers in
     * every state and a server.tab of a few hundred lines of the kinds a hostile file repeats.
     */
    private void hostile() throws IOException {
        Path fleet = tmp.resolve("fleet");
        XMail127Default.copyTo(fleet.resolve("a-default"));
        MailRootFixture.in(fleet.resolve("本社 mail"))
                .xmail127Default()
                .serverTab("""
                "RootDomain"\t"honsha.example.jp"
                "SmtpServerDomain"\t"mx.honsha.example.jp\u001B]0;owned\u0007"
                "POP3Domain"\t"honsha\u202Eexample.jp"
                # xmailkit:ignore UPG-001 the old webmail still reads it
                "HeloUseRootDomain"\t"1"
                # xmailkit:ignore NOPE-999 no such rule
                "DefaultSmtpPerms"\t"MRVZ"
                "CustomSMTPMessage"\t"call \u009B31m us"
                "SmtpMsgIPBanSpammers"\t"550 Denied"
                "DefaultSMTPGateways"\t"a.example.jp,b.example.jp"
                """)
                .write();
        Path broken = Files.createDirectories(fleet.resolve("broken"));
        Files.write(broken.resolve("server.tab"), new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0});
        Path linked = XMail127Default.copyTo(fleet.resolve("linked"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("relay.tab"), "\"0.0.0.0\"\t\"0.0.0.0\"\n");
        Files.delete(linked.resolve("smtprelay.tab"));
        Files.createSymbolicLink(linked.resolve("smtprelay.tab"), outside.resolve("relay.tab"));
        Path deep = fleet.resolve("deep");
        for (int i = 1; i < 13; i++) {
            deep = deep.resolve("d" + i);
        }
        XMail127Default.copyTo(deep.resolve("MailRoot"));
        Path longer = Files.createDirectories(fleet.resolve("long"));
        try (Writer w = Files.newBufferedWriter(longer.resolve("server.tab"), StandardCharsets.US_ASCII)) {
            w.write("\"RootDomain\"\t\"long.example\"\n");
            for (int i = 1; i < 240; i++) {
                switch (i % 4) {
                    case 0 -> w.write("V" + i + "\t" + i + "\n");
                    case 1 -> w.write("RootDomain\tx\n");
                    case 2 -> w.write("HeloUseRootDomain\t1\n");
                    default -> w.write("x" + i + "\n");
                }
            }
        }
        Files.writeString(tmp.resolve("waivers.txt"), """
                # used, expired and unused entries
                UPG-001  long/server.tab  expires=2026-12-31  the long one is being replaced
                CFG-019  "本社 mail/server.tab"  expires=2025-01-31  until the names are fixed
                CFG-001  nowhere/**  never matches
                """, StandardCharsets.UTF_8);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
