package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * XMail 1.27's read rules for server.tab (SvrReadConfig, MscGetConfigLine, StrGetTabLineStrings, StrDeQuote and the
 * value accessors of SvrUtils.cpp).
 * In the line texts, {@code →} stands for a TAB; every char is one byte (Latin-1).
 */
class ServerTabReadRulesTest {

    static final String BOM = "\u00EF\u00BB\u00BF";

    static byte[] bytes(String text) {
        return text.replace('→', '\t').getBytes(StandardCharsets.ISO_8859_1);
    }

    static ServerTab tab(String text) {
        return ServerTab.parse(bytes(text));
    }

    static List<String> names(ServerTab t) {
        return t.entries().stream().map(Entry::name).toList();
    }

    static boolean hasProblem(ServerTab t, ProblemCode code) {
        return t.problems().stream().anyMatch(p -> p.code() == code);
    }

    // ------------------------------------------------------------------ section 4: worked examples, row for row

    static Stream<Arguments> workedExamples() {
        String longValue = "x".repeat(2100 - 6);
        return Stream.of(
                Arguments.of("\"RootDomain\"→\"x.test\"", "RootDomain", "x.test"),
                Arguments.of("RootDomain→x.test", "RootDomain", "x.test"),
                Arguments.of("→\"RootDomain\"→→\"x.test\"→", "RootDomain", "x.test"),
                Arguments.of(" \"RootDomain\"→\"x.test\"", " \"RootDomain\"", "x.test"),
                Arguments.of("\"RootDomain\" \"x.test\"", null, null),
                Arguments.of("#\"RootDomain\"→\"x.test\"", null, null),
                Arguments.of(" #\"RootDomain\"→\"x.test\"", " #\"RootDomain\"", "x.test"),
                Arguments.of("\"A\"→\"1\"→\"comment\"", "A", "1"),
                Arguments.of("\"A\"→\"\"", "A", ""),
                Arguments.of("\"A\"→\"a\\\"b\"", "A", "a\"b"),
                Arguments.of("\"A\"→\"C:\\x\\\"", "A", "C:\\x\""),
                Arguments.of("\"A\"→\"x\"trailing", "A", "x"),
                Arguments.of("\"A\"→\"a→b\"", "A", "a"),
                Arguments.of(BOM + "\"A\"→\"1\"", BOM + "\"A\"", "1"),
                // 2100 bytes: "A", TAB, a quoted value of 2093 x and its closing quote. The value is cut at byte
                // 2046 of the line (2041 x after the 5 bytes before it); the 54-byte tail has no TAB: ignored.
                Arguments.of("\"A\"→\"" + longValue + "\"", "A", "x".repeat(2046 - 5)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("workedExamples")
    void workedExample(String line, String name, String value) {
        for (String ending : List.of("", "\n", "\r\n")) {
            ServerTab t = tab(line + ending);
            if (name == null) {
                assertEquals(List.of(), t.entries(), line);
                continue;
            }
            assertEquals(1, t.entries().size(), line);
            Entry e = t.entries().get(0);
            assertEquals(name, e.name());
            assertEquals(value, e.value());
            assertEquals(value, t.effective(name).value());
            if (!name.equals("A") && !name.equals("RootDomain")) {
                // The name XMail stored never matches what the writer meant.
                assertFalse(t.has("RootDomain"));
                assertFalse(t.has("A"));
            }
        }
    }

    @Test
    void workedExampleProblemsAreReported() {
        assertTrue(hasProblem(tab(" \"RootDomain\"→\"x.test\""), ProblemCode.LEADING_SPACE));
        assertTrue(hasProblem(tab("\"RootDomain\" \"x.test\""), ProblemCode.NO_TAB));
        assertTrue(tab("#\"RootDomain\"→\"x.test\"").problems().isEmpty());
        assertTrue(hasProblem(tab(" #\"RootDomain\"→\"x.test\""), ProblemCode.NOT_A_COMMENT));
        assertTrue(hasProblem(tab("\"A\"→\"1\"→\"comment\""), ProblemCode.EXTRA_TOKENS));
        assertTrue(hasProblem(tab("\"A\"→\"C:\\x\\\""), ProblemCode.BACKSLASH_BEFORE_CLOSING_QUOTE));
        assertTrue(hasProblem(tab("\"A\"→\"x\"trailing"), ProblemCode.TEXT_AFTER_QUOTE));
        assertTrue(hasProblem(tab("\"A\"→\"a→b\""), ProblemCode.TAB_IN_QUOTES));
        assertTrue(hasProblem(tab(BOM + "\"A\"→\"1\""), ProblemCode.BOM));
        assertTrue(hasProblem(tab("\"A\"→\"" + "x".repeat(2094) + "\""), ProblemCode.LONG_LINE));
    }

    // ------------------------------------------------------------------ section 2: line reading

    @Test
    void unixReadingDoesNoTranslationButCtrlZIsReported() {
        // XMail on Unix reads past a Ctrl-Z; on Windows (text mode) the file ends there, so it is flagged.
        ServerTab t = tab("\"A\"→\"1\"\n\u001A\n\"B\"→\"2\"\n");
        assertEquals(List.of("A", "B"), names(t));
        assertTrue(hasProblem(t, ProblemCode.CTRL_Z));
    }

    @Test
    void aLineOfExactly2046BytesIsReadWhole() {
        String line = "\"A\"→\"" + "v".repeat(2046 - 6) + "\"";
        assertEquals(2046, line.length());
        ServerTab t = tab(line + "\n\"B\"→\"2\"\n");
        assertEquals("v".repeat(2040), t.effective("A").value());
        assertEquals(List.of("A", "B"), names(t));
        assertFalse(hasProblem(t, ProblemCode.LONG_LINE));
        assertEquals(
                1,
                t.document().line(1).reads(TabFormat.SERVER_TAB).stream()
                        .filter(r -> r.kind() == TabRecord.Kind.DATA)
                        .count());
    }

    @Test
    void aLongerLineIsSplitAndTheContinuationIsParsedAsItsOwnLine() {
        String first = "\"A\"→\"" + "y".repeat(2041);
        assertEquals(2046, first.length());
        ServerTab t = tab(first + "\"B\"→\"2\"\n\"C\"→\"3\"\n");
        assertEquals(List.of("A", "B", "C"), names(t));
        assertEquals("y".repeat(2041), t.effective("A").value(), "cut without error, missing quote tolerated");
        assertEquals("2", t.effective("B").value());
        Entry b = t.entry("B").orElseThrow();
        assertEquals(1, b.line(), "the continuation belongs to physical line 1");
        assertEquals(1, b.record().piece());
        assertEquals(2047, b.nameToken().column());
        assertTrue(hasProblem(t, ProblemCode.LONG_LINE));
    }

    @Test
    void aContinuationStartingWithHashIsAComment() {
        String first = "\"A\"→\"" + "y".repeat(2041);
        ServerTab t = tab(first + "#\"B\"→\"2\"\n");
        assertEquals(List.of("A"), names(t));
        List<TabRecord> reads = t.document().line(1).reads(TabFormat.SERVER_TAB);
        assertEquals(TabRecord.Kind.COMMENT, reads.get(1).kind());
    }

    @Test
    void theLineFeedAfter2046BytesIsAnEmptyRead() {
        String line = "\"A\"→\"" + "z".repeat(2041);
        List<TabRecord> reads = TabDocument.parse(bytes(line + "\r\n")).line(1).reads(TabFormat.SERVER_TAB);
        assertEquals(2, reads.size());
        assertEquals(TabRecord.Kind.BLANK, reads.get(1).kind());
    }

    @Test
    void theWholeRunOfTrailingCrAndLfIsStripped() {
        assertEquals("1", tab("\"A\"→1\r\r\n").effective("A").value());
        assertEquals("1", tab("\"A\"→1\r\r\r").effective("A").value());
        assertEquals("1", tab("\"A\"→1\r").effective("A").value());
        ServerTab t = tab("\"A\"→1\r\r\n\"B\"→2\n");
        assertEquals(List.of("A", "B"), names(t));
        assertFalse(hasProblem(t, ProblemCode.LONE_CR));
    }

    @Test
    void aLoneCrInTheMiddleIsNotALineBreak() {
        ServerTab t = tab("\"A\"→\"1\"\r\"B\"→\"2\"\n");
        assertEquals(List.of("A"), names(t), "one line, read as one");
        assertEquals("1", t.effective("A").value(), "the closing quote ends the value");
        ServerTab u = tab("A→1\r2\n");
        assertEquals("1\r2", u.effective("A").value(), "the CR stays part of the token");
        assertTrue(hasProblem(u, ProblemCode.LONE_CR));
    }

    @Test
    void anOldMacFileWithOnlyCrReadsAsASingleLine() {
        ServerTab t = tab("\"A\"→\"1\"\r\"B\"→\"2\"\r\"C\"→\"3\"\r");
        assertEquals(1, t.document().lines().size());
        assertEquals(List.of("A"), names(t));
        // Tokens: "A", "1"<CR>"B", "2"<CR>"C", "3" (the final CR is stripped).
        assertEquals(4, t.entries().get(0).record().tokens().size());
    }

    @Test
    void aNulByteEndsTheLine() {
        ServerTab t = tab("\"A\"→\"1\u0000junk→more\"\n\"B\"→\"2\"\n");
        assertEquals("1", t.effective("A").value());
        assertEquals(2, t.entries().get(0).record().size(), "nothing after the NUL is tokenised");
        assertEquals("2", t.effective("B").value());
        assertTrue(hasProblem(t, ProblemCode.NUL_BYTE));
        assertEquals(List.of(), names(tab("\u0000\"A\"→\"1\"\n")), "a line starting with NUL is empty");
    }

    @Test
    void emptyLinesAndLinesStartingWithHashAreSkipped() {
        ServerTab t = tab("\n\r\n#\"A\"→\"1\"\n#\n\"B\"→\"2\"\n");
        assertEquals(List.of("B"), names(t));
        assertEquals(
                List.of(
                        TabRecord.Kind.BLANK,
                        TabRecord.Kind.BLANK,
                        TabRecord.Kind.COMMENT,
                        TabRecord.Kind.COMMENT,
                        TabRecord.Kind.DATA),
                t.document().records().stream().map(TabRecord::kind).toList());
    }

    @Test
    void nothingElseIsAComment() {
        ServerTab spaced = tab(" #x→y\n");
        assertEquals(List.of(" #x"), names(spaced));
        ServerTab tabbed = tab("→#\"X\"→\"1\"\n");
        assertEquals(List.of("#\"X\""), names(tabbed));
        ServerTab trailing = tab("\"A\"→\"1\"→\"# note\"\n");
        assertEquals("1", trailing.effective("A").value(), "no end-of-line comments: a third token, ignored");
    }

    @Test
    void aBomJoinsTheFirstTokenAndStopsAFirstCommentBeingOne() {
        ServerTab t = tab(BOM + "\"RootDomain\"→\"x.test\"\n");
        assertFalse(t.has("RootDomain"));
        assertTrue(hasProblem(t, ProblemCode.BOM));
        ServerTab c = tab(BOM + "#\"A\"→\"1\"\n\"B\"→\"2\"\n");
        assertEquals(List.of(BOM + "#\"A\"", "B"), names(c));
    }

    @Test
    void nonAsciiBytesPassThroughUnchanged() {
        byte[] reply = "550 不正中継は禁止されています".getBytes(TextEncoding.WINDOWS_31J);
        String latin1 = new String(reply, StandardCharsets.ISO_8859_1);
        ServerTab t = tab("\"SmtpMsgIPBan\"→\"" + latin1 + "\"\n");
        assertEquals(latin1, t.effective("SmtpMsgIPBan").value());
        assertEquals("550 不正中継は禁止されています", t.entry("SmtpMsgIPBan").orElseThrow().displayValue(t.charset()));
    }

    // ------------------------------------------------------------------ section 3: tokenising and quoting

    @Test
    void onlyTabSeparatesAndRunsCollapseWithoutEmptyTokens() {
        TabRecord r = tab("→→\"A\"→→→\"1\"→→ x y →\n").document().dataRecords().get(0);
        assertEquals(
                List.of("A", "1", " x y "),
                r.tokens().stream().map(Token::value).toList());
        assertTrue(r.tokens().stream().noneMatch(tok -> tok.raw().isEmpty()));
        assertEquals(List.of(), names(tab("→→→\n")));
        assertTrue(tab("→ →\n").problems().isEmpty(), "a line of blanks and TABs is ignored quietly");
    }

    @Test
    void spacesAreOrdinaryBytes() {
        assertEquals(List.of(), names(tab("\"A\" \"1\"\n")));
        ServerTab quoted = tab("\"A\" →\"1\"\n");
        assertEquals("1", quoted.effective("A").value(), "text after the closing quote is dropped");
        ServerTab unquoted = tab("A →1\n");
        assertEquals(List.of("A "), names(unquoted));
        assertFalse(unquoted.has("A"));
        assertTrue(hasProblem(unquoted, ProblemCode.UNKNOWN_NAME));
    }

    @Test
    void quotesDoNotProtectTabs() {
        ServerTab t = tab("\"A\"→\"x→y\"\n");
        TabRecord r = t.entries().get(0).record();
        assertEquals(3, r.size());
        assertEquals("x", r.value(1));
        assertEquals("y\"", r.value(2));
        assertEquals("x", t.effective("A").value());
    }

    @Test
    void deQuotingOnlyAppliesToTokensStartingWithAQuote() {
        assertEquals(
                "ex\"am\"ple",
                tab("RootDomain→ex\"am\"ple\n").effective("RootDomain").value());
        assertEquals(" \"x\"", tab("\"A\"→ \"x\"\n").effective("A").value());
        Token plain = Token.read("abc\"", 1);
        assertFalse(plain.quoted());
        assertEquals("abc\"", plain.value());
    }

    @Test
    void backslashEscapesOnlyAQuote() {
        assertEquals("a\"b", tab("\"A\"→\"a\\\"b\"\n").effective("A").value());
        assertEquals("a\\\\b", tab("\"A\"→\"a\\\\b\"\n").effective("A").value(), "\\\\ stays two backslashes");
        assertEquals("a\\nb", tab("\"A\"→\"a\\nb\"\n").effective("A").value());
        assertEquals("C:\\dir\"", tab("\"A\"→\"C:\\dir\\\"\n").effective("A").value());
        assertEquals(
                "C:\\dir\\\"",
                tab("\"A\"→\"C:\\dir\\\\\"\n").effective("A").value(),
                "the second backslash still escapes the quote");
    }

    @Test
    void everythingAfterTheClosingQuoteIsDiscardedAndAMissingOneTolerated() {
        Token t = Token.read("\"x\"junk", 1);
        assertEquals("x", t.value());
        assertEquals("junk", t.trailing());
        assertTrue(t.closed());
        Token open = Token.read("\"abc", 1);
        assertEquals("abc", open.value());
        assertFalse(open.closed());
        assertTrue(hasProblem(tab("\"A\"→\"abc\n"), ProblemCode.UNTERMINATED_QUOTE));
    }

    @Test
    void anEmptyQuotedValueIsARealValue() {
        ServerTab t = tab("\"SmtpNoTLSAuths\"→\"\"\n");
        assertTrue(t.has("SmtpNoTLSAuths"));
        assertEquals("", t.effective("SmtpNoTLSAuths").value());
        assertEquals(Effective.Origin.FILE, t.effective("SmtpNoTLSAuths").origin());
        assertEquals(Effective.Origin.UNSET, tab("").effective("SmtpNoTLSAuths").origin());
        assertNull(tab("").effective("SmtpNoTLSAuths").value());
    }

    @Test
    void namesAreCaseSensitiveAndNotTrimmed() {
        ServerTab t = tab("\"enablesmtp-tls\"→\"0\"\n\"EnableSMTP-TLS \"→\"0\"\n");
        assertEquals("1", t.effective("EnableSMTP-TLS").value());
        assertEquals(Effective.Origin.DEFAULT, t.effective("EnableSMTP-TLS").origin());
        List<Problem> p = t.problems();
        assertEquals(ProblemCode.UNKNOWN_NAME, p.get(0).code());
        assertEquals(List.of("enablesmtp-tls", "EnableSMTP-TLS"), p.get(0).args());
        assertEquals(ProblemCode.NAME_WHITESPACE, p.get(1).code());
    }

    @Test
    void zeroOrOneTokenIsIgnoredTwoIsAVariableThreeOrMoreUseTheFirstTwo() {
        ServerTab t = tab("\"A\"\n\"B\"→\"2\"\n\"C\"→\"3\"→\"x\"→\"y\"\n");
        assertEquals(List.of("B", "C"), names(t));
        assertEquals("3", t.effective("C").value());
        Problem extra = t.problems().stream()
                .filter(p -> p.code() == ProblemCode.EXTRA_TOKENS)
                .findFirst()
                .orElseThrow();
        assertEquals(3, extra.line());
        assertEquals(List.of("4"), extra.args());
        assertTrue(hasProblem(t, ProblemCode.NO_TAB));
    }

    @Test
    void theFirstDuplicateWinsAndLaterOnesAreDead() {
        ServerTab t = tab("\"SmtpNoTLSAuths\"→\"LOGIN\"\n\"X\"→\"1\"\n\"SmtpNoTLSAuths\"→\"\"\n");
        assertEquals("LOGIN", t.effective("SmtpNoTLSAuths").value());
        assertEquals(1, t.effective("SmtpNoTLSAuths").line());
        assertEquals(1, t.deadDuplicates().size());
        assertEquals(3, t.deadDuplicates().get(0).line());
        assertEquals(2, t.entries("SmtpNoTLSAuths").size());
        Problem dead = t.problems().stream()
                .filter(p -> p.code() == ProblemCode.DEAD_DUPLICATE)
                .findFirst()
                .orElseThrow();
        assertEquals(3, dead.line());
        assertEquals(List.of("SmtpNoTLSAuths", "1"), dead.args());
    }

    // ------------------------------------------------------------------ section 5: accessors

    @Test
    void stringsKeepTheTextAndEmptyIsPresent() {
        assertEquals(
                "yes", tab("\"RootDomain\"→\"yes\"\n").effective("RootDomain").value());
        assertEquals(
                "", tab("\"SmartDNSHost\"→\"\"\n").effective("SmartDNSHost").value());
        Effective absent = tab("").effective("RootDomain");
        assertEquals(Effective.Origin.UNSET, absent.origin());
        Effective def = tab("").effective("FetchHdrTags");
        assertEquals(Effective.Origin.DEFAULT, def.origin());
        assertEquals("+X-Deliver-To,+Received,To,Cc", def.value());
    }

    @ParameterizedTest(name = "EnableSMTP-TLS \"{0}\" reads as {1}")
    @MethodSource("flags")
    void flagsReadAtoiNotZero(String written, String expected, Effective.Reading reading) {
        Effective e = tab("\"EnableSMTP-TLS\"→\"" + written + "\"\n").effective("EnableSMTP-TLS");
        assertEquals(expected, e.value());
        assertEquals(reading, e.reading());
        assertEquals(expected.equals("1"), e.flag().orElseThrow());
    }

    static Stream<Arguments> flags() {
        return Stream.of(
                Arguments.of("1", "1", Effective.Reading.AS_WRITTEN),
                Arguments.of("0", "0", Effective.Reading.AS_WRITTEN),
                Arguments.of("", "0", Effective.Reading.EMPTY_FLAG_IS_ZERO),
                Arguments.of("yes", "0", Effective.Reading.NOT_A_NUMBER),
                Arguments.of("true", "0", Effective.Reading.NOT_A_NUMBER),
                Arguments.of("on", "0", Effective.Reading.NOT_A_NUMBER),
                Arguments.of(" 1", "1", Effective.Reading.LEADING_BLANKS_SKIPPED),
                Arguments.of("1abc", "1", Effective.Reading.TRAILING_TEXT_IGNORED),
                Arguments.of("2", "1", Effective.Reading.AS_WRITTEN),
                Arguments.of("-1", "1", Effective.Reading.AS_WRITTEN),
                // Only 62 bytes reach atoi (SvrConfigVar); checked with the real XMail 1.27.
                Arguments.of(" ".repeat(62) + "1", "0", Effective.Reading.CUT_AT_BUFFER),
                Arguments.of(" ".repeat(61) + "1", "1", Effective.Reading.LEADING_BLANKS_SKIPPED));
    }

    @Test
    void anAbsentFlagTakesItsDefault() {
        assertEquals("1", tab("").effective("EnableSMTP-TLS").value());
        assertEquals("0", tab("").effective("AllowSmtpVRFY").value());
        assertEquals(
                Effective.Origin.DEFAULT, tab("").effective("AllowSmtpVRFY").origin());
    }

    @ParameterizedTest(name = "SMTP-IpMapDropCode \"{0}\" reads as {1}")
    @MethodSource("ints")
    void intsReadEmptyAsDefaultAndOtherwiseAtoi(String written, String expected, Effective.Reading reading) {
        Effective e = tab("\"SMTP-IpMapDropCode\"→\"" + written + "\"\n").effective("SMTP-IpMapDropCode");
        assertEquals(expected, e.value());
        assertEquals(reading, e.reading());
        assertEquals(Long.parseLong(expected), e.number().orElseThrow());
    }

    static Stream<Arguments> ints() {
        return Stream.of(
                Arguments.of("", "1", Effective.Reading.EMPTY_INT_IS_DEFAULT),
                Arguments.of("0", "0", Effective.Reading.AS_WRITTEN),
                Arguments.of("-30", "-30", Effective.Reading.AS_WRITTEN),
                Arguments.of("no", "0", Effective.Reading.NOT_A_NUMBER),
                Arguments.of("yes", "0", Effective.Reading.NOT_A_NUMBER),
                Arguments.of("  5", "5", Effective.Reading.LEADING_BLANKS_SKIPPED),
                Arguments.of("5s", "5", Effective.Reading.TRAILING_TEXT_IGNORED),
                Arguments.of(" 1", "1", Effective.Reading.LEADING_BLANKS_SKIPPED),
                Arguments.of("1abc", "1", Effective.Reading.TRAILING_TEXT_IGNORED),
                // Numbers pass the same 62-byte buffer as flags and become a C int (checked with the real 1.27).
                Arguments.of("0".repeat(70) + "9", "0", Effective.Reading.CUT_AT_BUFFER),
                Arguments.of("-2147483649", "-2147483648", Effective.Reading.OUT_OF_INT_RANGE),
                Arguments.of("99999999999", "2147483647", Effective.Reading.OUT_OF_INT_RANGE),
                Arguments.of("2147483647", "2147483647", Effective.Reading.AS_WRITTEN));
    }

    @Test
    void numbersBeyondTheIntRangeReadDifferentlyOnLinux() {
        // Windows: strtol stops at the 32-bit long range; Linux: the low 32 bits of a 64-bit long.
        assertEquals(
                2147483647L,
                tab("\"MaxMessageSize\"→\"-2147483649\"\n")
                        .effective("MaxMessageSize")
                        .numberOnLp64()
                        .orElseThrow());
        assertEquals(
                1215752191L,
                tab("\"MaxMessageSize\"→\"99999999999\"\n")
                        .effective("MaxMessageSize")
                        .numberOnLp64()
                        .orElseThrow());
        assertEquals(
                -5L,
                tab("\"MaxMessageSize\"→\"-5\"\n")
                        .effective("MaxMessageSize")
                        .numberOnLp64()
                        .orElseThrow());
        assertEquals(0L, Values.cInt(4294967296L, true));
        assertEquals(2147483647L, Values.cInt(4294967296L, false));
    }

    @Test
    void flagsAndIntsReadEmptyDifferently() {
        ServerTab t = tab("\"SMTP-IpMapDropCode\"→\"\"\n\"EnableAuthSMTP-POP3\"→\"\"\n");
        assertEquals("1", t.effective("SMTP-IpMapDropCode").value());
        assertEquals("0", t.effective("EnableAuthSMTP-POP3").value());
        assertTrue(t.effective("EnableAuthSMTP-POP3").differsFromDefault());
        assertFalse(t.effective("SMTP-IpMapDropCode").differsFromDefault());
    }

    @Test
    void disableEmitAuthUserIsReadAsANumber() {
        assertEquals(
                "0",
                tab("\"DisableEmitAuthUser\"→\"yes\"\n")
                        .effective("DisableEmitAuthUser")
                        .value());
        assertEquals(
                "0",
                tab("\"DisableEmitAuthUser\"→\"\"\n")
                        .effective("DisableEmitAuthUser")
                        .value());
        assertEquals(
                "2",
                tab("\"DisableEmitAuthUser\"→\"2\"\n")
                        .effective("DisableEmitAuthUser")
                        .value());
    }

    @Test
    void anUncataloguedNameIsReadAsText() {
        Effective e = tab("\"NoBounceToReplyAddress\"→\"1\"\n").effective("NoBounceToReplyAddress");
        assertEquals("1", e.value());
        assertTrue(e.variable().isEmpty());
        assertTrue(e.differsFromDefault());
    }

    // ------------------------------------------------------------------ section 7, item 8: lint

    @Test
    void lintFindsEveryListedTrap() {
        ServerTab t = tab(BOM + "\"RootDomain\"→\"x\"\n"
                + "\"enablesmtp-tls\"→\"1\"\n"
                + " \"PostMaster\"→\"a@b\"\n"
                + "\"HeloDomain\" \"x\"\n"
                + "\"ErrorsAdmin\"→\"C:\\x\\\"\n"
                + "\"CustomSMTPMessage\"→\"a→b\"\n"
                + "\"NotifyTryPattern\"→\"" + "1,".repeat(1100) + "\"\n");
        List<ProblemCode> codes = t.problems().stream().map(Problem::code).toList();
        for (ProblemCode c : List.of(
                ProblemCode.BOM,
                ProblemCode.UNKNOWN_NAME,
                ProblemCode.LEADING_SPACE,
                ProblemCode.NO_TAB,
                ProblemCode.BACKSLASH_BEFORE_CLOSING_QUOTE,
                ProblemCode.TAB_IN_QUOTES,
                ProblemCode.LONG_LINE)) {
            assertTrue(codes.contains(c), c + " in " + codes);
        }
        List<Integer> lines = t.problems().stream().map(Problem::line).toList();
        assertEquals(lines.stream().sorted().toList(), lines, "problems come in line order");
    }

    @Test
    void problemsAreLocalizedAndFormattedWithLineAndColumn() {
        Problem p = tab("\"A\"→\"1\"\n\"A\"→\"2\"\n").problems().stream()
                .filter(x -> x.code() == ProblemCode.DEAD_DUPLICATE)
                .findFirst()
                .orElseThrow();
        assertEquals(
                "2:1: A is already set on line 1: XMail uses the first one and ignores this line",
                p.format(Locale.ENGLISH));
        assertTrue(p.format(Locale.JAPANESE).startsWith("2:1: A は 1 行目で既に設定されています"));
    }
}
