package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailPassword;
import org.xmailkit.model.testing.MailRootFixture;

class SecretsTest {

    @TempDir
    Path tmp;

    @Test
    void collectsEveryStoredAndDecodedPasswordAndDynDnsCredentials() {
        MailRoot root = MailRootFixture.in(tmp).serverTab("""
                "RootDomain"\t"example.jp"
                "DynDnsSetup"\t"members.dyn.example,80,/nic/update?hostname=mx,dynuser,DynPassw0rd!"
                """)
                .file("mailusers.tab", "\"example.jp\"\t\"alice\"\t\"" + XMailPassword.encode("Alice-Pass-9") + "\"\t1\t\"alice\"\t\"U\"\n")
                .file("ctrlaccounts.tab", "\"admin\"\t\"" + XMailPassword.encode("Ctrl#Secret7") + "\"\n")
                .file("pop3links.tab", "\"example.jp\"\t\"alice\"\t\"pop.isp.example\"\t\"remote\"\t\""
                        + XMailPassword.encode("Remote%Pw42") + "\"\t\"STLS\"\n")
                .file("smtpauth.tab", "\"relayuser\"\t\"Plain-Relay-5\"\t\"MR\"\n")
                .file("server.key", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n")
                .open();
        Secrets s = Secrets.of(root);
        String text = "a Alice-Pass-9 b Ctrl#Secret7 c Remote%Pw42 d Plain-Relay-5 e DynPassw0rd! f dynuser "
                + "g MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7 h " + XMailPassword.encode("Ctrl#Secret7");
        String scrubbed = s.scrub(text);
        for (String secret : List.of("Alice-Pass-9", "Ctrl#Secret7", "Remote%Pw42", "Plain-Relay-5", "DynPassw0rd!",
                "MIIEvQIBADANBgkq", XMailPassword.encode("Ctrl#Secret7"))) {
            assertFalse(scrubbed.contains(secret), secret + " in " + scrubbed);
        }
        assertTrue(scrubbed.startsWith("a " + Secrets.MASK + " b "), scrubbed);
        assertTrue(scrubbed.contains(" f dynuser "), "a user name is no secret: " + scrubbed);
    }

    @Test
    void aPasswordThatIsTheAccountNameDoesNotHideTheAccount() {
        MailRoot root = MailRootFixture.in(tmp).serverTab("\"RootDomain\"\t\"sato.example.jp\"\n")
                .file("mailusers.tab", "\"sato.example.jp\"\t\"sato\"\t\"" + XMailPassword.encode("sato")
                        + "\"\t1\t\"sato\"\t\"U\"\n")
                .open();
        assertEquals("account sato@sato.example.jp", Secrets.of(root).scrub("account sato@sato.example.jp"));
    }

    @Test
    void shortSecretsAreMaskedOnlyAsWholeWords() {
        Secrets s = Secrets.of(List.of("xmail", "ab"));
        assertEquals("user xmailuser, password " + Secrets.MASK + ".",
                s.scrub("user xmailuser, password xmail."));
        assertEquals("ab stays: too short to tell from text", s.scrub("ab stays: too short to tell from text"));
    }

    @Test
    void longSecretsAreMaskedEverywhere() {
        Secrets s = Secrets.of(List.of("LongSecret123"));
        assertEquals("x" + Secrets.MASK + "y", s.scrub("xLongSecret123y"));
    }

    @Test
    void privateKeyBlocksAreRemoved() {
        String pem = "before\n-----BEGIN RSA PRIVATE KEY-----\nAAAA\nBBBB\n-----END RSA PRIVATE KEY-----\nafter";
        assertEquals("before\n" + Secrets.MASK + "\nafter", Secrets.NONE.scrub(pem));
    }

    @Test
    void onlyCredentialVariablesAreSecretNames() {
        assertTrue(Secrets.secretName("DynDnsSetup"));
        assertTrue(Secrets.secretName("AdminPassword"));
        assertFalse(Secrets.secretName("Pop3LogPasswd"));
        assertFalse(Secrets.secretName("RootDomain"));
    }
}
