package org.xmailkit.model.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.testing.Needs;

/** An output directory is written to only when new, empty or xmailkit's own, and then only xmailkit's files change. */
class WriteManifestTest {

    @TempDir
    Path tmp;

    /** The names a report may write. */
    private static boolean names(String n) {
        return n.equals("index.html") || n.matches("pages/[a-z]+\\.html");
    }

    private static SafeWriter.Content text(String s) {
        return SafeWriter.Content.of(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Path link(Path link, Path target) {
        return Needs.symbolicLink(link, target);
    }

    /** Writes an output with index.html, pages/a.html and pages/b.html; returns its directory. */
    private Path earlier() throws IOException {
        Path out = tmp.resolve("out");
        WriteManifest m = WriteManifest.open(WritePolicy.STANDARD, out, WriteManifestTest::names);
        m.write("index.html", text("index"));
        m.write("pages/a.html", text("a"));
        m.write("pages/b.html", text("b"));
        m.finish();
        return out;
    }

    private static WriteRefusedException.Reason refusal(Path out) {
        return assertThrows(
                        WriteRefusedException.class,
                        () -> WriteManifest.open(WritePolicy.STANDARD, out, WriteManifestTest::names))
                .reason();
    }

    @Test
    void anEarlierOutputIsReplacedFileByFileAndWhatElseIsThereStays() throws Exception {
        Path out = earlier();
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("pages/mine.html"), "mine");

        WriteManifest m = WriteManifest.open(WritePolicy.STANDARD, out, WriteManifestTest::names);
        m.write("index.html", text("index 2"));
        m.write("pages/a.html", text("a 2"));
        m.finish();

        assertEquals("index 2", Files.readString(out.resolve("index.html")));
        assertEquals("a 2", Files.readString(out.resolve("pages/a.html")));
        assertFalse(Files.exists(out.resolve("pages/b.html")), "the earlier run's page this run has not is gone");
        assertEquals("mine", Files.readString(out.resolve("notes.txt"), StandardCharsets.UTF_8));
        assertEquals("mine", Files.readString(out.resolve("pages/mine.html"), StandardCharsets.UTF_8));
        assertEquals(
                List.of(
                        Hashes.sha256("index 2".getBytes(StandardCharsets.UTF_8)) + "  index.html",
                        Hashes.sha256("a 2".getBytes(StandardCharsets.UTF_8)) + "  pages/a.html"),
                Files.readAllLines(out.resolve(WriteManifest.FILE)));
    }

    @Test
    void aDirectoryWithFilesButNoManifestIsRefused() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("index.html"), "<meta name=\"generator\" content=\"xmailkit 1\">");

        assertEquals(WriteRefusedException.Reason.NOT_EMPTY, refusal(out));
        assertEquals("<meta name=\"generator\" content=\"xmailkit 1\">", Files.readString(out.resolve("index.html")));
    }

    @Test
    void aManifestNamingAFileXmailkitWouldNotWriteIsRefused() throws Exception {
        for (String name : List.of(
                "../victim",
                "/etc/passwd",
                "pages/../../victim",
                "notes.txt",
                "pages//a.html",
                "pages\\a.html",
                WriteManifest.FILE)) {
            Path out = earlier();
            Files.writeString(out.resolve(WriteManifest.FILE), Hashes.sha256(new byte[0]) + "  " + name + "\n");
            assertEquals(WriteRefusedException.Reason.MANIFEST, refusal(out), name);
            deleteTree(out);
        }
        Path out = earlier();
        Files.writeString(out.resolve(WriteManifest.FILE), "not a hash  index.html\n");
        assertEquals(WriteRefusedException.Reason.MANIFEST, refusal(out));
    }

    @Test
    void aListedFileThatChangedOrBecameALinkIsRefused() throws Exception {
        Path victim = Files.writeString(tmp.resolve("victim"), "mine");
        Path out = earlier();
        Files.writeString(out.resolve("pages/a.html"), "edited");
        assertEquals(WriteRefusedException.Reason.EDITED, refusal(out));

        deleteTree(out);
        out = earlier();
        Files.delete(out.resolve("index.html"));
        link(out.resolve("index.html"), victim);
        assertEquals(WriteRefusedException.Reason.LINK, refusal(out));

        deleteTree(out);
        out = earlier();
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("a.html"), "theirs");
        deleteTree(out.resolve("pages"));
        link(out.resolve("pages"), elsewhere);
        assertEquals(WriteRefusedException.Reason.LINK, refusal(out));
        assertEquals("theirs", Files.readString(elsewhere.resolve("a.html")));
        assertEquals("mine", Files.readString(victim));
    }

    @Test
    void aFileThisRunWritesMayNotReplaceOneXmailkitDidNotWrite() throws Exception {
        Path out = earlier();
        Files.writeString(out.resolve("pages/c.html"), "mine");
        WriteManifest m = WriteManifest.open(WritePolicy.STANDARD, out, WriteManifestTest::names);

        assertEquals(
                WriteRefusedException.Reason.NOT_OURS,
                assertThrows(WriteRefusedException.class, () -> m.check("pages/c.html"))
                        .reason());
        assertThrows(WriteRefusedException.class, () -> m.write("pages/c.html", text("x")));
        assertEquals("mine", Files.readString(out.resolve("pages/c.html")));
        m.check("pages/a.html");
        m.check("pages/new.html");
    }

    @Test
    void aRunThatStopsHalfWayLeavesAManifestCoveringEveryFileItWrote() throws Exception {
        Path out = earlier();
        WriteManifest m = WriteManifest.open(WritePolicy.STANDARD, out, WriteManifestTest::names);
        m.write("pages/a.html", text("a 2"));
        m.write("pages/new.html", text("new"));
        // no finish(): the run was killed

        WriteManifest next = WriteManifest.open(WritePolicy.STANDARD, out, WriteManifestTest::names);
        next.check("pages/new.html");
        next.write("pages/a.html", text("a 3"));
        next.finish();
        assertTrue(Files.readString(out.resolve(WriteManifest.FILE)).contains("  pages/a.html\n"));
        assertFalse(Files.exists(out.resolve("pages/new.html")), "listed by the killed run, so xmailkit's to remove");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
