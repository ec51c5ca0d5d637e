package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.testing.MailRootFixture;

class SecretsTest {

    private static final String M = Secrets.MASK;

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ the name policy

    @Test
    void theCatalogueNamesDynDnsSetupAsItsOnlySecretVariable() {
        List<String> secret = Catalog.builtin().all().stream()
                .filter(Variable::secret)
                .map(Variable::name)
                .toList();
        assertEquals(List.of("DynDnsSetup"), secret);
    }

    @Test
    void unknownNamesThatSayTheyHoldASecretAreSecret() {
        for (String n : List.of(
                "SmtpPassword",
                "SMTP-AuthPassword",
                "ApiSecret",
                "WebhookToken",
                "ProviderKey",
                "AdminPwd",
                "LdapCredentials",
                "MyDynDnsLogin",
                "dyndnssetup",
                "\u00EF\u00BB\u00BFDynDnsSetup",
                " DynDnsSetup")) {
            assertTrue(Secrets.secretName(n), n);
        }
    }

    @Test
    void knownVariablesAreSecretOnlyWhenTheCatalogueSaysSo() {
        // Pop3LogPasswd holds 0, 1 or 2 and the audit must show it; the pattern does not apply to known names.
        for (String n : List.of(
                "Pop3LogPasswd", "SmtpNoTLSAuths", "EnableAuthSMTP-POP3", "RootDomain", "SmtpConfig-192.0.2.1")) {
            assertFalse(Secrets.secretName(n), n);
        }
    }

    @Test
    void dynDnsSetupShowsOnlyItsHost() {
        assertEquals(
                "members.dyndns.org," + M,
                Secrets.value("DynDnsSetup", "members.dyndns.org,80,/nic/update?u=bob&pass=pw,bob,pw"));
        assertEquals("members.dyndns.org", Secrets.value("DynDnsSetup", "members.dyndns.org"));
        assertEquals(M, Secrets.value("DynDnsSetup", "bob:pw@members.dyndns.org,80,/x"), "a host with credentials");
        assertEquals(M, Secrets.value("DynDnsSetup", "hunter2,80"), "a first field that is no host name");
        assertEquals("", Secrets.value("DynDnsSetup", ""));
        assertEquals(M, Secrets.value("ApiSecret", "abc.example,def"), "only DynDnsSetup keeps a field");
    }

    @Test
    void otherValuesLoseOnlyTheirPasswordForms() {
        assertEquals("mx.example.jp", Secrets.value("RootDomain", "mx.example.jp"));
        assertEquals(
                "https://" + M + "@hooks.example/x?id=7&password=" + M,
                Secrets.value("NotifyURL", "https://u:p@hooks.example/x?id=7&password=hunter2"));
    }

    @Test
    void aSecretGluedToItsNameIsCut() {
        assertEquals("BackupPassword " + M, Secrets.name("BackupPassword hunter2"));
        assertEquals("ApiToken " + M, Secrets.name("ApiToken=abc"));
        assertEquals("SmtpPassword", Secrets.name("SmtpPassword"));
        assertEquals("Root Domain", Secrets.name("Root Domain"), "no secret word: nothing to cut");
    }

    // ------------------------------------------------------------------ forms

    @Test
    void passwordFormsAreMaskedInAnyText() {
        assertEquals("see https://" + M + "@gw.example.net/a", Secrets.forms("see https://bob:pw1@gw.example.net/a"));
        assertEquals("ftp://" + M + "@h.example", Secrets.forms("ftp://tokenonly@h.example"));
        assertEquals("# login " + M + "@members.example", Secrets.forms("# login bob:pw2@members.example"));
        assertEquals("/u?host=x&pass=" + M + "&x=1", Secrets.forms("/u?host=x&pass=pw3&x=1"));
        assertEquals("api_key=" + M + " token=" + M, Secrets.forms("api_key=k1 token=t1"));
        assertEquals("password: " + M, Secrets.forms("password: hunter2"));
        String label = "\u30D1\u30B9\u30EF\u30FC\u30C9\uFF1A";
        assertEquals(label + M, Secrets.forms(label + "hunter2"));
        assertEquals(
                "a\n" + M + "\nb",
                Secrets.forms("a\n-----BEGIN RSA PRIVATE KEY-----\nAAAA\n" + "-----END RSA PRIVATE KEY-----\nb"));
    }

    @Test
    void ordinaryConfigurationTextIsLeftAlone() {
        for (String s : List.of(
                "gw1.isp.example:25;gw2.isp.example:587,NeedTLS=1",
                "postmaster@example.jp",
                "192.0.2.1:25",
                "[2001:db8::1]:25",
                "MailAuth=1,WantTLS",
                "Pop3LogPasswd",
                "\"Pop3LogPasswd\"\t\"2\"",
                "server.tab:12: text",
                "server.key: unreadable",
                "relay.example.net:tcp,dns.example:udp",
                "SmtpConfig-192.0.2.1,25",
                "key: value is not a password label")) {
            assertEquals(s, Secrets.forms(s), s);
        }
    }

    @Test
    void pathologicalTextIsReadOnceEachWayAndKeptWhole() {
        // Patterns that backtrack would take minutes on these; each is read in one pass.
        String words = "key".repeat(200_000);
        assertEquals(words, Secrets.forms(words));
        String colons = "a:".repeat(200_000) + "b";
        assertEquals(colons, Secrets.forms(colons + ""));
        String assigned = "x=".repeat(200_000) + "pass=" + "y".repeat(1000);
        assertEquals("x=".repeat(200_000) + "pass=" + M, Secrets.forms(assigned));
        String urls = "://a".repeat(100_000) + "@";
        assertEquals("://a".repeat(99_999) + "://" + M + "@", Secrets.forms(urls));
    }

    // ------------------------------------------------------------------ lines

    private static TabLine line(String raw) {
        return new TabLine(1, raw, LineEnding.LF);
    }

    @Test
    void secretValuesAreMaskedInServerTabLinesCommentedOutOnesIncluded() {
        MailRootFile tab = MailRootFile.SERVER_TAB;
        assertEquals("\"SmtpPassword\"\t\"" + M + "\"", Secrets.maskedRaw(line("\"SmtpPassword\"\t\"pw\""), tab));
        assertEquals("SmtpPassword\t" + M + "\t" + M, Secrets.maskedRaw(line("SmtpPassword\tpw\textra"), tab));
        assertEquals(
                "\"DynDnsSetup\"\t\"dyn.example," + M + "\"",
                Secrets.maskedRaw(line("\"DynDnsSetup\"\t\"dyn.example,80,/u,bob,pw\""), tab));
        assertEquals("#\"ApiSecret\"\t\"" + M + "\"", Secrets.maskedRaw(line("#\"ApiSecret\"\t\"old\""), tab));
        assertEquals("\"BackupPassword " + M + "\"", Secrets.maskedRaw(line("\"BackupPassword hunter2\""), tab));
        assertEquals(
                "# Password policy: see the wiki",
                Secrets.maskedRaw(line("# Password policy: see the wiki"), tab),
                "prose comments are not settings");
        assertEquals("\"RootDomain\"\t\"example.jp\"", Secrets.maskedRaw(line("\"RootDomain\"\t\"example.jp\""), tab));
        assertEquals("\"Pop3LogPasswd\"\t\"2\"", Secrets.maskedRaw(line("\"Pop3LogPasswd\"\t\"2\""), tab));
    }

    @Test
    void theValueIsMaskedInEveryReadOfAnOverlongLine() {
        String raw = "\"ApiSecret\"\t\"" + "s".repeat(3000) + "\"";
        String masked = Secrets.maskedRaw(line(raw), MailRootFile.SERVER_TAB);
        assertFalse(masked.contains("ss"), masked);
    }

    @Test
    void accountFilesLoseTheirPasswordColumn() {
        assertEquals(
                "\"admin\"\t\"" + M + "\"", Secrets.maskedRaw(line("\"admin\"\t\"0a0b\""), MailRootFile.CTRL_ACCOUNTS));
        assertEquals(
                "#\"old\"\t\"" + M + "\"",
                Secrets.maskedRaw(line("#\"old\"\t\"0a0b\""), MailRootFile.CTRL_ACCOUNTS),
                "ctrlaccounts.tab has no comments: it is an account");
        assertEquals(
                "\"relay\"\t\"" + M + "\"\t\"MR\"",
                Secrets.maskedRaw(line("\"relay\"\t\"pw\"\t\"MR\""), MailRootFile.SMTP_AUTH));
        assertEquals(
                "\"d\"\t\"u\"\t\"" + M + "\"\t1\t\"u\"\t\"U\"",
                Secrets.maskedRaw(line("\"d\"\t\"u\"\t\"0a0b\"\t1\t\"u\"\t\"U\""), MailRootFile.MAIL_USERS));
        assertEquals(
                "\"key.example\"\t\"mx.example\"",
                Secrets.maskedRaw(line("\"key.example\"\t\"mx.example\""), MailRootFile.SMTP_GW),
                "names are only a policy of server.tab and userdef.tab");
    }

    // ------------------------------------------------------------------ one MailRoot

    @Test
    void collectsEveryStoredAndDecodedPasswordAndDynDnsCredentials() {
        MailRoot root = MailRootFixture.in(tmp)
                .serverTab("""
                "RootDomain"\t"example.jp"
                "DynDnsSetup"\t"members.dyn.example,80,/nic/update?hostname=mx,dynuser,DynPassw0rd!"
                "SmtpPassword"\t"Named-Secret-1"
                # gateway https://gwuser:Url-Secret-2@gw.example.net/
                """)
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
                        "-----BEGIN PRIVATE KEY-----\n"
                                + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n")
                .open();
        Secrets s = Secrets.of(root);
        List<String> secrets = List.of(
                "Alice-Pass-9",
                "Ctrl#Secret7",
                "Remote%Pw42",
                "Plain-Relay-5",
                "DynPassw0rd!",
                "dynuser",
                "Named-Secret-1",
                "Url-Secret-2",
                "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7",
                XMailPassword.encode("Ctrl#Secret7"),
                XMailPassword.encode("Alice-Pass-9"));
        String scrubbed = s.scrub("a " + String.join(" b ", secrets) + " z");
        for (String secret : secrets) {
            assertFalse(scrubbed.contains(secret), secret + " in " + scrubbed);
        }
        assertTrue(scrubbed.startsWith("a " + M + " b "), scrubbed);
        assertEquals(
                "members.dyn.example relayuser alice",
                s.scrub("members.dyn.example relayuser alice"),
                "hosts and account names stay");
    }

    @Test
    void aPasswordThatIsTheAccountNameDoesNotHideTheAccount() {
        MailRoot root = MailRootFixture.in(tmp)
                .serverTab("\"RootDomain\"\t\"sato.example.jp\"\n")
                .file(
                        "mailusers.tab",
                        "\"sato.example.jp\"\t\"sato\"\t\"" + XMailPassword.encode("sato") + "\"\t1\t\"sato\"\t\"U\"\n")
                .open();
        assertEquals("account sato@sato.example.jp", Secrets.of(root).scrub("account sato@sato.example.jp"));
    }

    @Test
    void shortSecretsAreMaskedOnlyAsWholeWords() {
        Secrets s = Secrets.of(List.of("xmail", "ab"));
        assertEquals("user xmailuser, password " + M + ".", s.scrub("user xmailuser, password xmail."));
        assertEquals("ab stays: too short to tell from text", s.scrub("ab stays: too short to tell from text"));
    }

    @Test
    void longSecretsAreMaskedEverywhereTheLongestFirst() {
        Secrets s = Secrets.of(List.of("LongSecret123", "LongSecret123456"));
        assertEquals("x" + M + "y " + M, s.scrub("xLongSecret123456y LongSecret123"));
    }

    @Test
    void privateKeyBlocksAreRemoved() {
        String pem = "before\n-----BEGIN RSA PRIVATE KEY-----\nAAAA\nBBBB\n-----END RSA PRIVATE KEY-----\nafter";
        assertEquals("before\n" + M + "\nafter", Secrets.NONE.scrub(pem));
    }

    @Test
    void scrubbingManySecretsOutOfALongTextKeepsEveryOtherCharacter() {
        List<String> many = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            String secret = "Secret-" + i + "-x";
            many.add(secret);
            text.append("user").append(i).append(' ').append(secret).append('\n');
            expected.append("user").append(i).append(' ').append(M).append('\n');
        }
        assertEquals(expected.toString(), Secrets.of(many).scrub(text.toString()));
    }

    @Test
    void masksAreNotSecrets() {
        assertEquals(M, Secrets.of(List.of(M, "")).scrub(M));
        assertEquals(null, Secrets.NONE.scrub(null));
    }

    @Test
    void aLatin1ByteOfAShiftJisServerTabIsMaskedBeforeDecoding() {
        byte[] sjis = "\"SmtpPassword\"\t\"\u79D8\u5BC6pw\"\n".getBytes(Charset.forName("Shift_JIS"));
        ServerTab tab = ServerTab.parse(sjis);
        assertEquals("\"SmtpPassword\"\t\"" + M + "\"", Secrets.line(tab, 1));
        assertTrue(new String(sjis, StandardCharsets.ISO_8859_1).contains("pw"));
    }
}
