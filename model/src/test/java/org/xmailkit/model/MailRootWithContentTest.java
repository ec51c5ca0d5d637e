package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.testing.MailRootFixture;

class MailRootWithContentTest {

    @TempDir
    Path tmp;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void replacedServerTabIsSeenWithoutTouchingTheDisk() throws Exception {
        MailRoot root = MailRootFixture.in(tmp)
                .serverTab("\"RootDomain\"\t\"old.test\"\n")
                .open();
        MailRoot copy = root.withContent(Map.of(MailRootFile.SERVER_TAB, bytes("\"RootDomain\"\t\"new.test\"\n")));

        assertEquals("new.test", copy.serverTab().effective("RootDomain").value());
        assertEquals("old.test", root.serverTab().effective("RootDomain").value());
        assertEquals("\"RootDomain\"\t\"old.test\"\n", Files.readString(tmp.resolve("server.tab")));
        assertEquals(root.directory(), copy.directory());
        assertEquals(root.serverTabPath(), copy.serverTabPath());
    }

    @Test
    void replacedOtherFileIsParsedFromTheGivenBytesAndOthersStillComeFromDisk() {
        MailRoot root = MailRootFixture.in(tmp)
                .serverTab("\"RootDomain\"\t\"x.test\"\n")
                .file("smtpfwd.tab", "\"a.test\"\t\"gw1,gw2\"\n")
                .file("smtprelay.tab", "\"10.0.0.0\"\t\"255.0.0.0\"\n")
                .open();
        MailRoot copy = root.withContent(Map.of(MailRootFile.SMTP_FWD, bytes("\"a.test\"\t\"gw1;gw2\"\n")));

        assertEquals(
                "gw1;gw2",
                copy.file(MailRootFile.SMTP_FWD).orElseThrow().rows().get(0).column(1));
        assertEquals(
                "gw1,gw2",
                root.file(MailRootFile.SMTP_FWD).orElseThrow().rows().get(0).column(1));
        assertEquals(
                "10.0.0.0",
                copy.file(MailRootFile.SMTP_RELAY).orElseThrow().rows().get(0).column(0));
        assertEquals("x.test", copy.serverTab().effective("RootDomain").value());
    }

    @Test
    void copiesOfCopiesNameTheMailRootOpenedFromDiskAsTheirOrigin() {
        MailRoot root = MailRootFixture.in(tmp).serverTab("\"A\"\t\"1\"\n").open();
        MailRoot first = root.withContent(Map.of(MailRootFile.SERVER_TAB, bytes("\"A\"\t\"2\"\n")));
        MailRoot second = first.withContent(Map.of(MailRootFile.SMTP_FWD, bytes("\"d\"\t\"h\"\n")));

        assertSame(root, root.origin());
        assertSame(root, first.origin());
        assertSame(root, second.origin());
    }

    @Test
    void aReplacedFileExistsEvenWhereTheDiskHasNone() {
        MailRoot root = MailRootFixture.in(tmp)
                .serverTab("\"RootDomain\"\t\"x.test\"\n")
                .open();
        assertFalse(root.exists(MailRootFile.SMTP_FWD));

        MailRoot copy = root.withContent(Map.of(MailRootFile.SMTP_FWD, bytes("\"a.test\"\t\"gw\"\n")));

        assertTrue(copy.exists(MailRootFile.SMTP_FWD));
        assertFalse(Files.exists(tmp.resolve("smtpfwd.tab")));
    }

    @Test
    void copiesAccumulateAndDoNotShareTheCallersArray() {
        MailRoot root = MailRootFixture.in(tmp)
                .serverTab("\"A\"\t\"1\"\n")
                .file("smtpfwd.tab", "\"d\"\t\"g\"\n")
                .open();
        byte[] tab = bytes("\"A\"\t\"2\"\n");
        MailRoot first = root.withContent(Map.of(MailRootFile.SERVER_TAB, tab));
        tab[5] = '9';
        MailRoot second = first.withContent(Map.of(MailRootFile.SMTP_FWD, bytes("\"d\"\t\"h\"\n")));

        assertEquals("2", second.serverTab().effective("A").value());
        assertEquals(
                "h",
                second.file(MailRootFile.SMTP_FWD).orElseThrow().rows().get(0).column(1));
        assertArrayEquals(bytes("\"A\"\t\"2\"\n"), second.serverTab().toBytes());
    }
}
