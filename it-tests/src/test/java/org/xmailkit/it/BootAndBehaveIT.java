package org.xmailkit.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.behaviour.SmtpBehaviour;
import org.xmailkit.audit.behaviour.SmtpConditions;
import org.xmailkit.audit.behaviour.TlsLibrary;
import org.xmailkit.audit.behaviour.XMailStartup;
import org.xmailkit.cli.DemoFleet;
import org.xmailkit.cli.ExitCode;
import org.xmailkit.it.RealXMail.Service;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;

/**
 * Every MailRoot of the migrate module's fixture fleet and of the demo's sample fleet, as written and after
 * {@code migrate} to 1.27 with {@code --defaults preserve} and with {@code adopt}, boots on the real XMail 1.27, and
 * what it answers over SMTP on 127.0.0.1 is what xmailkit's {@link SmtpBehaviour} view says, reply by reply; and
 * what the audit's findings claim about the session holds ({@link BehaviourClaims}). A MailRoot that lacks a file
 * XMail needs to start ({@link XMailStartup}, UPG-011) is first shown not to start, then booted with those files
 * created empty. The migrate fixtures are server.tab files alone (with no spammers.tab XMail refuses every
 * session), so they boot a second time laid over the MailRoot XMail ships, where every probe gets through.
 */
class BootAndBehaveIT {

    @RegisterExtension
    static final RealXMail XMAIL = RealXMail.of("1.27");

    private static final XMailVersion V127 = XMailVersion.parse("1.27");

    /** The defaults modes of migrate, "" for the MailRoot as written. */
    private static final List<String> VARIANTS = List.of("", "preserve", "adopt");

    @Test
    void migrateFixtureFleetAsWrittenAndMigrated() throws IOException {
        Map<String, Path> roots = new TreeMap<>();
        for (Map.Entry<String, String> fixture : migrateFleet().entrySet()) {
            Path dir = Fleets.fresh("boot/migrate/" + fixture.getKey());
            copyTree(migrateFleetDir().resolve(fixture.getKey()), dir);
            roots.putAll(variants(fixture.getKey(), dir, Optional.of(fixture.getValue())));
        }
        assertEquals(27, roots.size());
        verify(roots);
    }

    @Test
    void migrateFixtureFleetOverTheShippedMailRoot() throws IOException {
        Map<String, Path> roots = new TreeMap<>();
        for (Map.Entry<String, String> fixture : migrateFleet().entrySet()) {
            Path dir = XMAIL.shippedMailRoot("over-shipped-" + fixture.getKey());
            copyTree(migrateFleetDir().resolve(fixture.getKey()), dir);
            ProbeAccount.add(dir);
            roots.putAll(variants(fixture.getKey() + "+shipped", dir, Optional.of(fixture.getValue())));
        }
        assertEquals(27, roots.size());
        verify(roots);
    }

    @Test
    void demoFleetAsWrittenAndMigrated() throws IOException {
        Path fleet = DemoFleet.write(Fleets.fresh("boot/demo"), Clock.systemUTC());
        Map<String, Path> roots = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(fleet)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                roots.putAll(variants(dir.getFileName().toString(), dir, Optional.empty()));
            }
        }
        // The bare server.tab of the sample, as the only file of a MailRoot.
        Path bare = Files.createDirectories(fleet.resolve("hakodate"));
        Files.copy(fleet.resolve(DemoFleet.BARE), bare.resolve("server.tab"));
        roots.putAll(variants("hakodate", bare, Optional.empty()));
        assertEquals(30, roots.size());
        verify(roots);
    }

    /** The MailRoot as written and its migrated copies, by name. */
    private static Map<String, Path> variants(String name, Path dir, Optional<String> from) {
        Map<String, Path> out = new TreeMap<>();
        for (String defaults : VARIANTS) {
            if (defaults.isEmpty()) {
                out.put(name, dir);
                continue;
            }
            Path target = Fleets.fresh("boot/migrated/" + name + "-" + defaults);
            List<String> args = new ArrayList<>(
                    List.of("migrate", "--to", "1.27", "--defaults", defaults, "--out", target.toString()));
            from.ifPresent(v -> args.addAll(List.of("--from", v)));
            args.add(dir.toString());
            CliRun run = InProcess.run(UTF_8, Locale.ENGLISH, args.toArray(String[]::new));
            assertTrue(
                    run.exitCode() == ExitCode.OK.code() || run.exitCode() == ExitCode.FINDINGS.code(), run::toString);
            out.put(
                    name + " --defaults " + defaults,
                    Files.isRegularFile(target.resolve("server.tab"))
                            ? target
                            : target.resolve(dir.getFileName().toString()));
        }
        return out;
    }

    /** Boots every MailRoot (several at a time), probes it, and fails with every difference found. */
    static void verify(Map<String, Path> roots) {
        List<String> problems = new ArrayList<>();
        int checks = 0;
        int claims = 0;
        int notStarting = 0;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Map<String, Future<Outcome>> running = new TreeMap<>();
            roots.forEach((name, dir) -> running.put(name, pool.submit(() -> boot(name, dir))));
            for (Map.Entry<String, Future<Outcome>> e : running.entrySet()) {
                Outcome o = e.getValue().get();
                checks += o.seen.checks.size() + o.startup.size();
                notStarting += o.startup.size();
                o.startup.stream().filter(c -> !c.ok()).forEach(d -> problems.add(e.getKey() + ": " + d));
                claims += o.claims.judged().size();
                o.seen.differences().forEach(d -> problems.add(e.getKey() + ": " + d));
                o.claims.violated().forEach(v -> problems.add(e.getKey() + ": claim " + v));
                o.seen.open.forEach(p -> problems.add(e.getKey() + ": " + p + " not predicted"));
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
                "%d MailRoots booted (%d of them first shown not to start as written), %d replies compared,"
                        + " %d claims judged%n",
                roots.size(), notStarting, checks, claims);
        if (!problems.isEmpty()) {
            fail(problems.size() + " differences between xmailkit and XMail " + XMAIL.version() + ":\n"
                    + String.join("\n", problems));
        }
    }

    /** One server's start, probes and claims. */
    private record Outcome(List<SmtpProbe.Check> startup, SmtpProbe.Observed seen, BehaviourClaims.Result claims) {}

    /**
     * Starts XMail on the MailRoot; when xmailkit says XMail cannot start on it (files missing), checks that it
     * indeed exits, then boots it again with those files created empty, as UPG-011 tells the administrator.
     */
    private static Outcome boot(String name, Path dir) throws InputException, IOException {
        List<SmtpProbe.Check> startup = new ArrayList<>();
        List<String> missing = XMailStartup.missing(MailRoot.open(dir));
        if (!missing.isEmpty()) {
            RealXMail.Server s = XMAIL.on(dir).name(name + " as is").spawn();
            OptionalInt exit = s.awaitExit(Duration.ofSeconds(30));
            s.kill();
            startup.add(new SmtpProbe.Check(
                    "XMail without " + missing,
                    "exits: " + XMailStartup.MISSING_FILE_ERROR,
                    exit.isPresent()
                                    && exit.getAsInt() != 0
                                    && !s.stdout().contains(" server started")
                                    && s.stdout().contains(XMailStartup.MISSING_FILE_ERROR)
                            ? "exits: " + XMailStartup.MISSING_FILE_ERROR
                            : "exit " + exit + ": " + s.stdout()));
            Path completed = Fleets.fresh("boot/completed/" + name.replaceAll("[^A-Za-z0-9._-]", "_"));
            copyTree(dir, completed);
            for (String file : missing) {
                Files.write(completed.resolve(file), new byte[0]);
            }
            dir = completed;
        }
        RealXMail.Server xmail = XMAIL.on(dir).name(name).start();
        try {
            MailRoot root = MailRoot.open(xmail.mailRoot());
            int port = xmail.port(Service.SMTP);
            SmtpBehaviour expected =
                    SmtpBehaviour.of(root, SmtpConditions.loopback(V127, true, TlsLibrary.OPENSSL_3_LEVEL_2, port));
            Optional<SmtpProbe.Account> account = Accounts.smtp(root);
            SmtpProbe.Observed seen = SmtpProbe.run(port, expected, account);
            List<Finding> findings =
                    Auditor.standard().audit(root, AuditOptions.defaults()).findings();
            boolean plain = account.isPresent()
                    && Accounts.inMailUsers(root, account.get().user())
                    && expected.accountSetting(account.get().user(), "SmtpPerms")
                            .isEmpty()
                    && expected.accountSetting(account.get().user(), "MaxMessageSize")
                            .isEmpty();
            return new Outcome(startup, seen, BehaviourClaims.check(root, findings, seen, plain));
        } finally {
            xmail.kill();
        }
    }

    /** The migrate module's fixture fleet: directory name to the source version its golden tests give. */
    static Map<String, String> migrateFleet() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String line : Files.readAllLines(migrateFleetDir().resolve("FLEET.tsv"), UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split("\t");
                out.put(f[0], f[1]);
            }
        }
        return out;
    }

    static Path migrateFleetDir() {
        return Path.of(Release.property("xmailkit.migrate.fleet"));
    }

    /** Copies a tree's regular files and folders. */
    static void copyTree(Path from, Path to) {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
