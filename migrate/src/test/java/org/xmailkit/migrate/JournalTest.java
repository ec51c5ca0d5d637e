package org.xmailkit.migrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.fs.WritePolicy;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.model.testing.Needs;

/**
 * The journal is data from a directory other accounts can write: every path and hash in it is checked before
 * anything is done, and a journal that fails is refused as a whole with a line saying how to recover.
 */
class JournalTest {

    @TempDir
    Path tmp;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String RUN = "20250301T100000Z";
    private static final String OLD = """
            "RootDomain"\t"example.jp"
            "DefaultSMTPGateways"\t"a.example,b.example"
            """;

    private int servers;
    private Path root;
    private Path victim;
    private Path journal;

    /** A newly migrated server, and a file outside it that a crafted journal aims at. */
    private void migrated() throws Exception {
        root = MailRootFixture.in(tmp.resolve("fleet/mr" + ++servers))
                .serverTab(OLD)
                .write();
        victim = Files.writeString(tmp.resolve("victim"), "the victim's own content\n");
        MigrationResult r = new Migrator()
                .migrate(
                        MailRoot.open(root),
                        MigrationOptions.standard().withFrom(Optional.of(XMailVersion.parse("1.22"))));
        new InPlaceWriter(WritePolicy.STANDARD, Optional.empty(), CLOCK).write(r);
        journal = root.resolve("server.tab.xmailkit-journal");
    }

    private void tamper(UnaryOperator<String> edit) throws IOException {
        Files.writeString(journal, edit.apply(Files.readString(journal)));
    }

    /** Rollback with the journal as it is now: refused, nothing restored, the victim and server as they were. */
    private WriteException refused() throws IOException {
        byte[] server = Files.readAllBytes(root.resolve("server.tab"));
        byte[] target = Files.readAllBytes(victim);
        WriteException e = assertThrows(
                WriteException.class, () -> new InPlaceWriter(WritePolicy.STANDARD, Optional.empty(), CLOCK)
                        .rollback(root.resolve("server.tab")));
        assertArrayEquals(server, Files.readAllBytes(root.resolve("server.tab")));
        assertArrayEquals(target, Files.readAllBytes(victim));
        for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            String line = e.message(l);
            assertEquals(1, line.lines().count(), line);
            assertTrue(line.startsWith(journal + ": "), line);
        }
        assertTrue(e.message(Locale.ENGLISH).contains("rename the journal"), e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.JAPANESE).contains("ジャーナルの名前を変えて"), e.message(Locale.JAPANESE));
        return e;
    }

    @Test
    void aFileNameLeadingOutOfTheServerIsRefused() throws Exception {
        migrated();
        String abs = victim.toString();
        for (String name : List.of("../../victim", abs, "domains.tab", "./server.tab", "sub/server.tab")) {
            migrated();
            tamper(j -> j.replace("\tserver.tab\t", "\t" + name + "\t").replace("\tserver.tab\n", "\t" + name + "\n"));
            assertTrue(refused().message(Locale.ENGLISH).contains("names a file the migration never writes"), name);
        }
    }

    @Test
    void aBackupOutsideTheBackupDirectoryOrNotMadeByThatRunIsRefused() throws Exception {
        migrated();
        Files.writeString(tmp.resolve("evil.bak"), "planted\n");
        String made = "server.tab.xmailkit-" + RUN + ".bak";
        for (String backup : List.of(
                tmp.resolve("evil.bak").toString(),
                "../../evil.bak",
                "../" + made,
                "smtpfwd.tab.xmailkit-" + RUN + ".bak",
                "server.tab.xmailkit-20240101T000000Z.bak",
                "server.tab.xmailkit-journal",
                made.replace(".bak", ".tmp"))) {
            migrated();
            tamper(j -> j.replace("\t" + made + "\n", "\t" + backup + "\n"));
            assertTrue(
                    refused().message(Locale.ENGLISH).contains("names a backup outside the backup directory"), backup);
        }
    }

    @Test
    void badHashesRunIdsAndRecordsAreRefused() throws Exception {
        migrated();
        String hash = Files.readString(journal)
                .lines()
                .filter(l -> l.startsWith("file\t"))
                .findFirst()
                .orElseThrow()
                .split("\t")[3];
        List<UnaryOperator<String>> edits = List.of(
                j -> j.replace(hash, hash.toUpperCase(Locale.ROOT)),
                j -> j.replace(hash, hash.substring(1)),
                j -> j.replace(RUN, "R1"),
                j -> j.replace(RUN, "../x"),
                j -> j.replaceFirst("begin\t", "begun\t"),
                j -> j + "begin\t" + RUN + "\tT\t1.27\n",
                j -> j.replace("done\t", "done\tx\t"),
                j -> "xmailkit-migrate-journal\t2\n" + j.substring(j.indexOf('\n') + 1),
                j -> j.replace("\tserver.tab\n", "\tserver.tab\u001b[2J\n"));
        for (UnaryOperator<String> edit : edits) {
            migrated();
            tamper(edit);
            refused();
        }
    }

    @Test
    void aJournalThatIsALinkIsNeitherReadNorAppendedTo() throws Exception {
        migrated();
        Path real = tmp.resolve("real-journal");
        Files.move(journal, real);
        Needs.symbolicLink(journal, real);
        byte[] before = Files.readAllBytes(real);

        WriteException e = refused();

        assertTrue(e.message(Locale.ENGLISH).contains("symbolic link"), e.message(Locale.ENGLISH));
        assertArrayEquals(before, Files.readAllBytes(real));
    }

    @Test
    void aHeaderRepeatedByTwoRunsOfAnOlderVersionIsHarmless() throws Exception {
        migrated();
        tamper(j -> j + "xmailkit-migrate-journal\t1\n");

        List<Path> restored =
                new InPlaceWriter(WritePolicy.STANDARD, Optional.empty(), CLOCK).rollback(root.resolve("server.tab"));

        assertEquals(List.of(root.resolve("server.tab")), restored);
        assertEquals(OLD, Files.readString(root.resolve("server.tab"), StandardCharsets.UTF_8));
    }
}
