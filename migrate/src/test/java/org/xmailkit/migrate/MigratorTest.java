package org.xmailkit.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.TextEncoding;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.testing.MailRootFixture;

class MigratorTest {

    @TempDir
    Path tmp;

    private static MigrationOptions from(String v) {
        return MigrationOptions.standard().withFrom(Optional.of(XMailVersion.parse(v)));
    }

    @Test
    void resultCarriesBytesDiffAndChangesWithOriginalLines() throws Exception {
        MailRoot root = MailRootFixture.in(tmp)
                .serverTab("""
                "DynDnsSetup"\t"dyn.example,80,/u?ip=%s,bob,hunter2"
                "RootDomain"\t"example.jp"
                "SMTP-RARPCheck"\t"1"
                "DefaultSMTPGateways"\t"gw1.example,gw2.example"
                """)
                .file("smtpfwd.tab", "\"a.example\"\t\"mx1.a.example,mx2.a.example\"\n")
                .open();

        MigrationResult r = new Migrator().migrate(root, from("0.54"));

        assertEquals("""
                "RootDomain"\t"example.jp"
                "SMTP-RDNSCheck"\t"1"
                "DefaultSMTPGateways"\t"gw1.example;gw2.example"
                "DefaultSmtpPerms"\t"MR"
                "EnableSMTP-TLS"\t"0"
                "EnablePOP3-TLS"\t"0"
                "EnableCTRL-TLS"\t"0"
                "DisableEmitAuthUser"\t"1"
                # xmailkit: migrated to 1.27 from 0.54
                """, new String(r.files().get(0).after(), StandardCharsets.UTF_8));
        assertEquals(
                "\"a.example\"\t\"mx1.a.example;mx2.a.example\"\n",
                new String(r.files().get(1).after(), StandardCharsets.UTF_8));
        assertEquals(
                List.of(1, 3, 4, 0),
                r.changes().stream()
                        .filter(c -> c.file() == MailRootFile.SERVER_TAB)
                        .map(Change::line)
                        .distinct()
                        .toList(),
                "lines refer to the original file");
        // The audit before and after this migration: AuditedMigratorTest (report).

        String diff = String.join("\n", r.diff());
        assertFalse(diff.contains("hunter2"), "a secret never reaches the diff");
        assertTrue(diff.contains("-\"DynDnsSetup\"\t\"dyn.example," + Secrets.MASK + "\""), diff);
        assertTrue(diff.contains("+\"SMTP-RDNSCheck\"\t\"1\""));
        assertTrue(diff.contains("+\"a.example\"\t\"mx1.a.example;mx2.a.example\""), diff);
        assertTrue(r.changed());
        assertTrue(Files.readString(tmp.resolve("server.tab")).contains("hunter2"), "nothing was written");
    }

    @Test
    void fixWithoutTheAuditsRemediesIsAProgrammingError() {
        MailRoot root =
                MailRootFixture.in(tmp).serverTab("\"Pop3LogPasswd\"\t\"2\"\n").open();
        // --fix itself (remedies from the audit): AuditedMigratorTest (report).
        assertThrows(IllegalArgumentException.class, () -> new Migrator()
                .migrate(root, from("1.27").withFix(FixSelection.parse("safe"))));
    }

    @Test
    void aMigratedServerMigratesToNothing() throws Exception {
        MailRoot root = MailRootFixture.in(tmp).serverTab("""
                "RootDomain"\t"example.jp"
                "HeloUseRootDomain"\t"1"
                """).open();
        MigrationResult first = new Migrator().migrate(root, from("0.68"));
        Files.write(tmp.resolve("server.tab"), first.files().get(0).after());

        MigrationResult second = new Migrator().migrate(MailRoot.open(tmp), from("0.68"));

        assertFalse(second.changed());
        assertEquals(List.of(), second.changes());
        assertEquals(List.of(), second.diff());
    }

    /**
     * The first run trusts SMTP-TLS (1.24) over the comma list's hint of an older version and leaves the list; it
     * removes SMTP-TLS. Without the record the second run would see only the hint, take the server for pre-1.24,
     * convert the list and switch TLS off; with it the range still holds 1.24, and nothing changes.
     */
    @Test
    void theRecordKeepsAHintTheFirstRunOverruledFromDecidingTheSecond() throws Exception {
        MailRootFixture.in(tmp).serverTab("""
                "SMTP-TLS"\t"0"
                "DefaultSMTPGateways"\t"a.example,b.example"
                """).open();
        Migrator m = new Migrator();
        MigrationResult first = m.migrate(MailRoot.open(tmp), MigrationOptions.standard());
        assertEquals("1.24", first.source().display());
        Files.write(tmp.resolve("server.tab"), first.files().get(0).after());
        String migrated = Files.readString(tmp.resolve("server.tab"));
        assertEquals("""
                "DefaultSMTPGateways"\t"a.example,b.example"
                "DefaultSmtpPerms"\t"MR"
                # xmailkit: migrated to 1.27 from 1.24
                """, migrated);

        MigrationResult second = m.migrate(MailRoot.open(tmp), MigrationOptions.standard());
        assertEquals("0.61..1.24", second.source().display());
        assertEquals(List.of(), second.changes());

        Files.writeString(tmp.resolve("server.tab"), migrated.replace("# xmailkit: migrated to 1.27 from 1.24\n", ""));
        MigrationResult withoutRecord = m.migrate(MailRoot.open(tmp), MigrationOptions.standard());
        assertEquals("0.61..1.23", withoutRecord.source().display());
        assertTrue(withoutRecord.changes().stream().anyMatch(c -> "a.example;b.example".equals(c.newValue())));
        assertTrue(withoutRecord.changes().stream().anyMatch(c -> c.newName().equals("EnableSMTP-TLS")));
    }

    @Test
    void diffMarksAMissingFinalNewlineAndShowsShiftJisText() throws Exception {
        byte[] sjis = "\"SmtpMsgIPBan\"\t\"550 拒否\"\r\n\"SmtpMsgIPBandMaps\"\t\"550 不正中継\""
                .getBytes(TextEncoding.WINDOWS_31J);
        MailRoot root = MailRootFixture.in(tmp).bytes("server.tab", sjis).open();

        MigrationResult r = new Migrator().migrate(root, from("1.27"));

        String diff = String.join("\n", r.diff());
        assertTrue(diff.contains("-\"SmtpMsgIPBandMaps\"\t\"550 不正中継\"\n\\ No newline at end of file"), diff);
        assertTrue(
                diff.contains("+\"SmtpMsgIPBanMaps\"\t\"550 不正中継\"\n+# xmailkit: migrated to 1.27 from 1.27\n"
                        + "\\ No newline at end of file"),
                diff);
        byte[] after = r.files().get(0).after();
        assertTrue(new String(after, TextEncoding.WINDOWS_31J).startsWith("\"SmtpMsgIPBan\"\t\"550 拒否\"\r\n"));
    }

    @Test
    void anUnreadableFileTheMigrationEditsFailsTheServer() throws Exception {
        MailRoot root = MailRootFixture.in(tmp)
                .serverTab("\"RootDomain\"\t\"x.jp\"\n")
                .bytes("smtpfwd.tab", new byte[] {0, 0, 0, 0, 1, 2, 3, 4, 5, 6})
                .open();
        Assertions.assertThrows(InputException.class, () -> new Migrator().migrate(root, from("1.22")));
    }
}
