package org.xmailkit.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmailkit.audit.behaviour.SmtpBehaviour;
import org.xmailkit.audit.behaviour.SmtpConditions;
import org.xmailkit.audit.behaviour.TlsLibrary;
import org.xmailkit.audit.behaviour.XMailStartup;
import org.xmailkit.cli.DemoFleet;
import org.xmailkit.it.RealXMail.Service;
import org.xmailkit.migrate.DefaultsPolicy;
import org.xmailkit.migrate.FileResult;
import org.xmailkit.migrate.MigrationOptions;
import org.xmailkit.migrate.MigrationResult;
import org.xmailkit.migrate.Migrator;
import org.xmailkit.migrate.Note;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;

/**
 * The upgrade promise on the real servers: a 1.26-era MailRoot on XMail 1.26 and its copy migrated with
 * {@code --from 1.26 --defaults preserve} on XMail 1.27 show the same greeting, EHLO, VRFY and ETRN replies,
 * STARTTLS outcome, relay decision and, after AUTH, the same permissions; with {@code --defaults adopt} they differ in
 * exactly what the plan lists as behaviour changes. For the migrate fixtures (laid over the MailRoot XMail 1.26
 * ships), the demo's pre-1.27 servers, and random 1.26-era server.tab files run through one server of each release.
 * Each side's replies also match what {@link SmtpBehaviour} predicts for its release.
 */
class UpgradeIT {

    @RegisterExtension
    static final RealXMail XMAIL126 = RealXMail.of("1.26");

    @RegisterExtension
    static final RealXMail XMAIL127 = RealXMail.of("1.27");

    private static final XMailVersion V126 = XMailVersion.parse("1.26");
    private static final XMailVersion V127 = XMailVersion.parse("1.27");

    /** How many adopt migrations changed what a client sees, on purpose (so that the comparison is not empty). */
    private static final AtomicInteger ADOPTED_CHANGES = new AtomicInteger();

    /** Random 1.26-era server.tab files per build. */
    static final int RANDOM_CASES = 60;

    /** The demo servers that stand for releases before 1.27. */
    private static final Set<String> DEMO_BEFORE_127 = Set.of(
            "fukuoka-125",
            "kyoto-xmailcfg",
            "nagoya-gw-122",
            "naha-126",
            "osaka-mx-11x",
            "sapporo-124",
            "sendai-legacy-10x");

    @Test
    void fixturesKeepTheirBehaviourWithPreserveAndChangeOnlyWhatAdoptLists() throws IOException, InputException {
        Map<String, Path> originals = new TreeMap<>();
        for (Map.Entry<String, String> fixture : BootAndBehaveIT.migrateFleet().entrySet()) {
            if (XMailVersion.parse(fixture.getValue()).compareTo(V126) <= 0) {
                Path dir = XMAIL126.shippedMailRoot("upgrade-" + fixture.getKey());
                BootAndBehaveIT.copyTree(BootAndBehaveIT.migrateFleetDir().resolve(fixture.getKey()), dir);
                ProbeAccount.add(dir);
                originals.put(fixture.getKey(), dir);
            }
        }
        Path demo = DemoFleet.write(Fleets.fresh("upgrade/demo"), Clock.systemUTC());
        for (String name : DEMO_BEFORE_127) {
            Path dir = demo.resolve(name);
            for (String file : XMailStartup.missing(MailRoot.open(dir))) {
                Files.write(dir.resolve(file), new byte[0]);
            }
            originals.put(name, dir);
        }
        List<String> problems = new ArrayList<>();
        int compared = 0;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<String, Future<List<String>>> runs = new TreeMap<>();
            for (Map.Entry<String, Path> e : originals.entrySet()) {
                runs.put(e.getKey(), pool.submit(() -> upgrade(e.getKey(), e.getValue())));
            }
            for (Map.Entry<String, Future<List<String>>> e : runs.entrySet()) {
                e.getValue().get().forEach(p -> problems.add(e.getKey() + ": " + p));
                compared++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                "%d MailRoots upgraded from XMail 1.26 to 1.27 (preserve and adopt), %d changed on purpose"
                        + " by adopt%n",
                compared, ADOPTED_CHANGES.get());
        assertTrue(ADOPTED_CHANGES.get() > 0, "adopt changed nothing observable: the comparison proves nothing");
        if (!problems.isEmpty()) {
            fail(problems.size() + " upgrade differences:\n" + String.join("\n", problems));
        }
    }

    /** Boots the original on 1.26 and both migrated copies on 1.27, and compares what each shows. */
    private static List<String> upgrade(String name, Path original) throws InputException {
        List<String> problems = new ArrayList<>();
        Side before = run(XMAIL126, V126, name, original);
        problems.addAll(before.predictionErrors("1.26"));
        for (DefaultsPolicy policy : List.of(DefaultsPolicy.PRESERVE, DefaultsPolicy.ADOPT)) {
            String mode = policy.name().toLowerCase(Locale.ROOT);
            Path migrated = Fleets.fresh("upgrade/migrated/" + name + "-" + mode);
            BootAndBehaveIT.copyTree(original, migrated);
            MigrationResult result = new Migrator()
                    .migrate(
                            MailRoot.open(migrated),
                            MigrationOptions.standard()
                                    .withFrom(Optional.of(V126))
                                    .withDefaults(policy));
            write(migrated, result);
            Side after = run(XMAIL127, V127, name + " " + mode, migrated);
            problems.addAll(after.predictionErrors("1.27 " + mode));
            Set<String> differ = differing(before.seen.fields(), after.seen.fields());
            Set<String> expected = new LinkedHashSet<>(
                    policy == DefaultsPolicy.PRESERVE
                            ? Set.of()
                            : listedChanges(result, before.expected, after.expected));
            // A probe the session never reached (refused, an earlier reply that stops it) shows no change.
            expected.removeIf(k ->
                    before.seen.fields().get(k) == null && after.seen.fields().get(k) == null);
            if (!expected.isEmpty()) {
                ADOPTED_CHANGES.incrementAndGet();
            }
            if (!differ.equals(expected)) {
                problems.add("--defaults " + mode + ": differs in " + differ + ", the plan lists " + expected
                        + "\n  1.26: " + before.seen.fields() + "\n  1.27: " + after.seen.fields());
            }
        }
        return problems;
    }

    /** One server's replies and the view's prediction for it. */
    private record Side(SmtpProbe.Observed seen, SmtpBehaviour expected) {
        List<String> predictionErrors(String release) {
            List<String> out = new ArrayList<>();
            seen.differences().forEach(d -> out.add("on " + release + " " + d));
            seen.open.forEach(o -> out.add("on " + release + " " + o + " not predicted"));
            return out;
        }
    }

    private static Side run(RealXMail xmail, XMailVersion version, String name, Path dir) throws InputException {
        RealXMail.Server server = xmail.on(dir).name(name).start();
        try {
            MailRoot root = MailRoot.open(server.mailRoot());
            int port = server.port(Service.SMTP);
            SmtpBehaviour expected =
                    SmtpBehaviour.of(root, SmtpConditions.loopback(version, true, TlsLibrary.OPENSSL_3_LEVEL_2, port));
            return new Side(SmtpProbe.run(port, expected, Accounts.smtp(root)), expected);
        } finally {
            server.kill();
        }
    }

    /**
     * What adopt changes on purpose: for each default the plan notes as a behaviour change, the probes after AUTH
     * that the added permission letters affect, where the view says their replies differ between the two releases.
     */
    private static Set<String> listedChanges(MigrationResult result, SmtpBehaviour before, SmtpBehaviour after) {
        Set<String> out = new LinkedHashSet<>();
        for (Note n : result.notes()) {
            if (n.level() != Note.Level.BEHAVIOUR || !n.name().equals("DefaultSmtpPerms")) {
                continue;
            }
            String old = String.valueOf(n.text().args().get(1));
            String now = String.valueOf(n.text().args().get(2));
            for (int i = 0; i < now.length(); i++) {
                char letter = now.charAt(i);
                if (old.indexOf(letter) < 0) {
                    out.addAll(affected(letter, before, after));
                }
            }
        }
        return out;
    }

    /** The probes a permission letter shows in, when the two predictions for them differ. */
    private static List<String> affected(char letter, SmtpBehaviour before, SmtpBehaviour after) {
        List<String> out = new ArrayList<>();
        Optional<SmtpProbe.Account> account = Accounts.smtp(before.root());
        if (account.isEmpty()) {
            return out;
        }
        Optional<SmtpBehaviour> b =
                before.authPlain(account.get().user(), account.get().password()).flatMap(SmtpBehaviour.Auth::after);
        Optional<SmtpBehaviour> a =
                after.authPlain(account.get().user(), account.get().password()).flatMap(SmtpBehaviour.Auth::after);
        if (b.isEmpty() || a.isEmpty()) {
            return out;
        }
        switch (letter) {
            case 'V' -> {
                if (!b.get().vrfy().equals(a.get().vrfy())) {
                    out.add("VRFY after AUTH");
                }
            }
            case 'T' -> {
                if (!b.get().etrn().equals(a.get().etrn())) {
                    out.add("ETRN after AUTH");
                }
            }
            case 'R' -> {
                if (!b.get().rcpt().equals(a.get().rcpt())) {
                    out.add("RCPT after AUTH (relay)");
                }
            }
            case 'Z' -> {
                if (!b.get().mail(false, SmtpProbe.SIZE).equals(a.get().mail(false, SmtpProbe.SIZE))) {
                    out.add("MAIL SIZE after AUTH");
                }
            }
            default -> {
                // M and S show only with SmtpConfig's mail-auth and WantTLS, which the probes meet before AUTH.
            }
        }
        return out;
    }

    private static void write(Path root, MigrationResult result) {
        try {
            for (FileResult f : result.files()) {
                Files.write(root.resolve(f.kind().fileName()), f.after());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> differing(Map<String, String> a, Map<String, String> b) {
        Set<String> out = new LinkedHashSet<>();
        a.forEach((k, v) -> {
            if (!Objects.equals(v, b.get(k))) {
                out.add(k);
            }
        });
        return out;
    }

    // ------------------------------------------------------------------ random 1.26-era files

    @Test
    void random126EraServerTabsKeepTheirBehaviourWhenMigratedWithPreserve() throws InputException {
        Path base126 = XMAIL126.shippedMailRoot("random");
        ProbeAccount.add(base126);
        List<String> problems = new ArrayList<>();
        try (RealXMail.Server old = XMAIL126.start(base126);
                RealXMail.Server now = XMAIL127.start(base126)) {
            List<byte[]> files = serverTabs().sampleStream().limit(RANDOM_CASES).toList();
            for (byte[] file : files) {
                old.serverTab(file);
                MigrationResult result = new Migrator()
                        .migrate(
                                MailRoot.open(old.mailRoot()),
                                MigrationOptions.standard().withFrom(Optional.of(V126)));
                now.serverTab(result.files().get(0).after());
                List<String> a = script(old.port(Service.SMTP));
                List<String> b = script(now.port(Service.SMTP));
                if (!a.equals(b)) {
                    problems.add("server.tab \"" + DifferentialReadingIT.escape(file) + "\" migrated to \""
                            + DifferentialReadingIT.escape(result.files().get(0).after()) + "\":\n  1.26 " + a
                            + "\n  1.27 " + b);
                }
            }
            System.out.printf("%d random 1.26-era server.tab files compared on XMail 1.26 and 1.27%n", files.size());
            assertEquals(RANDOM_CASES, files.size());
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " of " + RANDOM_CASES + " behave differently after the upgrade:\n"
                    + String.join("\n", problems));
        }
    }

    /** A fixed script, every reply recorded (the release number left out), in a plain and an AUTH session. */
    private static List<String> script(int port) {
        List<String> out = new ArrayList<>();
        try (LineClient c = LineClient.connect(port)) {
            String greeting = String.valueOf(c.line());
            out.add(
                    greeting.startsWith("220 ")
                            ? greeting.substring(4, Math.max(4, greeting.indexOf(" <", 3)))
                            : greeting);
            for (String cmd : List.of(
                    "EHLO " + SmtpBehaviour.PROBE_HELO,
                    "VRFY " + SmtpBehaviour.PROBE_ADDRESS,
                    "ETRN " + SmtpBehaviour.PROBE_DOMAIN,
                    "MAIL FROM:<>",
                    "RCPT TO:<" + SmtpBehaviour.PROBE_RECIPIENT + ">",
                    "RSET",
                    "MAIL FROM:<" + SmtpBehaviour.PROBE_SENDER + ">",
                    "RSET")) {
                out.add(cmd + " -> " + String.join("|", c.smtp(cmd)));
            }
        }
        String plain = Base64.getEncoder()
                .encodeToString(("\0" + ProbeAccount.ACCOUNT.user() + "\0" + ProbeAccount.ACCOUNT.password())
                        .getBytes(StandardCharsets.ISO_8859_1));
        try (LineClient c = LineClient.connect(port)) {
            c.line();
            for (String cmd : List.of(
                    "EHLO " + SmtpBehaviour.PROBE_HELO,
                    "AUTH PLAIN " + plain,
                    "VRFY " + SmtpBehaviour.PROBE_ADDRESS,
                    "ETRN " + SmtpBehaviour.PROBE_DOMAIN,
                    "MAIL FROM:<>",
                    "RCPT TO:<" + SmtpBehaviour.PROBE_RECIPIENT + ">",
                    "RSET",
                    "MAIL FROM:<" + SmtpBehaviour.PROBE_SENDER + "> SIZE=" + SmtpProbe.SIZE,
                    "RSET")) {
                out.add(cmd + " -> " + String.join("|", c.smtp(cmd)));
            }
        }
        out.replaceAll(s -> s.replaceAll("XMail 1\\.2[0-9]", "XMail"));
        return out;
    }

    /** server.tab files as a 1.26 server could have them: the observable variables, now and then absent. */
    private static Arbitrary<byte[]> serverTabs() {
        Arbitrary<String> line = Arbitraries.of(
                "\"RootDomain\"\t\"example.jp\"",
                "\"RootDomain\"\t\"\"",
                "\"SmtpServerDomain\"\t\"mail.example.jp\"",
                "\"MaxMessageSize\"\t\"10000\"",
                "\"MaxMessageSize\"\t\"0\"",
                "\"MaxMessageSize\"\t\"5k\"",
                "\"EnableSMTP-TLS\"\t\"0\"",
                "\"EnableSMTP-TLS\"\t\"1\"",
                "\"AllowSmtpVRFY\"\t\"1\"",
                "\"AllowSmtpETRN\"\t\"1\"",
                "\"SmtpNoTLSAuths\"\t\"\"",
                "\"SmtpNoTLSAuths\"\t\"CRAM-MD5\"",
                "\"SmtpNoTLSAuths\"\t\"PLAIN,LOGIN\"",
                "\"CustomSMTPMessage\"\t\"call us\"",
                "\"AllowNullSender\"\t\"0\"",
                "\"SmtpConfig\"\t\"mail-auth\"",
                "\"SmtpConfig\"\t\"MailAuth,WantTLS\"",
                "\"CheckMailerDomain\"\t\"1\"",
                "\"DefaultSmtpPerms\"\t\"MR\"",
                "\"DefaultSmtpPerms\"\t\"MRVZ\"",
                "\"DefaultSmtpPerms\"\t\"V\"",
                "\"DefaultSmtpPerms\"\t\"MRT\"",
                "\"EnableAuthSMTP-POP3\"\t\"0\"",
                "\"HeloDomain\"\t\"mail.example.jp\"",
                "\"PostMaster\"\t\"root@example.jp\"",
                "\"SMTP-IpMapDropCode\"\t\"0\"",
                "# a comment");
        return line.list().ofMinSize(1).ofMaxSize(10).map(ls -> {
            StringBuilder s = new StringBuilder();
            ls.forEach(l -> s.append(l).append("\r\n"));
            return s.toString().getBytes(UTF_8);
        });
    }
}
