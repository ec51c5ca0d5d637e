package org.xmailkit.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.xmailkit.cli.ExitCode;
import org.xmailkit.migrate.Journal;
import org.xmailkit.model.XMailPassword;
import org.xmailkit.model.testing.MailRootFixture;

/**
 * The hostile MailRoot, end to end in the product image: an unprivileged user (the image's own) writes a
 * fleet and plants traps in it: links out of the tree (server.tab and smtprelay.tab to /etc/shadow, server.tab,
 * smtpfwd.tab, server.cert and server.key to the files of a sentinel directory, a directory link to a MailRoot in
 * the sentinel), FIFOs named server.key and server.cert, crafted journals (a {@code ../victim} entry whose backup is
 * an absolute path; a backup that is /etc/shadow), a server.tab over the read bound, directories named with escape
 * sequences and a newline, and secrets. Then the packaged CLI runs as root over it: audit in every format,
 * {@code report --out}, {@code migrate} (dry run), {@code --write} and {@code --rollback}.
 *
 * <p>Every run must exit with the documented code for a batch that finished with failures (4), print no secret, no
 * line of /etc/shadow and no raw control character on either stream or in any report file, and change nothing in the
 * container outside its mounts. Nothing in the sentinel directory or /etc/shadow may change (every file hashed before
 * and after), no file of the fleet may come to hold what is outside it, and every other server of the fleet must be
 * audited, migrated and rolled back exactly as when it is alone. Each run is bounded in time by {@link InContainer}
 * (a hanging run fails the test); the durations are printed.
 */
class HostileFleetIT {

    /** This test's directory under target/it. */
    private static final String BASE = "hostile-fleet";

    private static final String SENTINEL = "/sentinel";
    private static final String SHADOW = "/etc/shadow";
    private static final String OUT = "/out";
    private static final String ALONE = "/alone";
    private static final String WORLD = "/world";
    private static final String SITE = "/site";

    /** What the container's /etc/shadow holds during the root runs; no part of it may be shown. */
    private static final String SHADOW_TEXT = "root:$6$HfShadowSalt$HfShadowHash0123456789:19000:0:99999:7:::\n"
            + "hfshadowuser:$6$HfShadowSalt2$HfShadowHash9876543210:19000:0:99999:7:::\n";

    private static final List<String> SHADOW_MARKERS = List.of("HfShadowSalt", "HfShadowHash", "hfshadowuser");

    /** In every file of the sentinel directory. */
    private static final String SENTINEL_MARKER = "HfSentinelMark";

    /** Passwords, keys and credentials of the secrets server; none may be shown. */
    private static final List<String> SECRETS = List.of(
            "HfSmtpPassword01",
            "HfApiSecret02",
            "HfDynQueryUser03",
            "HfDynQueryPass04",
            "HfDynFieldUser05",
            "HfDynFieldPass06",
            "HfUrlUser07",
            "HfUrlPass08",
            "HfCommentUser09",
            "HfCommentPass10",
            "HfSmtpAuthPass11",
            "HfCtrlPass12",
            "HfServerKeyLine13");

    /** A directory name that clears the screen and sets the window title. */
    private static final String ESCAPES = "esc\u001B]0;pwned\u0007\u001B[2J";
    /** A directory name whose newline would forge a server header, then reverses what follows. */
    private static final String FORGED = "evil\n== /fleet/forged  (1.22 -> 1.27)\u202Egnp.exe";

    /** The directory of a MailRoot planted deeper than the search goes: what the search says it skipped. */
    private static final String DEEP = "d1/d2/d3/d4/d5/d6/d7/d8/d9/d10/d11/d12";

    /** The servers that are not traps: they must come out exactly as when they are alone. */
    private static final List<String> BENIGN;

    static {
        List<String> benign = new ArrayList<>(LegacyFleet.SERVERS);
        benign.addAll(List.of("secrets", ESCAPES, FORGED));
        BENIGN = List.copyOf(benign);
    }

    /**
     * What the unprivileged user plants, run by {@code sh} in the image as that user. The fleet's root is its own
     * (made here), the benign servers copied in from the read-only fleet that is audited alone for comparison.
     */
    private static final String PLANT = """
            set -e
            umask 022
            mkdir /world/fleet
            cd /world/fleet
            cp -R /alone/. .
            v122='"RootDomain"\\t"%s.example"\\n"DefaultSMTPGateways"\\t"a.example,b.example"\\n'
            # server.tab leading out of the tree: to /etc/shadow, and to a sentinel file a migration would change
            mkdir shadow-tab linked-tab
            ln -s /etc/shadow shadow-tab/server.tab
            ln -s /sentinel/server.tab linked-tab/server.tab
            # a directory leading out of the tree to a MailRoot
            ln -s /sentinel/mailroot elsewhere
            # an ordinary server.tab with every other file leading out
            mkdir relay-link
            printf "$v122" relay > relay-link/server.tab
            ln -s /etc/shadow relay-link/smtprelay.tab
            ln -s /sentinel/smtpfwd.tab relay-link/smtpfwd.tab
            ln -s /sentinel/cert.pem relay-link/server.cert
            ln -s /sentinel/key.pem relay-link/server.key
            # FIFOs where TLS wants its certificate and key
            mkdir fifo
            printf '"RootDomain"\\t"fifo.example"\\n' > fifo/server.tab
            mkfifo fifo/server.key fifo/server.cert
            # a journal whose file entry leads to the victim (a link planted next to the servers) and whose
            # backup is an absolute path to the attacker's content, hashed so that a rollback would trust it
            run=20250101T000000Z
            mkdir journal
            printf "$v122" journal > journal/server.tab
            ln -s /sentinel/victim victim
            printf 'root:attacker\\n' > payload.bak
            chosen=$(sha256sum payload.bak | cut -c1-64)
            victim=$(sha256sum /sentinel/victim | cut -c1-64)
            printf 'xmailkit-migrate-journal\\t1\\nbegin\\t%s\\tT\\t1.27\\nfile\\t%s\\t../victim\\t%s\\t%s\\t%s\\n' \\
                $run $run "$chosen" "$victim" /world/fleet/payload.bak > journal/server.tab.xmailkit-journal
            printf 'done\\t%s\\t../victim\\nend\\t%s\\n' $run $run >> journal/server.tab.xmailkit-journal
            # a journal that would restore server.tab from /etc/shadow, where the attacker could read it
            mkdir journal-shadow
            printf "$v122" journal-shadow > journal-shadow/server.tab
            now=$(sha256sum journal-shadow/server.tab | cut -c1-64)
            printf 'xmailkit-migrate-journal\\t1\\nbegin\\t%s\\tT\\t1.27\\nfile\\t%s\\tserver.tab\\t%s\\t%s\\t%s\\n' \\
                $run $run "$now" "$now" /etc/shadow > journal-shadow/server.tab.xmailkit-journal
            printf 'done\\t%s\\tserver.tab\\nend\\t%s\\n' $run $run >> journal-shadow/server.tab.xmailkit-journal
            # a server.tab over the 16 MiB read bound
            mkdir huge
            yes "$(printf '"SmtpMaxRecipients"\\t"100"')" | head -c 17000000 > huge/server.tab
            # a MailRoot deeper than the search goes
            mkdir -p d1/d2/d3/d4/d5/d6/d7/d8/d9/d10/d11/d12/mx
            printf "$v122" deep > d1/d2/d3/d4/d5/d6/d7/d8/d9/d10/d11/d12/mx/server.tab
            # an output directory that only looks like an earlier report, its links leading to the sentinel
            mkdir /world/site
            printf '<meta name="generator" content="xmailkit">\\n' > /world/site/index.html
            ln -s /sentinel/mailroot /world/site/servers
            ln -s /sentinel/victim /world/site/report.json
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path base;
    private Path fleet;
    private Path sentinel;
    private Path shadow;
    private Path out;
    private Path site;
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    /** Per test, so that a missing engine shows as the test skipped (or failed in CI). */
    @BeforeEach
    void image() {
        XmailkitImage.name();
    }

    @Test
    void rootOverAFleetWithPlantedTrapsTouchesNothingOutsideShowsNothingItShouldNotAndDoesTheRest() throws Exception {
        long start = System.nanoTime();
        prepare();
        SortedMap<String, String> sentinelBefore = Fleets.snapshot(sentinel);

        // ------------------------------------------------------------ audit, every format
        Map<String, CliRun> audits = new LinkedHashMap<>();
        for (String format : List.of("text", "json", "sarif", "html")) {
            CliRun run = asRoot("audit", "--format", format, InContainer.FLEET);
            assertEquals(ExitCode.PARTIAL.code(), run.exitCode(), run::toString);
            audits.put(format, run);
        }
        String text = audits.get("text").stdout();
        assertAll(Stream.of(
                        "shadow-tab/server.tab: not read: link leaves",
                        "linked-tab/server.tab: not read: link leaves",
                        "elsewhere: ",
                        DEEP + ": not searched below: more than 12 directory levels down",
                        "relay-link/smtprelay.tab: not read: link leaves the MailRoot",
                        "relay-link/server.cert: not read: link leaves the MailRoot",
                        "relay-link/server.key: not read: link leaves the MailRoot",
                        "fifo/server.key: not read: a FIFO, device or socket",
                        "fifo/server.cert: not read: a FIFO, device or socket",
                        "esc\\x1B]0;pwned\\x07\\x1B[2J",
                        "evil\\x0A== /fleet/forged  (1.22 -> 1.27)\\u202Egnp.exe")
                .map(s -> () -> assertTrue(text.contains(s), () -> s + " in\n" + text)));
        assertTrue((text + audits.get("text").stderr()).contains("huge/server.tab: not read: "), text);

        Path aloneFleet = base.resolve("alone");
        CliRun aloneJson =
                InProcess.runIn(aloneFleet, UTF_8, Locale.ENGLISH, "audit", "--format", "json", aloneFleet.toString());
        Map<String, JsonNode> aloneServers = servers(JSON.readTree(alone(aloneJson.stdout(), aloneFleet)));
        assertEquals(BENIGN.size(), aloneServers.size(), aloneServers::toString);
        JsonNode audit = JSON.readTree(audits.get("json").stdout());
        assertSameServers("audit --format json", aloneServers, servers(audit));
        assertEquals(List.of(DEEP, "elsewhere", "linked-tab/server.tab", "shadow-tab/server.tab"), skipped(audit));
        assertEquals("failed", servers(audit).get("huge").get("status").asText());

        // ------------------------------------------------------------ report
        CliRun report = asRoot("report", "--out", OUT, InContainer.FLEET);
        assertEquals(ExitCode.PARTIAL.code(), report.exitCode(), report::toString);
        List<Path> pages = files(out);
        assertTrue(pages.contains(out.resolve("index.html")) && pages.size() > BENIGN.size() + 3, pages::toString);
        for (Path f : pages) {
            assertClean("report file " + out.relativize(f), Files.readString(f, StandardCharsets.UTF_8));
        }
        assertSameServers(
                "report.json",
                aloneServers,
                servers(JSON.readTree(out.resolve("report.json").toFile())));

        SortedMap<String, byte[]> fakeSite = Fleets.contents(site);
        CliRun refused = asRoot("report", "--out", SITE, InContainer.FLEET);
        assertEquals(ExitCode.USAGE.code(), refused.exitCode(), refused::toString);
        assertTrue(refused.stderr().startsWith("xmailkit: " + SITE + ": "), refused::toString);
        Fleets.assertSameContents(fakeSite, Fleets.contents(site));

        // ------------------------------------------------------------ migrate, dry run
        SortedMap<String, byte[]> original = Fleets.contents(fleet);
        CliRun dry = asRoot("migrate", InContainer.FLEET);
        assertEquals(ExitCode.PARTIAL.code(), dry.exitCode(), dry::toString);
        CliRun aloneDry = InProcess.runIn(aloneFleet, UTF_8, Locale.ENGLISH, "migrate", aloneFleet.toString());
        Map<String, String> aloneSections = sections(alone(aloneDry.stdout(), aloneFleet));
        Map<String, String> drySections = sections(dry.stdout());
        assertEquals(BENIGN.size(), aloneSections.size(), aloneSections::toString);
        assertAll(aloneSections.entrySet().stream()
                .map(e -> () -> assertEquals(e.getValue(), drySections.get(e.getKey()), e.getKey())));
        Fleets.assertSameContents(original, Fleets.contents(fleet));

        // ------------------------------------------------------------ migrate --write
        Path expected = base.resolve("expected");
        CliRun aloneOut = InProcess.runIn(
                aloneFleet, UTF_8, Locale.ENGLISH, "migrate", "--out", expected.toString(), aloneFleet.toString());
        assertEquals(ExitCode.OK.code(), aloneOut.exitCode(), aloneOut::toString);
        CliRun write = asRoot("migrate", "--write", InContainer.FLEET);
        assertEquals(ExitCode.PARTIAL.code(), write.exitCode(), write::toString);
        assertTrue(
                write.stderr()
                        .contains("journal/server.tab.xmailkit-journal: line 3 of the migration journal "
                                + "cannot be used"),
                write::toString);
        assertTrue(
                write.stderr()
                        .contains("journal-shadow/server.tab.xmailkit-journal: line 3 of the migration "
                                + "journal cannot be used"),
                write::toString);
        SortedMap<String, byte[]> migrated = Fleets.contents(expected);
        SortedMap<String, byte[]> written = Fleets.contents(fleet);
        List<String> changed = BENIGN.stream()
                .filter(server -> !same(under(migrated, server), under(original, server)))
                .toList();
        assertTrue(changed.containsAll(List.of("v1.0", "secrets", ESCAPES, FORGED)), changed::toString);
        assertAll(BENIGN.stream().map(server -> () -> {
            Fleets.assertSameContents(under(migrated, server), withoutOwnFiles(under(written, server)));
            List<Journal.Run> runs = journal(server).runs();
            assertEquals(changed.contains(server) ? 1 : 0, runs.size(), server);
            assertTrue(runs.stream().allMatch(Journal.Run::ended), server);
        }));
        assertEquals(
                Fleets.owner(fleet.resolve("v1.0")),
                Fleets.owner(fleet.resolve("v1.0/server.tab")),
                "a migrated file keeps its owner, not root");
        assertTheTrapsAreAsPlanted(original);

        // ------------------------------------------------------------ migrate --rollback
        CliRun back = asRoot("migrate", "--rollback", InContainer.FLEET);
        assertEquals(ExitCode.PARTIAL.code(), back.exitCode(), back::toString);
        SortedMap<String, byte[]> rolledBack = Fleets.contents(fleet);
        assertAll(BENIGN.stream().map(server -> () -> {
            Fleets.assertSameContents(under(original, server), withoutOwnFiles(under(rolledBack, server)));
            List<Journal.Run> runs = journal(server).runs();
            assertEquals(changed.contains(server) ? 1 : 0, runs.size(), server);
            assertTrue(runs.stream().allMatch(Journal.Run::rolledBack), server);
        }));
        assertTheTrapsAreAsPlanted(original);

        // ------------------------------------------------------------ nothing outside the fleet
        assertEquals(sentinelBefore, Fleets.snapshot(sentinel), "the sentinel directory changed");
        assertEquals(SHADOW_TEXT, Files.readString(shadow), "/etc/shadow changed");
        // Nothing from outside came into the fleet (copies of configuration hold its secrets by nature; their
        // names may not).
        for (Map.Entry<String, byte[]> f : rolledBack.entrySet()) {
            assertShowsNone(
                    "the fleet's " + f.getKey(),
                    new String(f.getValue(), StandardCharsets.ISO_8859_1),
                    outside(),
                    false);
            assertShowsNone("the name " + f.getKey(), f.getKey(), secrets(), false);
        }
        System.out.printf(
                Locale.ROOT,
                "HostileFleetIT: %.1f s in all; runs as root: %s%n",
                (System.nanoTime() - start) / 1e9,
                seconds);
    }

    /** Writes the sentinel, the shadow file and the fleet to compare with, then plants the hostile fleet. */
    private void prepare() throws IOException {
        base = emptyBase();
        sentinel = Files.createDirectories(base.resolve("sentinel"));
        Files.writeString(sentinel.resolve("victim"), "root:" + SENTINEL_MARKER + " the victim\n");
        String v122 = "# " + SENTINEL_MARKER + "\n\"RootDomain\"\t\"sentinel.example\"\n"
                + "\"DefaultSMTPGateways\"\t\"a.example,b.example\"\n";
        Files.writeString(sentinel.resolve("server.tab"), v122);
        Files.writeString(
                sentinel.resolve("smtpfwd.tab"),
                "# " + SENTINEL_MARKER + "\n\"partner.example\"\t" + "\"mx1.partner.example,mx2.partner.example\"\n");
        String pem = "-----BEGIN PRIVATE KEY-----\n" + SENTINEL_MARKER + "KeyAAAABBBBCCCC\n-----END PRIVATE KEY-----\n";
        Files.writeString(sentinel.resolve("key.pem"), pem);
        Files.writeString(sentinel.resolve("cert.pem"), pem.replace("PRIVATE KEY", "CERTIFICATE"));
        Files.createDirectories(sentinel.resolve("mailroot"));
        Files.writeString(sentinel.resolve("mailroot/server.tab"), v122);
        Fleets.readableByAll(sentinel);

        shadow = Files.writeString(base.resolve("shadow"), SHADOW_TEXT);
        Files.setPosixFilePermissions(shadow, PosixFilePermissions.fromString("rw-r-----"));

        Path alone = aloneFleet();
        Path world = Files.createDirectories(base.resolve("world"));
        Files.setPosixFilePermissions(world, PosixFilePermissions.fromString("rwxrwxrwx"));
        out = Files.createDirectories(base.resolve("out"));

        CliRun plant = InContainer.shell(PLANT)
                .readOnly(alone, ALONE)
                .readOnly(sentinel, SENTINEL)
                .writable(world, WORLD)
                .run();
        assertEquals(0, plant.exitCode(), plant::toString);
        fleet = world.resolve("fleet");
        site = world.resolve("site");
        assertEquals(XmailkitImage.UID, Fleets.owner(fleet).split(":")[0], "the fleet is the unprivileged user's");

        // The traps are what they should be.
        assertEquals(Path.of(SHADOW), Files.readSymbolicLink(fleet.resolve("shadow-tab/server.tab")));
        assertTrue(
                Files.readAttributes(
                                fleet.resolve("fifo/server.key"), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                        .isOther(),
                "a FIFO");
        assertTrue(Files.size(fleet.resolve("huge/server.tab")) > 16L * 1024 * 1024);
        assertTrue(Files.readString(fleet.resolve("journal/server.tab.xmailkit-journal"))
                .contains("\t../victim\t"));
        assertTrue(Files.isDirectory(fleet.resolve(ESCAPES)) && Files.isDirectory(fleet.resolve(FORGED)));
        String secrets = Files.readString(fleet.resolve("secrets/server.tab"))
                + Files.readString(fleet.resolve("secrets/smtpauth.tab"))
                + Files.readString(fleet.resolve("secrets/server.key"));
        assertAll(SECRETS.stream()
                .filter(s -> !s.equals("HfCtrlPass12"))
                .map(s -> () -> assertTrue(secrets.contains(s), s)));
    }

    /**
     * The servers that are not traps, as they would be alone: the legacy fleet of the migration tests, a server full
     * of secrets, and two whose directory names and values carry control characters.
     */
    private static Path aloneFleet() {
        Path alone = LegacyFleet.write(BASE + "/alone");
        MailRootFixture.in(alone.resolve("secrets"))
                .serverTab(String.join(
                        "\n",
                        "# relay login: HfCommentUser09:HfCommentPass10@relay.example",
                        "\"RootDomain\"\t\"secrets.example.jp\"",
                        "\"SmtpPassword\"\t\"HfSmtpPassword01\"",
                        "\"ApiSecret\"\t\"HfApiSecret02\"",
                        "\"DynDnsSetup\"\t\"members.dyndns.example,80,/nic/update?hostname=mx&user=HfDynQueryUser03"
                                + "&pass=HfDynQueryPass04,HfDynFieldUser05,HfDynFieldPass06\"",
                        "\"NotifyURL\"\t\"https://HfUrlUser07:HfUrlPass08@hooks.example.net/x\"",
                        "\"DefaultSMTPGateways\"\t\"gw1.isp.example,gw2.isp.example\"",
                        ""))
                .file("smtpauth.tab", "\"relayuser\"\t\"HfSmtpAuthPass11\"\t\"MR\"\n")
                .file("ctrlaccounts.tab", "\"ctrladmin\"\t\"" + XMailPassword.encode("HfCtrlPass12") + "\"\n")
                .file(
                        "server.key",
                        "-----BEGIN PRIVATE KEY-----\nHfServerKeyLine13AAAABBBBCCCC\n" + "-----END PRIVATE KEY-----\n")
                .write();
        MailRootFixture.in(alone.resolve(ESCAPES))
                .serverTab("\"RootDomain\"\t\"esc\u009D0;t\u009C\u202Egnp.example\"\n"
                        + "\"DefaultSMTPGateways\"\t\"a.example,b.example\"\n")
                .write();
        // Latin-1, with a raw 0x9B byte (a C1 CSI) in a reply text.
        MailRootFixture.in(alone.resolve(FORGED))
                .charset(StandardCharsets.ISO_8859_1)
                .serverTab("\"SmtpMsgIPBanSpammers\"\t\"550 \u009B2J banned\"\n"
                        + "\"DefaultSMTPGateways\"\t\"a.example,b.example\"\n")
                .write();
        return Fleets.readableByAll(alone);
    }

    /**
     * An empty directory for this test, under target/it. Files the root runs left there from an earlier run are
     * removed by root in a container when this user cannot remove them.
     */
    private static Path emptyBase() {
        String name = BASE;
        try {
            return Fleets.fresh(name);
        } catch (UncheckedIOException e) {
            Path dir = Path.of(System.getProperty("xmailkit.it.out", "target/it"))
                    .resolve(name)
                    .toAbsolutePath();
            CliRun clean = InContainer.shell("rm -rf /it/* /it/.[!.]*")
                    .user("0:0")
                    .writable(dir, "/it")
                    .run();
            assertEquals(0, clean.exitCode(), clean::toString);
            return Fleets.fresh(name);
        }
    }

    /** One run of the packaged CLI as root over the fleet, checked for what no run may do. */
    private CliRun asRoot(String... args) {
        long start = System.nanoTime();
        CliRun run = InContainer.xmailkit(args)
                .user("0:0")
                .workingDir(InContainer.FLEET)
                .writable(fleet, InContainer.FLEET)
                .writable(sentinel, SENTINEL)
                .writable(shadow, SHADOW)
                .writable(out, OUT)
                .writable(site, SITE)
                // No performance data file in the container's /tmp: the run is to change nothing outside its mounts.
                .env("XMAILKIT_JAVA_OPTS", "-XX:-UsePerfData")
                .run();
        String what = String.join(" ", args).replace(InContainer.FLEET, "").trim();
        seconds.put(what, Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        assertEquals(List.of(), run.changes(), () -> what + ": the container changed outside its mounts");
        assertClean(what + " stdout", run.stdout());
        assertClean(what + " stderr", run.stderr());
        PackagedCliIT.assertNoStackTrace(run);
        return run;
    }

    /** No secret, nothing from outside the fleet, no raw control character, no forged line. */
    private static void assertClean(String what, String text) {
        List<String> markers = new ArrayList<>(secrets());
        markers.addAll(outside());
        assertShowsNone(what, text, markers, true);
    }

    /** @return the secrets of the secrets server, and the form XMail stores the encoded one in */
    private static List<String> secrets() {
        List<String> markers = new ArrayList<>(SECRETS);
        markers.add(XMailPassword.encode("HfCtrlPass12"));
        return markers;
    }

    /** @return what /etc/shadow and the sentinel files hold */
    private static List<String> outside() {
        List<String> markers = new ArrayList<>(SHADOW_MARKERS);
        markers.add(SENTINEL_MARKER);
        return markers;
    }

    /**
     * @param markers what may not appear
     * @param shown   whether the text is shown to a person: then no raw control character and no line forged by a
     *                newline in a directory name either
     */
    private static void assertShowsNone(String what, String text, List<String> markers, boolean shown) {
        List<String> found = new ArrayList<>();
        int first = -1;
        for (String m : markers) {
            int at = text.indexOf(m);
            if (at >= 0) {
                found.add(m);
                first = first < 0 ? at : Math.min(first, at);
            }
        }
        if (shown) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t')
                        || (c >= 0x7F && c <= 0x9F)
                        || c == '\u061C'
                        || c == '\u200E'
                        || c == '\u200F'
                        || (c >= '\u202A' && c <= '\u202E')
                        || (c >= '\u2066' && c <= '\u2069')
                        || c == '\u2028'
                        || c == '\u2029') {
                    found.add(String.format(Locale.ROOT, "U+%04X at %d", (int) c, i));
                    first = first < 0 ? i : Math.min(first, i);
                }
            }
            int forged = ("\n" + text).indexOf("\n== /fleet/forged"); // at the start of a line
            if (forged >= 0) {
                found.add("a line forged by a newline in a directory name");
                first = first < 0 ? forged : Math.min(first, forged);
            }
        }
        int at = first;
        assertEquals(
                List.of(),
                found,
                () -> what + " shows what it must not, first here:\n"
                        + text.substring(Math.max(0, at - 300), Math.min(text.length(), at + 300)));
    }

    /** The traps after a write or rollback: links still links, FIFOs still FIFOs, refused servers untouched. */
    private void assertTheTrapsAreAsPlanted(SortedMap<String, byte[]> original) throws IOException {
        SortedMap<String, byte[]> now = Fleets.contents(fleet);
        List<Executable> checks = new ArrayList<>();
        for (String trap : List.of("shadow-tab", "linked-tab", "relay-link", "journal", "journal-shadow", "d1")) {
            checks.add(() -> Fleets.assertSameContents(
                    withoutOwnFiles(under(original, trap)), withoutOwnFiles(under(now, trap))));
        }
        for (String link : List.of("elsewhere", "victim", "shadow-tab/server.tab", "relay-link/smtpfwd.tab")) {
            checks.add(() -> assertArrayEquals(original.get(link), now.get(link), link));
        }
        for (String journal : List.of("journal", "journal-shadow")) {
            String name = journal + "/server.tab.xmailkit-journal";
            checks.add(() -> assertArrayEquals(original.get(name), now.get(name), name));
        }
        for (String fifo : List.of("fifo/server.key", "fifo/server.cert")) {
            checks.add(() -> assertTrue(
                    Files.readAttributes(fleet.resolve(fifo), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                            .isOther(),
                    fifo));
        }
        checks.add(() -> assertEquals(17_000_000L, Files.size(fleet.resolve("huge/server.tab"))));
        assertAll(checks);
    }

    /** @return the journal of a server of the fleet (empty when none was written) */
    private Journal journal(String server) throws IOException {
        return Journal.read(fleet.resolve(server).resolve("server.tab.xmailkit-journal"));
    }

    private static boolean same(SortedMap<String, byte[]> a, SortedMap<String, byte[]> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
    }

    /** @return the in-process output of the fleet alone, with its place on this host shown as the container's */
    private static String alone(String output, Path aloneFleet) {
        return output.replace(aloneFleet.toString(), InContainer.FLEET);
    }

    /** @return audit JSON's (or report.json's) servers by path */
    private static Map<String, JsonNode> servers(JsonNode doc) {
        Map<String, JsonNode> out = new TreeMap<>();
        doc.get("servers").forEach(s -> out.put(s.get("path").asText(), s));
        return out;
    }

    private static List<String> skipped(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.get("skipped").forEach(s -> out.add(s.get("path").asText()));
        return out.stream().sorted().toList();
    }

    private static void assertSameServers(String what, Map<String, JsonNode> alone, Map<String, JsonNode> inFleet) {
        assertAll(alone.entrySet().stream()
                .map(e -> () -> assertEquals(
                        e.getValue(),
                        inFleet.get(e.getKey()),
                        () -> what + ": " + e.getKey() + " differs from the same server alone")));
    }

    /**
     * @return the dry run's output per server: each section from its {@code == path} header to the next, the last
     *         one up to the summary
     */
    private static Map<String, String> sections(String output) {
        Map<String, String> out = new TreeMap<>();
        String header = null;
        StringBuilder body = new StringBuilder();
        for (String line : (output + "== \n").split("\n", -1)) {
            if (line.startsWith("== ") || line.startsWith("Servers: ")) {
                if (header != null) {
                    out.put(header, body.toString());
                }
                header = line.startsWith("== ") ? line : null;
                body.setLength(0);
            } else if (header != null) {
                body.append(line).append('\n');
            }
        }
        out.remove("== ");
        return out;
    }

    /** @return the entries of one server (paths relative to it) */
    private static SortedMap<String, byte[]> under(SortedMap<String, byte[]> tree, String server) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        tree.forEach((path, bytes) -> {
            if (path.startsWith(server + "/")) {
                out.put(path.substring(server.length() + 1), bytes);
            }
        });
        return out;
    }

    /** @return the entries without the backups, journal and lock xmailkit keeps next to server.tab */
    private static SortedMap<String, byte[]> withoutOwnFiles(SortedMap<String, byte[]> tree) {
        SortedMap<String, byte[]> out = new TreeMap<>(tree);
        out.keySet()
                .removeIf(p -> p.matches(".*\\.xmailkit-[0-9TZ-]+\\.bak")
                        || p.endsWith(".xmailkit-journal")
                        || p.endsWith(".xmailkit-lock"));
        return out;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
