package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the lint names quoting problems, including a TAB right before the closing quote. */
class ServerTabLintQuotesTest {

    private static List<ProblemCode> codes(String text) {
        return ServerTab.parse(text.getBytes(StandardCharsets.ISO_8859_1)).problems().stream()
                .map(Problem::code)
                .toList();
    }

    @Test
    void tabInsideQuotes() {
        assertEquals(List.of(ProblemCode.TAB_IN_QUOTES), codes("\"CustomSMTPMessage\"\t\"a\tb\"\n"));
    }

    @Test
    void tabRightBeforeTheClosingQuoteIsATabInQuotes() {
        // tokens: "CustomSMTPMessage", "text and a lone " -- XMail reads the value "text"
        assertEquals(List.of(ProblemCode.TAB_IN_QUOTES), codes("\"CustomSMTPMessage\"\t\"text\t\"\n"));
    }

    @Test
    void unterminatedQuote() {
        assertEquals(List.of(ProblemCode.UNTERMINATED_QUOTE), codes("\"RootDomain\"\t\"example.com\n"));
    }

    @Test
    void threeTokens() {
        assertEquals(List.of(ProblemCode.EXTRA_TOKENS), codes("\"RootDomain\"\t\"example.com\"\t\"note\"\n"));
    }
}
