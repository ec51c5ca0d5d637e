package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Decoding byte text for display gives what the file's encoding reads, ASCII texts included (kept as they are). */
class EntryDecodeTest {

    private static final List<Charset> DETECTED = List.of(
            StandardCharsets.US_ASCII,
            StandardCharsets.UTF_8,
            StandardCharsets.ISO_8859_1,
            TextEncoding.WINDOWS_31J,
            TextEncoding.EUC_JP,
            StandardCharsets.UTF_16LE);

    private static String read(String bytesAsLatin1, Charset charset) {
        return new String(bytesAsLatin1.getBytes(StandardCharsets.ISO_8859_1), charset);
    }

    @Test
    void everyAsciiByteReadsAsItselfInEveryDetectedEncoding() {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            ascii.append(c);
        }
        for (Charset charset : DETECTED) {
            assertEquals(read(ascii.toString(), charset), Entry.decode(ascii.toString(), charset), charset.name());
        }
    }

    @Property
    void decodesAsTheEncodingReads(@ForAll("texts") String text) {
        for (Charset charset : DETECTED) {
            assertEquals(read(text, charset), Entry.decode(text, charset), charset.name());
        }
    }

    /** ASCII, the high bytes of Shift_JIS and EUC-JP, and a char above 0xFF (text that is not byte text). */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings()
                .withChars("aZ09 ?\\~\"\u0082\u00a0\u00a4\u00e9\u00ff\u30d1")
                .ofMaxLength(12);
    }
}
