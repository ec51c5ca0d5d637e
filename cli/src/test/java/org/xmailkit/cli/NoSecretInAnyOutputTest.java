package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.XMailPassword;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.model.testing.XMail127Default;

/**
 * Every output xmailkit has, rendered over a MailRoot full of secrets, each a unique marker: audit in every format,
 * the report site, show, migrate's plan and diff, its {@code --out} tree, {@code --write} with its journal and
 * backups, and {@code --rollback}. No marker (nor the stored, XMail-encoded form of one) may appear on stdout,
 * stderr, in any file written, or in the name of any file written. The MailRoot's own configuration files (and
 * their copies: backups, the {@code --out} tree) hold the secrets by nature; of those only the names are checked.
 */
class NoSecretInAnyOutputTest {

    /** Secrets in server.tab values, under names XMail does not know but that say what they hold. */
    private static final List<String> NAMED =
            List.of("MkSmtpPassword07", "MkSmtpAuthPassword08", "MkApiSecret09", "MkWebhookToken10", "MkProviderKey11");
    /** DynDnsSetup: user and password in the update URL, in the fields, and as {@code user:pass}. */
    private static final List<String> DYNDNS = List.of(
            "MkDynQueryUser01",
            "MkDynQueryPass02",
            "MkDynFieldUser03",
            "MkDynFieldPass04",
            "MkDynColonUser05",
            "MkDynColonPass06");
    /** Credentials in a URL under an ordinary name, glued into a name, and in comments next to a changed line. */
    private static final List<String> ELSEWHERE = List.of(
            "MkUrlUser12",
            "MkUrlPass13",
            "MkUrlQueryPass14",
            "MkGluedPassword15",
            "MkCommentUser16",
            "MkCommentPass17",
            "MkCommentQueryPass18");
    /** Passwords of the account files (stored XMail-encoded, except smtpauth.tab's) and the private key. */
    private static final List<String> FILES =
            List.of("MkMailUserPass19", "MkCtrlPass20", "MkSmtpAuthPass21", "MkPop3LinkPass22", "MkServerKeyLine23");

    private static final String SERVER_TAB_EXTRA = String.join(
            "\n",
            "# DynDNS account: MkCommentUser16:MkCommentPass17@members.dyndns.example",
            "# old gateway login https://gw.example.net/auth?user=x&pass=MkCommentQueryPass18",
            "\"DynDnsSetup\"\t\"members.dyndns.example,80,/nic/update?hostname=home.example.net&myip=%s"
                    + "&user=MkDynQueryUser01&pass=MkDynQueryPass02,MkDynFieldUser03,MkDynFieldPass04\"",
            "\"SmtpPassword\"\t\"MkSmtpPassword07\"",
            "\"DynDnsSetup\"\t\"members.dyndns.example,80,/nic/update?%s,MkDynColonUser05:MkDynColonPass06\"",
            "\"SMTP-AuthPassword\"\t\"MkSmtpAuthPassword08\"",
            "\"ApiSecret\"\t\"MkApiSecret09\"",
            "\"WebhookToken\"\t\"MkWebhookToken10\"",
            "\"ProviderKey\"\t\"MkProviderKey11\"",
            "\"NotifyURL\"\t\"https://MkUrlUser12:MkUrlPass13@hooks.example.net/x?id=7&password=MkUrlQueryPass14\"",
            "\"BackupPassword MkGluedPassword15\"",
            "\"DefaultSMTPGateways\"\t\"gw1.isp.example,gw2.isp.example\"",
            "");

    @TempDir
    Path tmp;

    /** The passwords XMail stores encoded; the encoding is reversible, so the stored form is a secret too. */
    private static final List<String> STORED_ENCODED = List.of("MkMailUserPass19", "MkCtrlPass20", "MkPop3LinkPass22");

    /** Where a marker was seen, for the one failure message at the end of a test. */
    private final List<String> leaks = new ArrayList<>();

    private static List<String> secrets() {
        List<String> all = new ArrayList<>();
        all.addAll(NAMED);
        all.addAll(DYNDNS);
        all.addAll(ELSEWHERE);
        all.addAll(FILES);
        return all;
    }

    private static List<String> markers() {
        List<String> out = new ArrayList<>(secrets());
        STORED_ENCODED.forEach(s -> out.add(XMailPassword.encode(s)));
        return out;
    }

    /** A MailRoot that XMail 1.27 installs, plus every kind of secret. */
    private Path mailRoot(Path dir) {
        String tab = new String(XMail127Default.bytes("server.tab"), StandardCharsets.UTF_8) + SERVER_TAB_EXTRA;
        return MailRootFixture.in(dir)
                .xmail127Default()
                .serverTab(tab)
                .file(
                        "mailusers.tab",
                        "\"xmailserver.test\"\t\"xmailuser\"\t\"1d08040c09\"\t1\t\"xmailuser\"\t\"U\"\n"
                                + "\"example.jp\"\t\"taro\"\t\"" + XMailPassword.encode("MkMailUserPass19")
                                + "\"\t2\t\"taro\"\t\"U\"\n")
                .file("ctrlaccounts.tab", "\"ctrladmin\"\t\"" + XMailPassword.encode("MkCtrlPass20") + "\"\n")
                .file("smtpauth.tab", "\"relayuser\"\t\"MkSmtpAuthPass21\"\t\"MR\"\n")
                .file(
                        "pop3links.tab",
                        "\"example.jp\"\t\"taro\"\t\"pop.example.net:110\"\t\"remoteuser\"\t\""
                                + XMailPassword.encode("MkPop3LinkPass22") + "\"\t\"APOP\"\n")
                .file(
                        "server.key",
                        "-----BEGIN PRIVATE KEY-----\nMkServerKeyLine23AAAABBBBCCCCDDDDEEEEFFFF\n"
                                + "-----END PRIVATE KEY-----\n")
                .write();
    }

    private void assertClean(String where, String text) {
        for (String m : markers()) {
            int i = text.indexOf(m);
            if (i >= 0) {
                leaks.add(where + " shows " + m + ": ..."
                        + text.substring(Math.max(0, i - 60), Math.min(text.length(), i + m.length() + 20)) + "...");
            }
        }
    }

    private void assertNoLeaks() {
        if (!leaks.isEmpty()) {
            fail(leaks.size() + " secrets shown:\n" + String.join("\n", leaks));
        }
    }

    private void assertClean(String what, Run r) {
        assertClean(what + " stdout", r.out());
        assertClean(what + " stderr", r.err());
    }

    /** Every file under {@code dir}: its name always, its content unless it is a copy of configuration. */
    private void assertTreeClean(String what, Path dir, Set<String> configCopies) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = dir.relativize(p).toString();
                assertClean(what + " file name", rel);
                if (Files.isRegularFile(p) && !configCopies.contains(rel) && !rel.endsWith(".bak")) {
                    assertClean(what + " " + rel, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    private static Set<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            Set<String> out = new TreeSet<>();
            s.filter(Files::isRegularFile)
                    .forEach(p -> out.add(dir.relativize(p).toString()));
            return out;
        }
    }

    @Test
    void theFixtureHoldsEveryMarker() throws IOException {
        Path root = mailRoot(tmp.resolve("fleet/MailRoot"));
        StringBuilder all = new StringBuilder();
        for (String f : files(root)) {
            all.append(new String(Files.readAllBytes(root.resolve(f)), StandardCharsets.ISO_8859_1));
        }
        for (String m : secrets()) {
            String stored = STORED_ENCODED.contains(m) ? XMailPassword.encode(m) : m;
            assertTrue(all.toString().contains(stored), m);
        }
    }

    @Test
    void auditInEveryFormatShowsNoSecret() {
        mailRoot(tmp.resolve("fleet/MailRoot"));
        for (String format : List.of("text", "json", "sarif", "html")) {
            for (String lang : List.of("en", "ja")) {
                Run r = Run.of(tmp, "audit", "--lang", lang, "-f", format, "--profile", "strict", "fleet");
                assertEquals(ExitCode.OK, r.exit(), r.err());
                assertTrue(r.out().length() > 1000, r.out());
                assertClean("audit -f " + format + " --lang " + lang, r);
            }
        }
        Run quiet = Run.of(tmp, "audit", "-q", "fleet");
        assertFalse(quiet.out().isEmpty());
        assertClean("audit -q", quiet);
        assertNoLeaks();
    }

    @Test
    void theReportSiteShowsNoSecret() throws IOException {
        mailRoot(tmp.resolve("fleet/MailRoot"));
        for (String lang : List.of("en", "ja")) {
            Path site = tmp.resolve("site-" + lang);
            Run r = Run.of(tmp, "report", "--lang", lang, "--profile", "strict", "fleet", "--out", site.toString());
            assertEquals(ExitCode.OK, r.exit(), r.err());
            assertClean("report", r);
            Set<String> written = files(site);
            assertTrue(
                    written.containsAll(List.of("index.html", "rules.html", "report.json", "report.sarif")),
                    written.toString());
            assertTrue(written.stream().anyMatch(f -> f.startsWith("servers")), written.toString());
            assertTreeClean("report --lang " + lang, site, Set.of());
        }
        assertNoLeaks();
    }

    @Test
    void showShowsNoSecret() {
        mailRoot(tmp.resolve("fleet/MailRoot"));
        for (String format : List.of("text", "json")) {
            Run r = Run.of(tmp, "show", "--all", "-f", format, "fleet");
            assertEquals(ExitCode.OK, r.exit(), r.err());
            assertTrue(r.out().contains("members.dyndns.example"), "DynDnsSetup's host stays visible\n" + r.out());
            assertClean("show -f " + format, r);
        }
        assertNoLeaks();
    }

    @Test
    void migratePlanDiffAndOutTreeShowNoSecret() throws IOException {
        Path root = mailRoot(tmp.resolve("fleet/MailRoot"));
        for (String lang : List.of("en", "ja")) {
            Run dry = Run.of(tmp, "migrate", "--lang", lang, "--fix", "safe", "fleet");
            assertEquals(ExitCode.OK, dry.exit(), dry.err());
            assertTrue(dry.out().contains("DynDnsSetup"), dry.out());
            assertTrue(dry.out().contains("@@"), "the diff is shown\n" + dry.out());
            assertClean("migrate --lang " + lang, dry);
        }
        Path out = tmp.resolve("migrated");
        Run copy = Run.of(tmp, "migrate", "fleet", "--out", out.toString());
        assertEquals(ExitCode.OK, copy.exit(), copy.err());
        assertClean("migrate --out", copy);
        assertTreeClean("migrate --out", out, prefixed("MailRoot/", files(root)));
        assertNoLeaks();
    }

    @Test
    void migrateWriteJournalBackupsAndRollbackShowNoSecret() throws IOException {
        Path root = mailRoot(tmp.resolve("fleet/MailRoot"));
        Set<String> config = files(root);
        Run write = Run.of(tmp, "migrate", "--write", "fleet");
        assertEquals(ExitCode.OK, write.exit(), write.err());
        assertClean("migrate --write", write);
        Set<String> added = new TreeSet<>(files(root));
        added.removeAll(config);
        assertTrue(added.stream().anyMatch(f -> f.endsWith(".bak")), "a backup was written: " + added);
        assertTrue(added.stream().anyMatch(f -> !f.endsWith(".bak")), "a journal was written: " + added);
        assertTreeClean("migrate --write", root, config);

        Run again = Run.of(tmp, "migrate", "--write", "--verbose", "fleet");
        assertClean("migrate --write (rerun)", again);
        Run back = Run.of(tmp, "migrate", "--rollback", "fleet");
        assertEquals(ExitCode.OK, back.exit(), back.err());
        assertClean("migrate --rollback", back);
        assertTreeClean("migrate --rollback", root, config);
        assertNoLeaks();
    }

    private static Set<String> prefixed(String prefix, Set<String> names) {
        Set<String> out = new TreeSet<>();
        names.forEach(n -> out.add((prefix + n).replace('/', File.separatorChar)));
        return out;
    }

    @Test
    void markersAreFoundWhenPresent() {
        // The check itself can fail: a text holding one marker among others is caught, case as written.
        assertClean("sample", "x " + NAMED.get(0).toLowerCase(Locale.ROOT) + " " + FILES.get(3) + " y");
        assertClean("sample", "x " + XMailPassword.encode(STORED_ENCODED.get(0)) + " y");
        AssertionError e = assertThrows(AssertionError.class, this::assertNoLeaks);
        assertTrue(e.getMessage().startsWith("2 secrets shown"), e.getMessage());
    }
}
