package org.xmailkit.audit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.AuditRun;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.NetAudit;
import org.xmailkit.audit.NetAuditor;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.Profile;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.audit.probe.HostProbe;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.Messages;
import org.xmailkit.model.Text;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.testing.Bundles;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.model.version.SourceVersion;

/**
 * The one harness for rule tests, in the manner of Error Prone's compilation test helper: the input files carry
 * their expected findings as marker comments, and the harness fails on a marker without a finding and on a finding
 * without a marker.
 *
 * <pre>{@code
 * RuleCheck.of(new OpenRelay())
 *         .file("smtprelay.tab", """
 *                 "10.0.0.0/8"
 *                 # FINDING: everyone
 *                 "0.0.0.0/0"
 *                 """)
 *         .expectMarkers(dir);
 * }</pre>
 *
 * <p>A marker line {@code # FINDING: <case>} stands above the line the rule flags, in the file the line belongs to;
 * {@code <case>} is the last part of the message key {@code msg.<rule id>.<case>}, and any text after it must occur
 * in the English message. Several markers may stand above one line. A marker with nothing but other markers after
 * it expects a finding about the file as a whole (line 0). Marker lines are removed before the files are written,
 * so the rule never sees them and line numbers are those of the file without them. Findings about the MailRoot as a
 * whole (a missing file) are named with {@link Check#expectElsewhere}.
 *
 * <p>Every finding, from markers or from the static helpers, is checked the same way: it names the rule that made
 * it, its message key is one of that rule's ({@code msg.<id>.}), and it renders in English and in Japanese, with
 * every placeholder filled and Japanese text in the Japanese message.
 */
public final class RuleCheck {

    /** A spammers.tab so that sessions are not refused; most fixtures of the SEC rules want one. */
    public static final String SPAMMERS = "spammers.tab";

    private static final Pattern MARKER = Pattern.compile("#\\s*FINDING:\\s*(\\S+)\\s*(.*)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    private RuleCheck() {}

    // ------------------------------------------------------------------ inline markers

    /**
     * @param rule the rule under test
     * @return a check of it over files with inline markers
     */
    public static Check of(Rule rule) {
        return new Check(rule);
    }

    /** One check: the rule, the files with their markers, the options and the source version. */
    public static final class Check {

        private final Rule rule;
        private final Map<String, String> files = new LinkedHashMap<>();
        private final List<String> elsewhere = new ArrayList<>();
        private AuditOptions options = RuleCheck.options();
        private SourceVersion source;

        private Check(Rule rule) {
            this.rule = Objects.requireNonNull(rule, "rule");
        }

        /**
         * @param text server.tab, with markers
         * @return this check
         */
        public Check serverTab(String text) {
            return file("server.tab", text);
        }

        /**
         * @param name a MailRoot file, e.g. {@code smtprelay.tab} or {@code domains/a.jp/u/user.tab}
         * @param text its text, with markers
         * @return this check
         */
        public Check file(String name, String text) {
            files.put(name, text);
            return this;
        }

        /**
         * @param o the audit options (default: the strict profile, every rule runs)
         * @return this check
         */
        public Check options(AuditOptions o) {
            this.options = Objects.requireNonNull(o, "options");
            return this;
        }

        /**
         * @param version the source version, as if given with {@code --from} (default: detected from server.tab)
         * @return this check
         */
        public Check from(String version) {
            this.source = SourceVersion.given(XMailVersion.parse(version));
            return this;
        }

        /**
         * @param earliest the earliest plausible source version
         * @param latest   the latest
         * @return this check, with a source known only as that range
         */
        public Check range(String earliest, String latest) {
            this.source = new SourceVersion(XMailVersion.parse(earliest), XMailVersion.parse(latest), List.of(), false);
            return this;
        }

        /**
         * @param kase a finding expected about the MailRoot as a whole (its location is the directory)
         * @return this check
         */
        public Check expectElsewhere(String kase) {
            elsewhere.add(kase);
            return this;
        }

        /**
         * Writes the files without their markers into {@code dir}, runs the rule, and compares what it finds with
         * the markers.
         *
         * @param dir an empty temporary directory
         * @return the findings, in the order the auditor sorts them
         */
        public List<Finding> expectMarkers(Path dir) {
            List<Expected> expected = new ArrayList<>();
            MailRootFixture fixture = MailRootFixture.in(dir).serverTab(files.getOrDefault("server.tab", ""));
            for (Map.Entry<String, String> e : files.entrySet()) {
                String text = strip(e.getKey(), e.getValue(), expected);
                if (e.getKey().equals("server.tab")) {
                    fixture.serverTab(text);
                } else {
                    fixture.file(e.getKey(), text);
                }
            }
            elsewhere.forEach(k -> expected.add(new Expected("", 0, k, "")));
            MailRoot root = fixture.open();
            List<Finding> found = source == null ? findings(rule, root, options) : run(rule, root, options, source);
            compare(dir, expected, found);
            return found;
        }

        private void compare(Path dir, List<Expected> expected, List<Finding> found) {
            List<Expected> missing = new ArrayList<>(expected);
            List<String> unexpected = new ArrayList<>();
            for (Finding f : found) {
                String file = place(dir, f.location().file());
                String kase = f.message().key().substring(("msg." + rule.info().id() + ".").length());
                Optional<Expected> hit = missing.stream()
                        .filter(x -> x.file().equals(file)
                                && x.line() == f.location().line()
                                && x.kase().equals(kase)
                                && f.message(Locale.ENGLISH).contains(x.fragment()))
                        .findFirst();
                if (hit.isPresent()) {
                    missing.remove(hit.get());
                } else {
                    unexpected.add(file + ":" + f.location().line() + " " + kase + ": " + f.message(Locale.ENGLISH));
                }
            }
            if (!missing.isEmpty() || !unexpected.isEmpty()) {
                fail(rule.info().id() + ": markers without a finding " + missing + "; findings without a marker "
                        + unexpected);
            }
        }

        /** The file a finding names, relative to the MailRoot ("" for the MailRoot itself). */
        private static String place(Path dir, Path file) {
            Path d = dir.toAbsolutePath().normalize();
            Path f = file.toAbsolutePath().normalize();
            return f.equals(d) ? "" : d.relativize(f).toString().replace('\\', '/');
        }

        /** The text without its marker lines; the markers become expectations on the lines they stand above. */
        private static String strip(String name, String text, List<Expected> expected) {
            StringBuilder out = new StringBuilder();
            List<Matcher> pending = new ArrayList<>();
            int line = 0;
            for (String l : text.split("(?<=\n)", -1)) {
                if (l.isEmpty()) {
                    continue;
                }
                Matcher m = MARKER.matcher(l.strip());
                if (m.matches()) {
                    pending.add(m);
                    continue;
                }
                line++;
                for (Matcher p : pending) {
                    expected.add(new Expected(name, line, p.group(1), p.group(2).strip()));
                }
                pending.clear();
                out.append(l);
            }
            for (Matcher p : pending) {
                expected.add(new Expected(name, 0, p.group(1), p.group(2).strip()));
            }
            return out.toString();
        }
    }

    /** A marker: a finding with this case on this line (0: the file) of this file, its message holding the text. */
    private record Expected(String file, int line, String kase, String fragment) {}

    // ------------------------------------------------------------------ MailRoots

    /**
     * @param dir       a temporary directory
     * @param serverTab server.tab text ({@code \t} for TABs)
     * @param files     further files: name, text, name, text, ...
     * @return the MailRoot
     */
    public static MailRoot root(Path dir, String serverTab, String... files) {
        MailRootFixture f = MailRootFixture.in(dir).serverTab(serverTab);
        for (int i = 0; i + 1 < files.length; i += 2) {
            f.file(files[i], files[i + 1]);
        }
        return f.open();
    }

    /**
     * @param dir       a temporary directory
     * @param serverTab server.tab text
     * @return the file opened on its own (a bare server.tab)
     */
    public static MailRoot bare(Path dir, String serverTab) {
        MailRootFixture.in(dir).serverTab(serverTab).write();
        try {
            return MailRoot.open(dir.resolve("server.tab"));
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param values the columns
     * @return a line of a .tab file with each value quoted and TAB-separated
     */
    public static String tab(String... values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            if (sb.length() > 0) {
                sb.append('\t');
            }
            sb.append('"').append(v).append('"');
        }
        return sb.append('\n').toString();
    }

    // ------------------------------------------------------------------ options

    /** @return options that run every rule (strict profile), target original 1.27, source detected */
    public static AuditOptions options() {
        return AuditOptions.defaults().withProfile(Profile.STRICT);
    }

    /** @return {@link #options()} with the test certificates' fixed clock ({@link TestPki#clock}) and source 1.27 */
    public static AuditOptions certificateOptions() {
        return options().withClock(TestPki.clock()).withFrom(Optional.of(XMailVersion.V1_27));
    }

    /**
     * @param installDir a Windows install directory
     * @return {@link #certificateOptions()} with it
     */
    public static AuditOptions certificateOptions(Path installDir) {
        return certificateOptions().withInstallDir(Optional.of(installDir));
    }

    // ------------------------------------------------------------------ running

    /**
     * Runs the rule through the {@link Auditor} (waivers applied, findings sorted), strict profile, source version
     * detected from the file.
     *
     * @param rule the rule
     * @param root the MailRoot
     * @return its findings, each checked
     */
    public static List<Finding> findings(Rule rule, MailRoot root) {
        return findings(rule, root, options());
    }

    /**
     * @param rule    the rule
     * @param root    the MailRoot
     * @param options the options (a {@code from} version is used as the source)
     * @return the findings through the {@link Auditor}, each checked
     */
    public static List<Finding> findings(Rule rule, MailRoot root, AuditOptions options) {
        AuditResult result = new Auditor(List.of(rule)).audit(root, options);
        return checked(rule, result.findings());
    }

    /**
     * @param rule    the rule
     * @param root    the MailRoot
     * @param version the source version
     * @return the findings for a source given as exactly that version
     */
    public static List<Finding> upgrading(Rule rule, MailRoot root, String version) {
        return findings(rule, root, options().withFrom(Optional.of(XMailVersion.parse(version))));
    }

    /**
     * @param rule     the rule
     * @param root     the MailRoot
     * @param earliest earliest plausible source version
     * @param latest   latest plausible source version
     * @return the findings for a source known only as that range (the rule alone, strict options)
     */
    public static List<Finding> range(Rule rule, MailRoot root, String earliest, String latest) {
        SourceVersion source =
                new SourceVersion(XMailVersion.parse(earliest), XMailVersion.parse(latest), List.of(), false);
        return checked(rule, rule.check(new AuditContext(root, source, options())));
    }

    /**
     * @param root a MailRoot
     * @param run  the audit run the context belongs to (what the rules of one audit of the MailRoot share)
     * @return what a rule of that run sees of the MailRoot as a 1.27 configuration, with the default options
     */
    public static AuditContext context(MailRoot root, AuditRun run) {
        return new AuditContext(
                root, SourceVersion.given(XMailVersion.V1_27), AuditOptions.defaults(), Optional.empty(), run);
    }

    /**
     * The rule alone, as it sees a configuration of any version up to 1.27 with the default options.
     *
     * @param rule the rule
     * @param root the MailRoot
     * @return its findings, each checked
     */
    public static List<Finding> check(Rule rule, MailRoot root) {
        SourceVersion any = new SourceVersion(XMailVersion.EARLIEST, XMailVersion.V1_27, List.of(), false);
        return checked(rule, rule.check(new AuditContext(root, any, AuditOptions.defaults())));
    }

    /**
     * @param rule      the rule
     * @param dir       a temporary directory
     * @param serverTab server.tab text
     * @param files     further files: name, text, ...
     * @return {@link #check(Rule, MailRoot)} over them
     */
    public static List<Finding> check(Rule rule, Path dir, String serverTab, String... files) {
        return check(rule, root(dir, serverTab, files));
    }

    private static List<Finding> run(Rule rule, MailRoot root, AuditOptions options, SourceVersion source) {
        return checked(
                rule, new Auditor(List.of(rule)).audit(root, options, source).findings());
    }

    /**
     * @param rule the rule
     * @param root the MailRoot
     * @return the rule's outcome on it (strict profile)
     */
    public static RuleOutcome.Status outcome(Rule rule, MailRoot root) {
        return outcome(rule, root, options());
    }

    /**
     * @param rule    the rule
     * @param root    the MailRoot
     * @param options the options
     * @return the rule's outcome on it
     */
    public static RuleOutcome.Status outcome(Rule rule, MailRoot root, AuditOptions options) {
        return new Auditor(List.of(rule)).audit(root, options).outcomes().get(0).status();
    }

    // ------------------------------------------------------------------ looking at findings

    /** @return the message keys, in finding order */
    public static List<String> keys(List<Finding> findings) {
        return findings.stream().map(f -> f.message().key()).toList();
    }

    /** @return the 1-based lines, in finding order */
    public static List<Integer> lines(List<Finding> findings) {
        return findings.stream().map(f -> f.location().line()).toList();
    }

    /**
     * @param findings findings
     * @param key      a message key
     * @return the findings with that message key
     */
    public static List<Finding> withKey(List<Finding> findings, String key) {
        return findings.stream().filter(f -> f.message().key().equals(key)).toList();
    }

    /**
     * Asserts exactly one finding with the key and returns it.
     *
     * @param findings findings
     * @param key      a message key
     * @return the finding
     */
    public static Finding single(List<Finding> findings, String key) {
        List<Finding> hits = withKey(findings, key);
        assertEquals(1, hits.size(), () -> "findings with " + key + ": " + describe(findings));
        return hits.get(0);
    }

    /**
     * @param findings findings
     * @return their keys and English messages, for assertion failures
     */
    public static String describe(List<Finding> findings) {
        return findings.stream()
                .sorted(Comparator.comparingInt(f -> f.location().line()))
                .map(f -> f.rule().id() + " " + f.location().line() + " "
                        + f.message().key() + ": " + f.message(Locale.ENGLISH))
                .toList()
                .toString();
    }

    /**
     * What every finding must satisfy: it names its rule, its key is the rule's own, and it renders in both
     * languages with every placeholder filled and Japanese in the Japanese text.
     */
    private static List<Finding> checked(Rule rule, List<Finding> findings) {
        for (Finding f : findings) {
            assertEquals(rule.info(), f.rule(), f.message().key());
            checkedText(f.rule(), f.message());
        }
        return findings;
    }

    /** A finding's message, of a file rule or a NET- rule alike: the rule's own key, rendered in both languages. */
    private static void checkedText(RuleInfo rule, Text message) {
        String key = message.key();
        assertTrue(
                key.startsWith("msg." + rule.id() + "."),
                () -> "message key " + key + " of " + rule.id() + " is not msg." + rule.id() + ".<case>");
        for (Locale l : Messages.LANGUAGES) {
            String text = message.render(l);
            assertFalse(text.isBlank(), key);
            assertFalse(
                    PLACEHOLDER.matcher(text).find(), () -> "unfilled placeholder in " + key + " (" + l + "): " + text);
        }
        assertTrue(Bundles.hasJapanese(message.render(Locale.JAPANESE)), () -> "no Japanese text for " + key);
        assertNotEquals(message.render(Locale.ENGLISH), message.render(Locale.JAPANESE), key);
    }

    // ------------------------------------------------------------------ NET- rules, over a probe

    /**
     * @param probe what a host showed
     * @return every NET- rule's findings over it, without a MailRoot
     */
    public static NetAudit probe(HostProbe probe) {
        return probe(probe, Optional.empty());
    }

    /**
     * @param probe what a host showed
     * @param root  the MailRoot the server runs on, if known
     * @return every NET- rule's findings over it (the test PKI's clock), each checked like a file rule's
     */
    public static NetAudit probe(HostProbe probe, Optional<MailRoot> root) {
        NetAudit audit =
                NetAuditor.standard().audit(probe, root, AuditOptions.defaults().withClock(TestPki.clock()));
        for (NetFinding f : audit.findings()) {
            checkedText(f.rule(), f.message());
        }
        return audit;
    }

    /**
     * @param audit a probe's audit
     * @param rule  a NET- rule id
     * @return that rule's findings
     */
    public static List<NetFinding> net(NetAudit audit, String rule) {
        return audit.findings().stream().filter(f -> f.rule().id().equals(rule)).toList();
    }

    /**
     * @param audit a probe's audit
     * @param rule  a NET- rule id
     * @return the English messages of that rule's findings
     */
    public static List<String> netMessages(NetAudit audit, String rule) {
        return net(audit, rule).stream().map(f -> f.message(Locale.ENGLISH)).toList();
    }
}
