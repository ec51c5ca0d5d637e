package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Tokenising and de-quoting, checked against the plainest reading of XMail's rules ({@code StrTokenize} on TAB, then
 * {@code StrDeQuote}): one character at a time, as the rules are written.
 */
class TokenizeTest {

    /** StrDeQuote one character at a time: {@code \"} is a quote, the first other quote closes, the rest is dropped. */
    private static Token reference(String raw, int column) {
        if (raw.isEmpty() || raw.charAt(0) != '"') {
            return new Token(raw, raw, column, false, false, "");
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == '"') {
                value.append('"');
                i++;
            } else if (c == '"') {
                return new Token(raw, value.toString(), column, true, true, raw.substring(i + 1));
            } else {
                value.append(c);
            }
        }
        return new Token(raw, value.toString(), column, true, false, "");
    }

    /** StrTokenize on TAB alone: every maximal run of other characters is a token, at its 1-based column. */
    private static List<Token> referenceTokens(String text) {
        List<Token> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean separator = i == text.length() || text.charAt(i) == '\t';
            if (separator && start >= 0) {
                out.add(reference(text.substring(start, i), start + 1));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return out;
    }

    @Property
    void deQuotingReadsEveryTokenAsTheRulesSay(@ForAll("tokens") String raw) {
        assertEquals(reference(raw, 7), Token.read(raw, 7));
    }

    @Property
    void aLineSplitsIntoTheRunsBetweenTabs(@ForAll("lines") String raw) {
        List<TabRecord> reads = new TabLine(1, raw, LineEnding.CRLF).reads(TabFormat.SERVER_TAB);
        assertEquals(1, reads.size());
        TabRecord read = reads.get(0);
        if (read.kind() == TabRecord.Kind.DATA) {
            assertEquals(referenceTokens(raw), read.tokens());
        } else {
            assertEquals(List.of(), read.tokens());
        }
    }

    @Test
    void quotedTokensInEveryShape() {
        assertEquals(new Token("\"a\"", "a", 1, true, true, ""), Token.read("\"a\"", 1));
        assertEquals(new Token("\"\"", "", 1, true, true, ""), Token.read("\"\"", 1));
        assertEquals(new Token("\"a\"b", "a", 1, true, true, "b"), Token.read("\"a\"b", 1));
        assertEquals(new Token("\"ab", "ab", 1, true, false, ""), Token.read("\"ab", 1));
        assertEquals(new Token("\"a\\\"b\"", "a\"b", 1, true, true, ""), Token.read("\"a\\\"b\"", 1));
        assertEquals(new Token("\"a\\b\"", "a\\b", 1, true, true, ""), Token.read("\"a\\b\"", 1));
        assertEquals(new Token("\"a\\\"", "a\"", 1, true, false, ""), Token.read("\"a\\\"", 1));
        assertEquals(new Token("\"\\\"", "\"", 1, true, false, ""), Token.read("\"\\\"", 1));
    }

    @Test
    void tabRunsCollapseAndColumnsCountFromTheLineStart() {
        List<Token> tokens = new TabLine(1, "\t\"Name\"\t\t value\t", LineEnding.LF)
                .reads(TabFormat.SERVER_TAB)
                .get(0)
                .tokens();
        assertEquals(List.of(new Token("\"Name\"", "Name", 2, true, true, ""), Token.read(" value", 10)), tokens);
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars("\"\\ab\u00e9").ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.strings().withChars("\t\"\\ab #").ofMaxLength(30);
    }
}
