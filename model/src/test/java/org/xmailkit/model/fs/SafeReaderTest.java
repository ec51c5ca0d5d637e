package org.xmailkit.model.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.InputException;
import org.xmailkit.model.testing.Needs;

class SafeReaderTest {

    /** What a file outside every MailRoot holds; no message may ever show it. */
    private static final String VICTIM = "root:$6$secret-hash:19000:0:99999:7:::\n";

    @TempDir
    Path tmp;

    private Path mailRoot() throws IOException {
        return Files.createDirectories(tmp.resolve("MailRoot"));
    }

    private Path victim() throws IOException {
        return Files.writeString(tmp.resolve("shadow"), VICTIM);
    }

    /** A FIFO made with mkfifo. */
    static Path fifo(Path p) {
        return Needs.fifo(p);
    }

    private static InputException refused(SafeReader r, Path p, ReadPolicy policy) {
        return assertThrows(InputException.class, () -> r.read(p, policy));
    }

    @Test
    void readsTextFilesAsTheyAre() throws Exception {
        byte[] bytes = "\"A\"\t\"1\u0000x\"\r\n".getBytes(StandardCharsets.ISO_8859_1);
        Path p = Files.write(mailRoot().resolve("server.tab"), bytes);
        assertArrayEquals(
                bytes,
                SafeReader.mailRoot(mailRoot()).read(p, ReadPolicy.TEXT),
                "a stray NUL is XMail's business, not binary");
    }

    @Test
    void aMissingPathIsReportedOnOneLine() throws IOException {
        Path gone = mailRoot().resolve("gone.tab");
        InputException e = refused(SafeReader.mailRoot(mailRoot()), gone, ReadPolicy.TEXT);
        assertEquals(InputException.Reason.MISSING, e.reason());
        assertEquals(gone + ": no such file or directory", e.getMessage());
        assertEquals(gone + ": ファイルまたはディレクトリが存在しません", e.oneLine(Locale.JAPANESE));
    }

    @Test
    void aDirectoryIsNotAFile() throws IOException {
        Path dir = Files.createDirectories(mailRoot().resolve("domains"));
        assertEquals(
                InputException.Reason.NOT_A_FILE,
                refused(SafeReader.mailRoot(mailRoot()), dir, ReadPolicy.TEXT).reason());
    }

    @Test
    void binaryFilesAreRefusedWhereTextIsWanted() throws IOException {
        SafeReader r = SafeReader.mailRoot(mailRoot());
        Path png = Files.write(
                mailRoot().resolve("a.tab"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        assertEquals(
                InputException.Reason.BINARY, refused(r, png, ReadPolicy.TEXT).reason());
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        Path random = Files.write(mailRoot().resolve("b.tab"), noise);
        assertEquals(
                InputException.Reason.BINARY,
                refused(r, random, ReadPolicy.TEXT).reason());
        assertArrayEquals(noise, assertDoesNotThrow(() -> r.read(random, ReadPolicy.PEM)), "DER is PEM's to judge");
        assertFalse(ReadPolicy.looksBinary("\"A\"\t\"\u001A\"\r\n\f".getBytes(StandardCharsets.ISO_8859_1)));
        assertFalse(ReadPolicy.looksBinary(new byte[0]));
        assertTrue(ReadPolicy.looksBinary("MZ\u0090".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void aFiftyMegabyteFileIsRefusedByItsSizeInBothLanguages() throws IOException {
        Path p = mailRoot().resolve("huge.tab");
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024);
        }
        InputException e = refused(SafeReader.mailRoot(mailRoot()), p, ReadPolicy.TEXT);
        assertEquals(InputException.Reason.TOO_LARGE, e.reason());
        assertEquals(p + ": not read: the file is 50 MB, over the 16 MB limit for this kind of file", e.getMessage());
        assertEquals(p + ": 読み込みません: ファイルサイズ 50 MB がこの種類のファイルの上限 16 MB を超えています", e.oneLine(Locale.JAPANESE));
    }

    @Test
    void tooManyLinesAreRefusedWithTheCountAndTheLimit() throws IOException {
        Path p = Files.writeString(mailRoot().resolve("spammers.tab"), "1.2.3.4\n".repeat(4) + "5.6.7.8");
        ReadPolicy three = new ReadPolicy(1024, 3, true);
        InputException e = refused(SafeReader.mailRoot(mailRoot()), p, three);
        assertEquals(InputException.Reason.TOO_MANY_LINES, e.reason());
        assertEquals(p + ": not read: 5 lines, over the limit of 3 lines for this kind of file", e.getMessage());
        assertEquals(p + ": 読み込みません: 5 行あり、この種類のファイルの上限 3 行を超えています", e.oneLine(Locale.JAPANESE));
        assertEquals(5, ReadPolicy.lines(Files.readAllBytes(p)));
        assertEquals(4, ReadPolicy.lines("a\nb\nc\nd\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(0, ReadPolicy.lines(new byte[0]));
    }

    @Test
    void aLinkLeavingTheMailRootIsRefusedAndNothingOfItsTargetIsShown() throws IOException {
        Path link = Files.createSymbolicLink(mailRoot().resolve("server.tab"), victim());
        InputException e = refused(SafeReader.mailRoot(mailRoot()), link, ReadPolicy.TEXT);
        assertEquals(InputException.Reason.LINK_OUTSIDE, e.reason());
        assertEquals(link + ": not read: link leaves the MailRoot", e.getMessage());
        assertEquals(link + ": 読み込みません: シンボリックリンクが MailRoot の外を指しています", e.oneLine(Locale.JAPANESE));
        assertFalse(e.getMessage().contains("secret-hash"));
        assertEquals(SafeReader.Kind.OUTSIDE, SafeReader.mailRoot(mailRoot()).kind(link));
    }

    @Test
    void aLinkThroughADirectoryLeavingTheMailRootIsRefusedToo() throws IOException {
        victim();
        Path domains = Files.createSymbolicLink(mailRoot().resolve("domains"), tmp);
        Path through = domains.resolve("shadow");
        assertEquals(
                InputException.Reason.LINK_OUTSIDE,
                refused(SafeReader.mailRoot(mailRoot()), through, ReadPolicy.TEXT)
                        .reason());
        assertEquals(
                InputException.Reason.LINK_OUTSIDE,
                assertThrows(InputException.class, () -> SafeReader.mailRoot(mailRoot())
                                .list(domains, "*", 10))
                        .reason());
    }

    @Test
    void aLinkStayingInsideIsFollowed() throws Exception {
        Path real = Files.writeString(
                Files.createDirectories(mailRoot().resolve("conf")).resolve("server.tab"), "\"A\"\t\"1\"\n");
        Path link = Files.createSymbolicLink(mailRoot().resolve("server.tab"), Path.of("conf/server.tab"));
        assertEquals(
                "\"A\"\t\"1\"\n",
                new String(SafeReader.mailRoot(mailRoot()).read(link, ReadPolicy.TEXT), StandardCharsets.US_ASCII));
        assertEquals(SafeReader.Kind.FILE, SafeReader.mailRoot(mailRoot()).kind(link));
        assertEquals(SafeReader.Kind.FILE, SafeReader.mailRoot(mailRoot()).kind(real));
    }

    @Test
    void aNamedFileIsBoundedByItsDirectoryAndTheMessageNamesIt() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("etc"));
        Path link = Files.createSymbolicLink(dir.resolve("waivers.txt"), victim());
        InputException e = refused(SafeReader.forFile(link), link, ReadPolicy.TEXT);
        assertEquals(link + ": not read: link leaves " + dir, e.getMessage());
        assertEquals(link + ": 読み込みません: シンボリックリンクが " + dir + " の外を指しています", e.oneLine(Locale.JAPANESE));
    }

    @Test
    void aDanglingLinkIsMissing() throws IOException {
        Path link = Files.createSymbolicLink(mailRoot().resolve("server.key"), tmp.resolve("nowhere"));
        assertEquals(
                InputException.Reason.MISSING,
                refused(SafeReader.mailRoot(mailRoot()), link, ReadPolicy.PEM).reason());
        assertEquals(SafeReader.Kind.MISSING, SafeReader.mailRoot(mailRoot()).kind(link));
    }

    @Test
    void aLoopOfLinksIsUnreadableNotAHang() throws IOException {
        Path a = mailRoot().resolve("a.tab");
        Path b = mailRoot().resolve("b.tab");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        InputException e = refused(SafeReader.mailRoot(mailRoot()), a, ReadPolicy.TEXT);
        assertEquals(InputException.Reason.UNREADABLE, e.reason());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path key = fifo(mailRoot().resolve("server.key"));
        SafeReader r = SafeReader.mailRoot(mailRoot());
        // Opening a FIFO for reading blocks until a writer comes: a refusal that returns proves it was never opened.
        InputException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refused(r, key, ReadPolicy.PEM));
        assertEquals(InputException.Reason.SPECIAL_FILE, e.reason());
        assertEquals(key + ": not read: a FIFO, device or socket, not a regular file", e.getMessage());
        assertEquals(key + ": 読み込みません: 通常のファイルではなく FIFO、デバイス、ソケットのいずれかです", e.oneLine(Locale.JAPANESE));
        assertEquals(SafeReader.Kind.SPECIAL, r.kind(key));
        Path link = Files.createSymbolicLink(mailRoot().resolve("server.cert"), key.getFileName());
        assertEquals(
                InputException.Reason.SPECIAL_FILE,
                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refused(r, link, ReadPolicy.PEM))
                        .reason(),
                "nor through a link");
    }

    @Test
    void aDeviceIsRefusedToo() {
        Path zero = Path.of("/dev/zero");
        assertTrue(Files.exists(zero), "this test needs /dev/zero");
        assertEquals(
                InputException.Reason.SPECIAL_FILE,
                refused(SafeReader.directory(zero.getParent()), zero, ReadPolicy.TEXT)
                        .reason());
    }

    /**
     * A file without read permission, on disk. A build run as root (which reads it anyway, through its DAC
     * capabilities) reads it in a child JVM without those capabilities, so the test sees what another account sees.
     */
    @Test
    void anUnreadableFileOnDiskIsAnInputError() throws IOException {
        Path p = Files.writeString(mailRoot().resolve("locked.tab"), "\"A\"\t\"1\"\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        String expected = "UNREADABLE " + p + ": cannot be read (permission denied)";
        if (Files.isReadable(p)) {
            assertEquals(
                    expected,
                    Needs.runWithoutDacOverride(ReadInChild.class, mailRoot().toString(), p.toString()));
        } else {
            assertEquals(expected, ReadInChild.read(mailRoot(), p));
        }
    }

    /** Reads a file of a MailRoot as text and prints the error's reason and message, or "read". */
    static final class ReadInChild {
        private ReadInChild() {}

        static String read(Path root, Path file) {
            try {
                SafeReader.mailRoot(root).read(file, ReadPolicy.TEXT);
                return "read";
            } catch (InputException e) {
                return e.reason() + " " + e.getMessage();
            }
        }

        public static void main(String[] args) {
            System.out.println(read(Path.of(args[0]), Path.of(args[1])));
        }
    }

    @Test
    void aHashIsTheSha256OfTheBytesReadInPiecesUnderTheSamePolicy() throws Exception {
        Path root = mailRoot();
        byte[] bytes = new byte[200_000]; // more than one piece
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path f = Files.write(root.resolve("report.sarif"), bytes);
        SafeReader r = SafeReader.mailRoot(root);

        assertEquals(Hashes.sha256(bytes), r.sha256(f, new ReadPolicy(bytes.length, 0, false)));
        assertEquals(
                InputException.Reason.TOO_LARGE,
                assertThrows(InputException.class, () -> r.sha256(f, new ReadPolicy(bytes.length - 1, 0, false)))
                        .reason());
        Path out = Files.createSymbolicLink(root.resolve("out"), victim());
        assertEquals(
                InputException.Reason.LINK_OUTSIDE,
                assertThrows(InputException.class, () -> r.sha256(out, ReadPolicy.PEM))
                        .reason());
        Path fifo = fifo(root.resolve("fifo"));
        assertEquals(
                InputException.Reason.SPECIAL_FILE,
                assertTimeoutPreemptively(
                                Duration.ofSeconds(30),
                                () -> assertThrows(InputException.class, () -> r.sha256(fifo, ReadPolicy.PEM)))
                        .reason());
    }

    @Test
    void listingIsInNameOrderBoundedAndOpensNothing() throws Exception {
        Path certs = Files.createDirectories(mailRoot().resolve("certs"));
        Files.writeString(certs.resolve("b.0"), "x");
        Files.writeString(certs.resolve("a.0"), "x");
        fifo(certs.resolve("c.0"));
        SafeReader r = SafeReader.mailRoot(mailRoot());
        List<Path> all = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> r.list(certs, "*", 100));
        assertEquals(List.of(certs.resolve("a.0"), certs.resolve("b.0"), certs.resolve("c.0")), all);
        assertEquals(2, r.list(certs, "*", 2).size());
        assertEquals(List.of(certs.resolve("a.0")), r.list(certs, "a*", 100));
        assertEquals(
                InputException.Reason.NOT_A_DIRECTORY,
                assertThrows(InputException.class, () -> r.list(certs.resolve("a.0"), "*", 10))
                        .reason());
    }

    private static byte[] assertDoesNotThrow(ThrowingRead read) {
        try {
            return read.get();
        } catch (InputException e) {
            throw new AssertionError("refused: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface ThrowingRead {
        byte[] get() throws InputException;
    }
}
