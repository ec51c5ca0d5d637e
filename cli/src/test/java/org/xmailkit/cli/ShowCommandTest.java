package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.Catalog;
import org.xmailkit.model.TextEncoding;
import org.xmailkit.model.Variable;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.model.testing.XMail127Default;

class ShowCommandTest {

    @TempDir
    Path tmp;

    private Path defaultRoot() {
        return XMail127Default.copyTo(tmp.resolve("MailRoot"));
    }

    private Path root(String serverTab) {
        return MailRootFixture.in(tmp.resolve("custom"))
                .xmail127Default()
                .serverTab(serverTab)
                .write();
    }

    private static String lineOf(String out, String start) {
        return out.lines()
                .filter(l -> l.startsWith(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + start + "' in\n" + out));
    }

    @Test
    void showsTheDefaultMailRootInEnglishGroupedAsOnTheXMailCfgPage() {
        Path root = defaultRoot();
        Run r = Run.of(tmp, "show", "--lang", "en", "MailRoot");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("# " + root.resolve("server.tab") + "\n"), out);
        assertTrue(out.contains("# US-ASCII, LF line endings, 69 lines; 18 settings from the file"), out);
        List<String> headings = out.lines().filter(l -> l.startsWith("## ")).toList();
        assertEquals(
                List.of("## Basic settings", "## Security", "## Error handling", "## POP3 synchronisation"), headings);
        assertTrue(
                lineOf(out, "* RootDomain ")
                        .matches("\\* RootDomain +=  ?xmailserver\\.test +# line 6; Root domain; XMail has no default"),
                lineOf(out, "* RootDomain "));
        assertTrue(lineOf(out, "  MaxMTAOps ").endsWith("# line 22; Maximum delivery steps"));
        assertFalse(out.contains("## Problems"), "the shipped file has no problems");
        assertEquals("", r.err());
    }

    @Test
    void japaneseShowsXMailCfgLabelsAndTheCheckedButton() {
        defaultRoot();
        Run r = Run.of(tmp, "--lang", "ja", "show", "MailRoot");
        assertEquals(ExitCode.OK, r.exit());
        String out = r.out();
        assertTrue(out.contains("## 基本設定"));
        assertTrue(out.contains("## セキュリティ関連設定"));
        assertTrue(lineOf(out, "* RootDomain ").endsWith("# 6 行目; ルートドメイン; XMail に既定値なし"));
        assertTrue(lineOf(out, "  ReceivedHdrType ").endsWith("Recieved:ヘッダ制御: S:非表示、C:表示"));
        assertTrue(lineOf(out, "  SMTP-IpMapDropCode ").endsWith("アクセス非許可クライアントへの対応方法: 直ちに切断"));
    }

    @Test
    void valuesThatDifferFromTheDefaultAreMarkedWithHowXMailReadsThem() {
        root("\"RootDomain\"\t\"x.test\"\n\"EnableAuthSMTP-POP3\"\t\"\"\n\"SMTP-IpMapDropCode\"\t\"-30\"\n"
                + "\"MaxMTAOps\"\t\"16 steps\"\n\"SmtpNoTLSAuths\"\t\"\"\n\"AllowSmtpVRFY\"\t\"yes\"\n");
        Run en = Run.of(tmp, "show", "custom");
        String pop = lineOf(en.out(), "* EnableAuthSMTP-POP3 ");
        assertTrue(pop.contains("= 0 "), pop);
        assertTrue(pop.contains("written \"\": a flag reads \"\" as 0"), pop);
        assertTrue(pop.contains("1.27 default: 1"), pop);
        assertTrue(lineOf(en.out(), "  MaxMTAOps ").contains("the text after the number is ignored"));
        assertTrue(lineOf(en.out(), "* SmtpNoTLSAuths ").contains("= \"\" "), "an empty string is shown as \"\"");
        assertTrue(lineOf(en.out(), "  AllowSmtpVRFY ").contains("not a number, read as 0"));
        Run ja = Run.of(tmp, "show", "--lang", "ja", "custom");
        assertTrue(lineOf(ja.out(), "* SMTP-IpMapDropCode ").contains("30 秒の遅延を挿入して送信許可"), ja.out());
    }

    @Test
    void allAddsEveryVariableWithItsDefault() {
        defaultRoot();
        Run r = Run.of(tmp, "show", "--all", "MailRoot");
        String out = r.out();
        assertTrue(lineOf(out, "  EnableSMTP-TLS ").contains("= 1 "));
        assertTrue(lineOf(out, "  EnableSMTP-TLS ").contains("# default; Support SMTP TLS"));
        assertTrue(lineOf(out, "  SmtpNoTLSAuths ").contains("# not set, no default"));
        assertTrue(lineOf(out, "  DefaultSmtpPerms ").contains("= MRVZ "));
        assertTrue(out.contains("## Not on the XMailCFG page"));
        assertTrue(out.contains("## SSL/TLS"));
        long settings = out.lines().filter(l -> l.matches("[* ] \\S+ +=.*")).count();
        long variables = Catalog.builtin().all().stream()
                .filter(v -> v.role() == Variable.Role.VARIABLE)
                .count();
        assertEquals(variables, settings, "every variable XMail 1.27 reads");
    }

    @Test
    void problemsIgnoredNamesAndDuplicatesComeAfterTheSettings() {
        Path root = root("\"RootDomain\"\t\"x.test\"\n\"RootDomain\"\t\"y.test\"\n\"enablesmtp-tls\"\t\"0\"\n"
                + "\"HeloDomain\" \"x\"\n\"SmtpMsgIPBandMaps\"\t\"550 blocked\"\n\"SMTPLocalRule1\"\t\"1\"\n"
                + "\"DynDnsSetup\"\t\"dyn.example,80,/update?%s,user,secret\"\n\"SmtpConfig-192.0.2.1,587\"\t\"mail-a"
                + "uth\"\n");
        Run r = Run.of(tmp, "show", "custom");
        String out = r.out();
        assertTrue(lineOf(out, "* RootDomain ").contains("line 2 sets it again and is ignored"));
        assertTrue(out.contains("## Not on the XMailCFG page"));
        assertTrue(lineOf(out, "* SmtpConfig-192.0.2.1,587 ").contains("= mail-auth"));
        String ignored = out.substring(out.indexOf("## Set, but ignored by XMail 1.27"), out.indexOf("## Problems"));
        assertTrue(
                ignored.contains(
                        "SmtpMsgIPBandMaps = 550 blocked  # line 5; misspelling; XMail reads " + "SmtpMsgIPBanMaps"),
                ignored);
        assertTrue(ignored.contains("SMTPLocalRule1 = 1  # line 6; read only by the localized 1.27 build"));
        assertTrue(
                ignored.contains("DynDnsSetup = dyn.example,********  # line 7"),
                "every field but the host is masked\n" + ignored);
        assertFalse(out.contains("secret"));
        assertFalse(out.contains("user,"));
        Path file = root.resolve("server.tab");
        assertTrue(out.contains(file + ":2:1: RootDomain is already set on line 1"), out);
        assertTrue(out.contains(
                file + ":3:1: XMail 1.27 does not read \"enablesmtp-tls\" (did you mean EnableSMTP-TLS?)"));
        assertTrue(out.contains(file + ":4:1: no TAB on this line"));
        assertTrue(out.indexOf("## Problems (") > out.indexOf("## Set, but ignored"));
    }

    @Test
    void requiredSettingsThatAreMissingAreNamedInTheHeader() {
        root("\"RootDomain\"\t\"x.test\"\n");
        Run r = Run.of(tmp, "show", "custom");
        assertTrue(
                r.out()
                        .contains("# not set, though XMailCFG marks them required: POP3Domain, PostMaster, "
                                + "HeloDomain, "
                                + "SmtpServerDomain"),
                r.out());
    }

    @Test
    void jsonHasSettingsIgnoredNamesAndProblems() throws IOException {
        root("\"RootDomain\"\t\"x.test\"\n\"EnableSMTP-TLS\"\t\"\"\n\"SmtpMsgIPBandMaps\"\t\"550 "
                + "no\"\n\"Bogus\"\t\"1\"\n");
        Run r = Run.of(tmp, "show", "--format", "json", "custom");
        assertEquals(ExitCode.OK, r.exit());
        JsonNode all = new ObjectMapper().readTree(r.out());
        assertEquals(1, all.size());
        JsonNode server = all.get(0);
        assertEquals("US-ASCII", server.get("encoding").asText());
        assertEquals("LF", server.get("lineEnding").asText());
        JsonNode tls = find(server.get("settings"), "EnableSMTP-TLS");
        assertEquals("0", tls.get("value").asText());
        assertEquals("", tls.get("written").asText());
        assertEquals("file", tls.get("origin").asText());
        assertEquals(2, tls.get("line").asInt());
        assertEquals("empty_flag_is_zero", tls.get("reading").asText());
        assertEquals("1", tls.get("default").asText());
        assertTrue(tls.get("differsFromDefault").asBoolean());
        assertEquals("tls", tls.get("section").asText());
        assertEquals("Support SMTP TLS", tls.get("label").asText());
        JsonNode alias = server.get("ignored").get(0);
        assertEquals("SmtpMsgIPBandMaps", alias.get("name").asText());
        assertEquals("SmtpMsgIPBanMaps", alias.get("xmailReads").asText());
        assertEquals("alias", alias.get("role").asText());
        JsonNode problem = server.get("problems").get(0);
        assertEquals("UNKNOWN_NAME", problem.get("code").asText());
        assertEquals(4, problem.get("line").asInt());
        Run all2 = Run.of(tmp, "show", "--format", "json", "--all", "--lang", "ja", "custom");
        JsonNode perms = find(new ObjectMapper().readTree(all2.out()).get(0).get("settings"), "DefaultSmtpPerms");
        assertEquals("default", perms.get("origin").asText());
        assertTrue(perms.get("line").isNull());
        assertEquals("認証済みユーザの権限", perms.get("label").asText());
    }

    private static JsonNode find(JsonNode settings, String name) {
        for (JsonNode s : settings) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no " + name);
    }

    @Test
    void japaneseValuesAreDecodedWithTheDetectedEncoding() throws IOException {
        for (Charset cs : List.of(TextEncoding.WINDOWS_31J, TextEncoding.EUC_JP, StandardCharsets.UTF_8)) {
            Path dir = tmp.resolve(cs.name());
            Files.createDirectories(dir);
            Files.write(dir.resolve("server.tab"), "\"SmtpMsgIPBan\"\t\"550 不正中継は禁止されています\"\r\n".getBytes(cs));
            Run r = Run.of(tmp, "show", cs.name());
            assertTrue(lineOf(r.out(), "* SmtpMsgIPBan ").contains("= 550 不正中継は禁止されています "), cs + ": " + r.out());
            assertTrue(r.out().contains("# " + cs.name() + ", CRLF line endings"), r.out());
            Run json = Run.of(tmp, "show", "--format", "json", cs.name());
            assertTrue(json.out().contains("\"550 不正中継は禁止されています\""));
        }
    }

    @Test
    void aBareServerTabIsShownAndSaysSo() throws IOException {
        Path root = defaultRoot();
        Files.copy(root.resolve("server.tab"), tmp.resolve("old-server.tab"));
        Run r = Run.of(tmp, "show", "old-server.tab");
        assertEquals(ExitCode.OK, r.exit());
        assertTrue(r.out().contains("# a server.tab on its own"));
    }

    @Test
    void aTreeShowsEveryMailRootItHolds() {
        XMail127Default.copyTo(tmp.resolve("fleet/a/MailRoot"));
        XMail127Default.copyTo(tmp.resolve("fleet/b/MailRoot"));
        Run r = Run.of(tmp, "show", "fleet");
        assertEquals(
                2,
                r.out()
                        .lines()
                        .filter(l -> l.startsWith("# /") && l.endsWith("server.tab"))
                        .count());
    }

    @Test
    void aMissingPathIsAOneLineInputError() {
        Run r = Run.of(tmp, "show", "nowhere");
        assertEquals(ExitCode.INPUT, r.exit());
        assertEquals(tmp.resolve("nowhere") + ": no such file or directory\n", r.err());
        assertEquals("", r.out());
        Run ja = Run.of(tmp, "show", "--lang", "ja", "nowhere");
        assertEquals(tmp.resolve("nowhere") + ": ファイルまたはディレクトリが存在しません\n", ja.err());
    }

    @Test
    void aDirectoryWithoutServerTabIsAnInputError() throws IOException {
        Files.createDirectories(tmp.resolve("empty/sub"));
        Run r = Run.of(tmp, "show", "empty");
        assertEquals(ExitCode.INPUT, r.exit());
        assertEquals(tmp.resolve("empty") + ": no server.tab here or below: not an XMail MailRoot\n", r.err());
    }

    @Test
    void aBinaryFileIsAnInputError() throws IOException {
        byte[] zip = new byte[200];
        zip[0] = 'P';
        zip[1] = 'K';
        zip[2] = 3;
        zip[3] = 4;
        Files.write(tmp.resolve("server.tab"), zip);
        Run r = Run.of(tmp, "show", "server.tab");
        assertEquals(ExitCode.INPUT, r.exit());
        assertEquals(tmp.resolve("server.tab") + ": not a text file: XMail configuration files are text\n", r.err());
        assertFalse(r.traced());
    }

    @Test
    void aFiftyMegabyteFileIsAOneLineInputError() throws IOException {
        Path big = tmp.resolve("big/server.tab");
        Files.createDirectories(big.getParent());
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024);
        }
        Run r = Run.of(tmp, "show", "big");
        assertEquals(ExitCode.INPUT, r.exit());
        assertEquals(big + ": not read: the file is 50 MB, over the 16 MB limit for this kind of file\n", r.err());
        assertFalse(r.traced());
    }

    @Test
    void aOneMegabyteLineIsAProblemNotAnError() {
        Path root = root("\"CustomSMTPMessage\"\t\"" + "x".repeat(1024 * 1024) + "\"\n");
        Run r = Run.of(tmp, "show", "custom");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(
                r.out().contains(root.resolve("server.tab") + ":1:2047: line is 1048598 bytes"),
                r.out().lines().filter(l -> l.contains("bytes")).findFirst().orElse(""));
    }

    @Test
    void someMissingInputsMakeAPartialRun() {
        defaultRoot();
        Run r = Run.of(tmp, "show", "MailRoot", "nowhere");
        assertEquals(ExitCode.PARTIAL, r.exit());
        assertTrue(r.out().contains("## Basic settings"));
        assertEquals(tmp.resolve("nowhere") + ": no such file or directory\n", r.err());
    }

    @Test
    void badOptionValuesAndMissingPathsAreUsageErrors() {
        Run format = Run.of(tmp, "show", "--format", "xml", ".");
        assertEquals(ExitCode.USAGE, format.exit());
        assertTrue(
                format.err().startsWith("xmailkit: bad value for --format: 'xml' (expected json|text)"), format.err());
        Run none = Run.of(tmp, "show");
        assertEquals(ExitCode.USAGE, none.exit());
        assertTrue(none.err().startsWith("xmailkit: no PATH given"));
    }

    @Test
    void showNeverChangesAFile() throws IOException {
        Path root = defaultRoot();
        byte[] before = Files.readAllBytes(root.resolve("server.tab"));
        Run.of(tmp, "show", "--all", "MailRoot");
        Run.of(tmp, "show", "--format", "json", "MailRoot");
        try (Stream<Path> s = Files.walk(root)) {
            assertEquals(
                    XMail127Default.files().size(),
                    s.filter(Files::isRegularFile).count());
        }
        assertEquals(
                new String(before, StandardCharsets.ISO_8859_1),
                new String(Files.readAllBytes(root.resolve("server.tab")), StandardCharsets.ISO_8859_1));
    }
}
