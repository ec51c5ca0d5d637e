package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.xmailkit.model.testing.XMail127Default;

/**
 * Lossless round trip: {@code parse(bytes).toBytes()} gives back the very bytes, for any input, and parsing never
 * throws on content.
 */
class RoundTripTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Property
    void anyBytesComeBackUnchanged(@ForAll("anyBytes") byte[] bytes) {
        assertRoundTrip(bytes);
    }

    @Property
    void bytesRichInSeparatorsQuotesAndControlsComeBackUnchanged(@ForAll("trickyBytes") byte[] bytes) {
        assertRoundTrip(bytes);
    }

    @Property
    void tabLikeFilesWithLongLinesBomAndNoFinalNewlineComeBackUnchanged(@ForAll("tabLikeFiles") byte[] bytes) {
        assertRoundTrip(bytes);
    }

    @Property
    void xmail127FilesComeBackUnchangedAlsoWhenDamaged(@ForAll("damagedFixtures") byte[] bytes) {
        assertRoundTrip(bytes);
    }

    @Property
    void everyFixtureFileInEveryLineEndingStyleComesBackUnchanged(
            @ForAll("fixtureFiles") String file, @ForAll("styles") String style) {
        byte[] lf = XMail127Default.bytes(file);
        String text = new String(lf, StandardCharsets.ISO_8859_1);
        String styled =
                switch (style) {
                    case "crlf" -> text.replace("\n", "\r\n");
                    case "no-final-newline" -> text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
                    case "mixed" -> text.replaceFirst("\n", "\r\n");
                    default -> text;
                };
        byte[] bytes = styled.getBytes(StandardCharsets.ISO_8859_1);
        MailRootFile kind = MailRootFile.byFileName(file).orElse(MailRootFile.SERVER_TAB);
        assertArrayEquals(bytes, TabDocument.parse(bytes, kind.format()).toBytes());
        assertRoundTrip(bytes);
    }

    private static void assertRoundTrip(byte[] bytes) {
        for (TabFormat format :
                List.of(TabFormat.SERVER_TAB, MailRootFile.CTRL_ACCOUNTS.format(), MailRootFile.SMTP_IPPROP.format())) {
            TabDocument doc = TabDocument.parse(bytes, format);
            assertArrayEquals(bytes, doc.toBytes());
            int lf = 0;
            for (byte b : bytes) {
                if (b == '\n') {
                    lf++;
                }
            }
            boolean unterminatedTail = bytes.length > 0 && bytes[bytes.length - 1] != '\n';
            assertEquals(lf + (unterminatedTail ? 1 : 0), doc.lines().size());
            assertNotNull(doc.records());
        }
        // The effective view never throws on content either.
        ServerTab tab = ServerTab.parse(bytes);
        assertArrayEquals(bytes, tab.toBytes());
        for (Problem p : tab.problems()) {
            assertNotNull(p.format(Locale.ENGLISH));
            assertNotNull(p.format(Locale.JAPANESE));
        }
        for (Entry e : tab.liveEntries()) {
            assertNotNull(tab.effective(e.name()).origin());
            assertNotNull(tab.printable(e.value()));
        }
        for (Variable v : tab.catalog().all()) {
            assertNotNull(tab.effective(v.name()).origin());
        }
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(6000);
    }

    /** Bytes drawn mostly from the ones the reader treats specially. */
    @Provide
    Arbitrary<byte[]> trickyBytes() {
        Arbitrary<Byte> special = Arbitraries.of(
                (byte) '\t',
                (byte) '"',
                (byte) '\r',
                (byte) '\n',
                (byte) 0,
                (byte) 0x1A,
                (byte) '#',
                (byte) '\\',
                (byte) ' ',
                (byte) 0xEF,
                (byte) 0xBB,
                (byte) 0xBF);
        Arbitrary<Byte> text = Arbitraries.bytes().between((byte) 'A', (byte) 'z');
        Arbitrary<Byte> high = Arbitraries.bytes().between((byte) 0x80, (byte) 0xFF);
        Arbitrary<Byte> mixed = Arbitraries.frequencyOf(Tuple.of(6, special), Tuple.of(3, text), Tuple.of(1, high));
        return mixed.array(byte[].class).ofMaxSize(3000);
    }

    /**
     * Files built from lines that look like server.tab lines (quoted or not, TAB runs, escapes), some over 2046
     * bytes, with LF, CRLF, CR CR LF or lone CR endings, an optional BOM and an optional missing final newline.
     */
    @Provide
    Arbitrary<byte[]> tabLikeFiles() {
        Arbitrary<String> word = Arbitraries.strings()
                .withChars("abcXYZ019-_.@ \"\\#\u0000\u001A\u00E9\u0082")
                .ofMaxLength(12);
        Arbitrary<String> token = Combinators.combine(word, Arbitraries.of("plain", "quoted", "escaped"))
                .as((w, s) -> switch (s) {
                    case "quoted" -> "\"" + w + "\"";
                    case "escaped" -> "\"" + w + "\\\"" + w + "\"";
                    default -> w;
                });
        Arbitrary<String> separator = Arbitraries.of("\t", "\t\t", " ", "\t \t");
        Arbitrary<String> shortLine =
                Combinators.combine(token.list().ofMaxSize(4), separator).as((tokens, sep) -> String.join(sep, tokens));
        Arbitrary<String> longLine =
                Arbitraries.integers().between(2000, 4200).map(n -> "\"CustomSMTPMessage\"\t\"" + "m".repeat(n) + "\"");
        Arbitrary<String> line = Arbitraries.frequencyOf(
                Tuple.of(12, shortLine),
                Tuple.of(1, longLine),
                Tuple.of(2, Arbitraries.just("#\"RootDomain\"\t\"x.test\"")));
        Arbitrary<String> ending = Arbitraries.of("\n", "\r\n", "\r\r\n", "\r");
        Arbitrary<String> terminated = Combinators.combine(line, ending).as(String::concat);
        return Combinators.combine(
                        terminated.list().ofMaxSize(30), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((lines, bom, finalNewline) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    if (bom) {
                        out.writeBytes(BOM);
                    }
                    String all = String.join("", lines);
                    if (!finalNewline && all.endsWith("\n")) {
                        all = all.substring(0, all.length() - 1);
                    }
                    out.writeBytes(all.getBytes(StandardCharsets.ISO_8859_1));
                    return out.toByteArray();
                });
    }

    @Provide
    Arbitrary<byte[]> damagedFixtures() {
        Arbitrary<String> file = fixtureFiles();
        Arbitrary<byte[]> junk = trickyBytes().filter(b -> b.length < 200);
        return Combinators.combine(file, junk, Arbitraries.doubles().between(0, 1), Arbitraries.of(true, false))
                .as((f, j, where, crlf) -> {
                    String text = new String(XMail127Default.bytes(f), StandardCharsets.ISO_8859_1);
                    if (crlf) {
                        text = text.replace("\n", "\r\n");
                    }
                    byte[] base = text.getBytes(StandardCharsets.ISO_8859_1);
                    int at = (int) Math.floor(where * base.length);
                    byte[] out = new byte[base.length + j.length];
                    System.arraycopy(base, 0, out, 0, at);
                    System.arraycopy(j, 0, out, at, j.length);
                    System.arraycopy(base, at, out, at + j.length, base.length - at);
                    return out;
                });
    }

    @Provide
    Arbitrary<String> fixtureFiles() {
        List<String> files = new ArrayList<>(XMail127Default.files());
        return Arbitraries.of(files);
    }

    @Provide
    Arbitrary<String> styles() {
        return Arbitraries.of("lf", "crlf", "no-final-newline", "mixed");
    }
}
