package org.xmailkit.audit.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MAIL_CMD_LINE is split the way StrUtils.cpp StrCmdLineToken splits it. */
class TokensTest {

    @Test
    void blanksAndTabsSeparateAndQuotesGroup() {
        assertEquals(List.of("-Ms", "C:\\Mail Root", "-Sl"), Tokens.split("  -Ms\t\"C:\\Mail Root\"  -Sl "));
    }

    @Test
    void aBackslashIsAnOrdinaryCharacterEvenBeforeTheClosingQuote() {
        assertEquals(List.of("C:\\MailRoot\\", "-Sl"), Tokens.split("\"C:\\MailRoot\\\" -Sl"));
    }

    @Test
    void doubledQuotesInsideQuotesAreOneQuote() {
        assertEquals(List.of("a\"b"), Tokens.split("\"a\"\"b\""));
    }

    @Test
    void aQuotedTokenEndsAtItsClosingQuoteAndTheRestStartsANewOne() {
        assertEquals(List.of("abc", "def"), Tokens.split("\"abc\"def"));
    }

    @Test
    void aQuoteInsideAnUnquotedTokenIsKept() {
        assertEquals(List.of("ab\"c"), Tokens.split("ab\"c"));
    }

    @Test
    void anUnterminatedQuoteRunsToTheEnd() {
        assertEquals(List.of("-Ms", "C:\\Mail Root -Sl"), Tokens.split("-Ms \"C:\\Mail Root -Sl"));
    }

    @Test
    void joinQuotesWhatNeedsItSoThatSplitGivesItBack() {
        List<String> args = List.of("-Ms", "C:\\Mail Root\\", "", "\"x", "-Sl");
        assertEquals(args, Tokens.split(Tokens.join(args)));
        assertEquals("-Ms \"C:\\Mail Root\\\" \"\" \"\"\"x\" -Sl", Tokens.join(args));
    }
}
