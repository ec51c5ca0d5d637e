package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.Auditor;
import org.xmailkit.model.Printable;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.TextEncoding;
import org.xmailkit.model.XMailPassword;
import org.xmailkit.model.fs.WriteRefusedException;
import org.xmailkit.model.testing.MailRootFixture;

/** The whole HTML site over a hostile little fleet: escaping, secrets, self-containment, links, languages. */
class HtmlReportTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String SJIS_TEXT = "550 不正なアクセスです";
    static final List<String> SECRETS = List.of(
            "Alice-Pass-9",
            "Ctrl#Secret7",
            "Remote%Pw42",
            "Plain-Relay-5",
            "DynPassw0rd!",
            XMailPassword.encode("Alice-Pass-9"),
            XMailPassword.encode("Ctrl#Secret7"),
            "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7",
            "PRIVATE KEY-----");

    @TempDir
    Path tmp;

    List<Path> fleet() {
        Path hostile = MailRootFixture.in(tmp.resolve("fleet").resolve(IMG.replace("/", "")))
                .serverTab("""
                "RootDomain"\t"example.jp"
                "CustomSMTPMessage"\t"%s"
                "SmtpMsgIPBan"\t"%s"
                "%s"\t"1"
                "DynDnsSetup"\t"members.dyn.example,80,/nic/update?hostname=mx,dynuser,DynPassw0rd!"
                "EnableSMTP-TLS"\t""
                "SmtpGwConfig"\t"NeedTLS=2,OutBind=192.0.2.1"
                "RootDomain"\t"dup.example"
                """.formatted(SCRIPT, IMG.replace("\"", "\\\""), SCRIPT))
                .file(
                        "mailusers.tab",
                        "\"example.jp\"\t\"alice\"\t\"" + XMailPassword.encode("Alice-Pass-9")
                                + "\"\t1\t\"alice\"\t\"U\"\n")
                .file("ctrlaccounts.tab", "\"admin\"\t\"" + XMailPassword.encode("Ctrl#Secret7") + "\"\n")
                .file(
                        "pop3links.tab",
                        "\"example.jp\"\t\"alice\"\t\"pop.isp.example\"\t\"remote\"\t\""
                                + XMailPassword.encode("Remote%Pw42") + "\"\t\"STLS\"\n")
                .file("smtpauth.tab", "\"relayuser\"\t\"Plain-Relay-5\"\t\"MR\"\n")
                .file(
                        "server.key",
                        "-----BEGIN PRIVATE "
                                + "KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n"
                                + "-----END PRIVATE KEY-----\n")
                .write();
        Path sjis = MailRootFixture.in(tmp.resolve("fleet").resolve("kyoto"))
                .crlf()
                .charset(TextEncoding.WINDOWS_31J)
                .serverTab("""
                        "RootDomain"\t"example.co.jp"
                        "SmtpMsgIPBan"\t"%s"
                        "SmtpMsgIPBandMaps"\t"550 拒否しました"
                        """.formatted(SJIS_TEXT))
                .file("xmail.cmdline", "-Cl -Sl -F- -X- -SI 192.0.2.25 -Zz<b>x</b>\n")
                .write();
        Path missing = tmp.resolve("fleet").resolve("gone");
        return List.of(hostile, sjis, missing);
    }

    /** A planner that removes DynDnsSetup, as the migration does, to show the diff. */
    static MigrationPlanner removingDynDns() {
        return (root, audit, secrets, locale) -> {
            List<String> diff = new ArrayList<>();
            diff.add("@@ -5,1 +5,0 @@");
            root.serverTab()
                    .entry("DynDnsSetup")
                    .ifPresent(e -> diff.add("-"
                            + root.serverTab()
                                    .printable(root.serverTab()
                                            .document()
                                            .line(e.line())
                                            .raw())));
            return MigrationView.planned(
                    "1.27",
                    List.of(new MigrationView.PlannedChange(
                            "server.tab",
                            "remove",
                            "DynDnsSetup",
                            secrets.scrub(root.serverTab()
                                    .entry("DynDnsSetup")
                                    .map(e -> root.serverTab().printable(e.value()))
                                    .orElse("")),
                            "",
                            "UPG-X",
                            "removed in 1.24")),
                    List.of(MigrationViews.diff("server.tab", diff, secrets)),
                    List.of(),
                    List.of(new MigrationView.NoteView("decide", "server.tab:5", "check it")),
                    null);
        };
    }

    Path run(Locale locale, String dir) throws Exception {
        FleetReport r = new FleetReport(
                new Auditor(List.of()),
                removingDynDns(),
                new FleetReport.Options(
                        locale,
                        AuditOptions.defaults(),
                        "1.27",
                        "test",
                        2,
                        Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC)));
        FleetReport.Result res = r.run(fleet(), tmp, tmp.resolve(dir), n -> {});
        assertEquals(1, res.failures().size());
        assertEquals(2, res.fleet().audited());
        return tmp.resolve(dir);
    }

    @Test
    void aServerPageShowsTheServicesOfItsCommandLineOrSaysItIsNotKnown() throws Exception {
        Path out = run(Locale.ENGLISH, "out");
        String kyoto = Files.readString(out.resolve("servers/kyoto.html"), StandardCharsets.UTF_8);
        assertTrue(kyoto.contains("<h2 id=\"services\">Services</h2>"), kyoto);
        assertTrue(kyoto.contains("found in the MailRoot"), kyoto);
        assertTrue(
                kyoto.contains("<th scope=\"row\">SMTP</th><td><code>192.0.2.25:25</code></td>"
                        + "<td>this address only</td>"),
                kyoto);
        assertTrue(kyoto.contains("<tr class=\"off\"><th scope=\"row\">FINGER</th>"), kyoto);
        assertTrue(
                kyoto.contains("<code>-Cl</code></th><td>CTRL log: every login line, password field included</td>"),
                kyoto);
        assertTrue(kyoto.contains("-Zz&lt;b&gt;x&lt;/b&gt;: XMail 1.27 has no such option"), kyoto);
        assertFalse(kyoto.contains("<b>x</b>"), "escaped");
        assertTrue(kyoto.contains("<code>XMail -Sl -F- -X- -SI 192.0.2.25 -Mr 24 -Pl -Ql -B- -W-</code>"), kyoto);
        String hostile = Files.readString(serverPage(out, "example.jp"), StandardCharsets.UTF_8);
        assertTrue(hostile.contains("command line is not known"), hostile);
    }

    @Test
    void valuesAreEscapedAndReadable() throws Exception {
        Path out = run(Locale.ENGLISH, "out");
        String all = allHtml(out);
        assertFalse(all.contains(SCRIPT));
        assertFalse(all.contains("<img"));
        assertTrue(all.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(all.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assertTrue(all.contains(SJIS_TEXT), "Shift_JIS value decoded");
        assertTrue(all.contains("550 拒否しました"));
    }

    @Test
    void noSecretAppearsInAnyFile() throws Exception {
        Path out = run(Locale.ENGLISH, "out");
        for (Path p : OutputScan.files(out)) {
            String s = Files.readString(p, StandardCharsets.UTF_8);
            for (String secret : SECRETS) {
                assertFalse(s.contains(secret), p + " shows " + secret);
            }
        }
        String hostile = Files.readString(serverPage(out, "example.jp"), StandardCharsets.UTF_8);
        assertTrue(hostile.contains("DynDnsSetup"));
        assertTrue(hostile.contains(Secrets.MASK));
    }

    @Test
    void everyPageIsSelfContainedWithWorkingLinksInBothLanguages() throws Exception {
        for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            Path out = run(l, "out-" + l.getLanguage());
            OutputScan.check(out);
            String index = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
            assertTrue(index.contains("<html lang=\"" + l.getLanguage() + "\">"));
            assertEquals(3, OutputScan.count(index, "<a href=\"servers/"), "one link per server");
        }
    }

    @Test
    void theSettingsFollowTheXMailCfgPageInJapanese() throws Exception {
        Path out = run(Locale.JAPANESE, "out");
        String kyoto = Files.readString(out.resolve("servers/kyoto.html"), StandardCharsets.UTF_8);
        List<String> headings = List.of(
                "基本設定",
                "SMTPゲートウェイ関連設定(デフォルト)",
                "セキュリティ関連設定",
                "SSL/TLS 関連設定",
                "エラー処理関連設定",
                "POP3同期処理関連設定",
                "SMTP認証関連設定(グローバル環境)",
                "ローカライズ版専用設定");
        int last = -1;
        for (String h : headings) {
            int at = kyoto.indexOf("<caption>" + h);
            assertTrue(at > last, h);
            last = at;
        }
        assertTrue(kyoto.indexOf("ルートドメイン") < kyoto.indexOf("POPデフォルトドメイン"));
        assertTrue(kyoto.contains("class=\"nondefault\""), "RootDomain differs from the default");
        assertTrue(kyoto.contains("Shift_JIS"));
        assertTrue(kyoto.contains("CRLF"));
    }

    @Test
    void aServerThatCannotBeReadIsAnErrorEntryAndTheRestGoOn() throws Exception {
        Path out = run(Locale.ENGLISH, "out");
        String gone = Files.readString(out.resolve("servers/gone.html"), StandardCharsets.UTF_8);
        assertTrue(gone.contains("Could not be audited"));
        String index = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(index.contains("1 could not be audited"));
    }

    @Test
    void aServerNamedTwiceIsReportedOnce() throws Exception {
        List<Path> servers = fleet();
        List<Path> twice = List.of(servers.get(1), tmp.resolve("fleet/./kyoto"), servers.get(1));
        FleetReport r = new FleetReport(
                new Auditor(List.of()),
                MigrationPlanner.none("1.27"),
                new FleetReport.Options(Locale.ENGLISH, AuditOptions.defaults(), "1.27", "test", 2, Clock.systemUTC()));
        FleetReport.Result res = r.run(twice, tmp, tmp.resolve("twice"), n -> {});
        assertEquals(1, res.model().servers());
        assertEquals(1, res.fleet().servers());
    }

    @Test
    void anOutputDirectoryWithOtherFilesIsRefused() throws Exception {
        Path out = tmp.resolve("busy");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        FleetReport r = new FleetReport(
                new Auditor(List.of()),
                MigrationPlanner.none("1.27"),
                new FleetReport.Options(Locale.ENGLISH, AuditOptions.defaults(), "1.27", "test", 1, Clock.systemUTC()));
        WriteRefusedException e = assertThrows(WriteRefusedException.class, () -> r.run(fleet(), tmp, out, n -> {}));
        assertEquals(WriteRefusedException.Reason.NOT_EMPTY, e.reason());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        Path again = run(Locale.ENGLISH, "twice");
        run(Locale.ENGLISH, "twice");
        assertTrue(Files.exists(again.resolve("index.html")), "a previous report may be replaced");
    }

    /**
     * A directory named with escape sequences, a newline, a C1 CSI and a right-to-left override, and values with C1
     * and bidirectional controls: the pages show them as the text output does ({@code \x1B}, {@code \u202E}) and
     * send none of them, to a browser or to a terminal that {@code audit -f html} prints to.
     */
    @Test
    void controlCharactersInPathsAndValuesAreShownEscapedAndNeverSent() throws Exception {
        Path hostile = MailRootFixture.in(tmp.resolve("fleet").resolve("mx\u001B]0;owned\u0007\n== x\u009B2J\u202Egnp"))
                .serverTab("\"RootDomain\"\t\"a\u009D0;t\u009C.example\"\n\"SmtpMsgIPBan\"\t\"550 \u202Edeyalb <b>\"\n")
                .write();
        FleetReport r = new FleetReport(
                new Auditor(List.of()),
                MigrationPlanner.none("1.27"),
                new FleetReport.Options(Locale.ENGLISH, AuditOptions.defaults(), "1.27", "test", 1, Clock.systemUTC()));
        Path out = tmp.resolve("controls");
        r.run(List.of(hostile), tmp, out, n -> {});
        String all = allHtml(out);
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            assertFalse(
                    Printable.escaped(c) && c != '\n',
                    () -> String.format("U+%04X sent at %d", (int) c, all.indexOf(c)));
        }
        assertTrue(all.contains("mx\\x1B]0;owned\\x07\\x0A== x\\x9B2J\\u202Egnp"), "the path, shown");
        assertTrue(all.contains("550 \\u202Edeyalb &lt;b&gt;"), "the value, shown and still HTML-escaped");
        assertTrue(all.contains("a\\x9D0;t\\x9C.example"), all);
    }

    static Path serverPage(Path out, String containing) throws Exception {
        for (Path p : OutputScan.files(out.resolve("servers"))) {
            if (Files.readString(p, StandardCharsets.UTF_8).contains(containing)) {
                return p;
            }
        }
        throw new AssertionError("no server page with " + containing);
    }

    static String allHtml(Path out) throws Exception {
        StringBuilder b = new StringBuilder();
        for (Path p : OutputScan.files(out)) {
            if (!p.toString().endsWith(".html")) {
                continue;
            }
            b.append(Files.readString(p, StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
