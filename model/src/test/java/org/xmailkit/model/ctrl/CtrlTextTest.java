package org.xmailkit.model.ctrl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The CTRL text model against what XMail 1.27 on Linux was seen to send and store (cfgfileget of a CRLF file with
 * lines of 2044, 2045, 2046 and 5000 bytes; an LF file with a NUL byte and a lone CR; cfgfileset of lines of 2044 and
 * 2045 bytes), and the rebuilding of files from those lines and their size.
 */
class CtrlTextTest {

    private static byte[] repeat(char c, int n) {
        return String.valueOf(c).repeat(n).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<Integer> lengths(List<byte[]> lines) {
        return lines.stream().map(l -> l.length).toList();
    }

    @Test
    void servedLinesOfACrlfFileMatchWhatXMailSentOnLinux() {
        byte[] f = cat(
                ascii("a\r\n"),
                repeat('q', 2044),
                ascii("\r\n"),
                repeat('r', 2045),
                ascii("\r\n"),
                repeat('s', 2046),
                ascii("\r\n"),
                repeat('t', 5000),
                ascii("\r\n.lead\r\nlast"));
        List<byte[]> lines = CtrlText.served(f, CtrlText.Platform.POSIX);
        // Seen on the wire (with CRLF, and the dot doubled): 3, 2046, 2047, 2, 2048, 2, 2048, 2048, 910, 8, 6.
        assertEquals(List.of(1, 2044, 2045, 0, 2046, 0, 2046, 2046, 908, 5, 4), lengths(lines));
        assertArrayEquals(ascii(".lead"), lines.get(9));
    }

    @Test
    void servedLinesStopAtNulAndKeepALoneCrInsideALine() {
        byte[] f = ascii("a\nx\u0000y\nz\r\r\nw\rv\n");
        List<byte[]> lines = CtrlText.served(f, CtrlText.Platform.POSIX);
        assertEquals(4, lines.size());
        assertArrayEquals(ascii("x"), lines.get(1));
        assertArrayEquals(ascii("z"), lines.get(2));
        assertArrayEquals(ascii("w\rv"), lines.get(3));
    }

    @Test
    void windowsTextModeReadsCrlfAsOneByteAndStopsAtCtrlZ() {
        byte[] f = cat(repeat('r', 2045), ascii("\r\nnext\r\n\u001Aafter\r\n"));
        assertEquals(List.of(2045, 4), lengths(CtrlText.served(f, CtrlText.Platform.WINDOWS)));
        assertEquals(List.of(2045, 0, 4, 6), lengths(CtrlText.served(f, CtrlText.Platform.POSIX)));
    }

    @Test
    void rebuildsACrlfShiftJisFileWithLongLinesAndNoFinalBreak() {
        byte[] f = cat(
                ascii("# \u0082\u00a0\u0082\u00a2 Shift_JIS\r\n"),
                repeat('q', 2044),
                ascii("\r\n"),
                repeat('r', 2045),
                ascii("\r\n"),
                repeat('s', 2046),
                ascii("\r\n"),
                repeat('t', 5000),
                ascii("\r\n.lead\r\nlast"));
        CtrlText.Rebuilt r = CtrlText.rebuild(CtrlText.served(f, CtrlText.Platform.POSIX), f.length);
        assertTrue(r.exact());
        assertArrayEquals(f, r.bytes());
    }

    @Test
    void twoFilesWithTheSameLinesAndSizeAreNotExact() {
        byte[] a = ascii("a\r\nb");
        byte[] b = ascii("a\nb\n");
        assertTrue(CtrlText.equalLines(
                CtrlText.served(a, CtrlText.Platform.POSIX), CtrlText.served(b, CtrlText.Platform.POSIX)));
        assertFalse(CtrlText.rebuild(CtrlText.served(a, CtrlText.Platform.POSIX), a.length)
                .exact());
    }

    @Test
    void aNulByteOrMixedEndingsCannotBeRebuiltExactly() {
        byte[] nul = ascii("a\nx\u0000yz\n");
        assertFalse(CtrlText.rebuild(CtrlText.served(nul, CtrlText.Platform.POSIX), nul.length)
                .exact());
        byte[] mixed = ascii("a\r\nb\nc\r\n");
        CtrlText.Rebuilt r = CtrlText.rebuild(CtrlText.served(mixed, CtrlText.Platform.POSIX), mixed.length);
        assertFalse(r.exact());
        assertTrue(
                CtrlText.equalLines(
                        CtrlText.served(mixed, CtrlText.Platform.POSIX),
                        CtrlText.served(r.bytes(), CtrlText.Platform.POSIX)),
                "the guess holds the same lines");
        assertEquals(1, Math.abs(mixed.length - r.bytes().length), "and is as close in size as can be");
    }

    @Test
    void emptyFileIsExact() {
        CtrlText.Rebuilt r = CtrlText.rebuild(List.of(), 0);
        assertTrue(r.exact());
        assertEquals(0, r.bytes().length);
    }

    @Property(tries = 300)
    void rebuildGivesBackEveryFileWithOneKindOfLineBreak(@ForAll("files") byte[] f) {
        CtrlText.Rebuilt r = CtrlText.rebuild(CtrlText.served(f, CtrlText.Platform.POSIX), f.length);
        if (r.exact()) {
            assertArrayEquals(f, r.bytes());
        }
        assertTrue(CtrlText.holds(CtrlText.served(f, CtrlText.Platform.POSIX), f.length, f));
    }

    @Test
    void aCrlfLineOf2045BytesReadsTheSameOnLinuxAsAnotherFileOnWindows() {
        // On Linux fgets cuts between CR and LF, so an empty line follows; on Windows text mode it does not, and a
        // file with one more empty line and no final break gives the same lines and size there.
        byte[] linux = cat(repeat('r', 2045), ascii("\r\nend\r\n"));
        byte[] windows = cat(repeat('r', 2045), ascii("\r\n\r\nend"));
        List<byte[]> lines = CtrlText.served(linux, CtrlText.Platform.POSIX);
        assertTrue(CtrlText.equalLines(lines, CtrlText.served(windows, CtrlText.Platform.WINDOWS)));
        assertFalse(CtrlText.rebuild(lines, linux.length).exact());
    }

    /**
     * Without lines of 2045 or 2046 bytes, which read differently on Linux and Windows, nor of the next such lengths
     * (4091, 4092: where a line's second piece is cut as the first one is).
     */
    @Property(tries = 300)
    void filesOfSeveralLinesWithAFinalBreakAreExact(@ForAll("regular") byte[] f) {
        CtrlText.Rebuilt r = CtrlText.rebuild(CtrlText.served(f, CtrlText.Platform.POSIX), f.length);
        assertTrue(r.exact());
        assertArrayEquals(f, r.bytes());
    }

    private static Arbitrary<String> lines() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab.\t #\u0082\u00a0").ofMaxLength(30),
                Arbitraries.integers().between(2040, 4100).map(n -> "x".repeat(n)));
    }

    @Provide
    Arbitrary<byte[]> files() {
        Arbitrary<String> line = lines();
        return Arbitraries.of("\n", "\r\n")
                .flatMap(nl -> line.list().ofMaxSize(6).flatMap(lines -> Arbitraries.of(true, false)
                        .map(last -> ascii(String.join(nl, lines) + (last && !lines.isEmpty() ? nl : "")))));
    }

    @Provide
    Arbitrary<byte[]> regular() {
        Arbitrary<String> line = lines();
        Arbitrary<String> notAtTheEdge = line.filter(l -> l.length() < 2045 || (l.length() + 1) % 2046 > 1);
        return Arbitraries.of("\n", "\r\n")
                .flatMap(nl ->
                        notAtTheEdge.list().ofMinSize(3).ofMaxSize(6).map(lines -> ascii(String.join(nl, lines) + nl)));
    }

    @Test
    void uploadSplitsAFileWithTheServersLineBreakAndStoresTheSameBytes() {
        byte[] f = ascii("# c\n.dot\n\n\"a\"\t\"b\"\n");
        CtrlText.Upload u = CtrlText.upload(f, CtrlText.Newline.LF);
        assertEquals(Optional.empty(), u.refusal());
        assertEquals(4, u.lines().size());
        assertArrayEquals(f, CtrlText.stored(u.lines(), CtrlText.Newline.LF));
    }

    @Test
    void uploadRefusesWhatTheServerWouldStoreDifferently() {
        assertEquals(
                Optional.of(CtrlText.Refusal.ENDINGS),
                CtrlText.upload(ascii("a\r\nb\r\n"), CtrlText.Newline.LF).refusal(),
                "CRLF file, LF server");
        assertEquals(
                Optional.of(CtrlText.Refusal.ENDINGS),
                CtrlText.upload(ascii("a\nb"), CtrlText.Newline.LF).refusal(),
                "no final line break");
        assertEquals(
                Optional.of(CtrlText.Refusal.ENDINGS),
                CtrlText.upload(ascii("a\nb\n"), CtrlText.Newline.CRLF).refusal(),
                "LF file, CRLF server");
        assertEquals(
                Optional.of(CtrlText.Refusal.NUL),
                CtrlText.upload(ascii("a\u0000\n"), CtrlText.Newline.LF).refusal());
        assertEquals(
                Optional.of(CtrlText.Refusal.EMPTY),
                CtrlText.upload(new byte[0], CtrlText.Newline.LF).refusal());
        CtrlText.Upload u = CtrlText.upload(ascii("ok\n" + "y".repeat(2045) + "\n"), CtrlText.Newline.LF);
        assertEquals(Optional.of(CtrlText.Refusal.LONG_LINE), u.refusal());
        assertEquals(2, u.line());
    }

    @Test
    void theLongestLineUploadedWholeIs2044BytesADotCounting() {
        assertEquals(
                Optional.empty(),
                CtrlText.upload(cat(repeat('y', 2044), ascii("\n")), CtrlText.Newline.LF)
                        .refusal());
        assertEquals(
                Optional.of(CtrlText.Refusal.LONG_LINE),
                CtrlText.upload(cat(ascii("."), repeat('y', 2044), ascii("\n")), CtrlText.Newline.LF)
                        .refusal());
        assertEquals(
                Optional.empty(),
                CtrlText.upload(cat(repeat('y', 2044), ascii("\r\n")), CtrlText.Newline.CRLF)
                        .refusal());
    }
}
