package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmailkit.model.testing.XMail127Default;

/** Edits change only the lines they touch, in the file's own style and encoding, or are refused. */
class ServerTabEditTest {

    static ServerTab tab(String latin1) {
        return ServerTab.parse(latin1.replace('→', '\t').getBytes(StandardCharsets.ISO_8859_1));
    }

    static String text(ServerTab t) {
        return new String(t.toBytes(), StandardCharsets.ISO_8859_1).replace('\t', '→');
    }

    static ServerTab fixture(boolean crlf) {
        byte[] lf = XMail127Default.bytes("server.tab");
        String s = new String(lf, StandardCharsets.ISO_8859_1);
        return ServerTab.parse((crlf ? s.replace("\n", "\r\n") : s).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Asserts that every line but the given ones (1-based, in the old numbering) keeps its exact bytes. */
    static void assertOnlyLinesChanged(ServerTab before, ServerTab after, int... changed) {
        List<TabLine> a = before.document().lines();
        List<TabLine> b = after.document().lines();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            int n = i + 1;
            boolean expectedChange = Arrays.stream(changed).anyMatch(c -> c == n);
            assertEquals(
                    !expectedChange, Arrays.equals(a.get(i).bytes(), b.get(i).bytes()), "line " + n);
        }
    }

    @Test
    void settingAValueChangesOnlyItsLine() {
        for (boolean crlf : List.of(false, true)) {
            ServerTab before = fixture(crlf);
            int line = before.entry("MaxMTAOps").orElseThrow().line();
            ServerTab after = before.set("MaxMTAOps", "32");
            assertOnlyLinesChanged(before, after, line);
            TabLine changed = after.document().line(line);
            assertEquals("\"MaxMTAOps\"\t\"32\"", changed.raw());
            assertEquals(crlf ? LineEnding.CRLF : LineEnding.LF, changed.ending());
            assertEquals(
                    "32",
                    ServerTab.parse(after.toBytes()).effective("MaxMTAOps").value());
        }
    }

    @Test
    void aSetKeepsTheLinesLayoutExtraColumnsAndQuoting() {
        assertEquals(
                "→\"A\"→→\"2\"→\"note\"\n", text(tab("→\"A\"→→\"1\"→\"note\"\n").setRaw("A", "2")));
        assertEquals("RootDomain→y.test\r\n", text(tab("RootDomain→x.test\r\n").set("RootDomain", "y.test")));
        assertEquals("RootDomain→\"\"\n", text(tab("RootDomain→x.test\n").set("RootDomain", "")));
        assertEquals(
                "RootDomain→\"\\\"q\"\n",
                text(tab("RootDomain→x\n").set("RootDomain", "\"q")),
                "an unquoted value starting with a quote would be de-quoted, so it gets quotes");
        assertEquals("\"A\"→\"a\\\"b\"\n", text(tab("\"A\"→\"x\"\n").set("A", "a\"b")));
    }

    @Test
    void settingTheSameValueChangesNothing() {
        ServerTab t = fixture(true);
        assertSame(t, t.set("MaxMTAOps", "16"));
    }

    @Test
    void onlyTheLiveLineOfADuplicatedNameChanges() {
        ServerTab t = tab("\"A\"→\"1\"\n\"A\"→\"2\"\n");
        ServerTab after = t.set("A", "3");
        assertEquals("\"A\"→\"3\"\n\"A\"→\"2\"\n", text(after));
    }

    @Test
    void aNewLineFollowsTheDominantLineEndingAndQuoting() {
        assertEquals("\"A\"→\"1\"\n\"B\"→\"2\"\n", text(tab("\"A\"→\"1\"\n").set("B", "2")));
        assertEquals(
                "\"A\"→\"1\"\r\n\"B\"→\"2\"\r\n", text(tab("\"A\"→\"1\"\r\n").set("B", "2")));
        assertEquals(
                "A→1\r\nC→3\r\nX→9\nB→2\r\n",
                text(tab("A→1\r\nC→3\r\nX→9\n").set("B", "2")),
                "mixed endings: the more common one; unquoted values: unquoted");
        ServerTab plain = tab("A→1\r\nC→3\r\n").set("B", "2");
        assertEquals("A→1\r\nC→3\r\nB→2\r\n", text(plain));
        assertEquals("A→1\nB→\"\"\n", text(tab("A→1\n").set("B", "")), "an empty value needs quotes");
        assertEquals("\"B\"→\"2\"\r\n", text(tab("").set("B", "2")), "an empty file gets XMailCFG's style");
    }

    @Test
    void aFileWithoutFinalNewlineKeepsThatStyle() {
        ServerTab t = tab("\"A\"→\"1\"\r\n\"B\"→\"2\"");
        assertTrue(t.document().lacksFinalNewline());
        assertEquals("\"A\"→\"1\"\r\n\"B\"→\"3\"", text(t.set("B", "3")));
        ServerTab appended = t.set("C", "4");
        assertEquals("\"A\"→\"1\"\r\n\"B\"→\"2\"\r\n\"C\"→\"4\"", text(appended));
        assertTrue(appended.document().lacksFinalNewline());
        assertEquals("1", ServerTab.parse(appended.toBytes()).effective("A").value());
    }

    @Test
    void theLastLineKeepsItsMissingNewlineWhenSet() {
        ServerTab t = tab("\"A\"→\"1\"");
        assertEquals("\"A\"→\"22\"", text(t.set("A", "22")));
    }

    @Test
    void valuesAreEncodedInTheFilesEncoding() {
        String reply = "550 不正中継は禁止されています";
        for (Charset cs : List.of(TextEncoding.WINDOWS_31J, TextEncoding.EUC_JP, StandardCharsets.UTF_8)) {
            byte[] original =
                    "\"RootDomain\"\t\"xmailserver.test\"\r\n\"CustomSMTPMessage\"\t\"お問い合わせは管理者まで\"\r\n".getBytes(cs);
            ServerTab t = ServerTab.parse(original);
            assertEquals(cs, t.charset(), cs.name());
            ServerTab after = t.set("SmtpMsgIPBan", reply);
            byte[] bytes = after.toBytes();
            byte[] expectedTail = ("\"SmtpMsgIPBan\"\t\"" + reply + "\"\r\n").getBytes(cs);
            byte[] tail = Arrays.copyOfRange(bytes, original.length, bytes.length);
            assertArrayEquals(expectedTail, tail, cs.name());
            ServerTab reread = ServerTab.parse(bytes);
            assertEquals(cs, reread.charset());
            assertEquals(reply, reread.entry("SmtpMsgIPBan").orElseThrow().displayValue(reread.charset()));
            assertEquals(
                    "お問い合わせは管理者まで",
                    reread.entry("CustomSMTPMessage").orElseThrow().displayValue(reread.charset()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\tb", "a\rb", "a\nb", "a\u0000b"})
    void controlBytesAreRefused(String value) {
        EditException e = assertThrows(EditException.class, () -> fixture(false).set("CustomSMTPMessage", value));
        assertEquals(EditException.Reason.CONTROL_BYTE, e.reason());
        assertTrue(e.getMessage().contains("CustomSMTPMessage"));
        EditException n = assertThrows(EditException.class, () -> fixture(false).set("Bad" + value, "1"));
        assertEquals(EditException.Reason.CONTROL_BYTE, n.reason());
    }

    @Test
    void aQuotedValueEndingInABackslashIsRefusedButAnUnquotedOneIsFaithful() {
        EditException e =
                assertThrows(EditException.class, () -> tab("\"A\"→\"x\"\n").set("A", "C:\\dir\\"));
        assertEquals(EditException.Reason.TRAILING_BACKSLASH, e.reason());
        ServerTab plain = tab("A→x\n").set("A", "C:\\dir\\");
        assertEquals(
                "C:\\dir\\", ServerTab.parse(plain.toBytes()).effective("A").value());
    }

    @Test
    void aLineLongerThanXMailReadsAtOnceIsRefused() {
        ServerTab t = tab("\"CustomSMTPMessage\"→\"x\"\r\n");
        String fits = "m".repeat(2046 - "\"CustomSMTPMessage\"\t\"\"".length());
        assertEquals(
                fits,
                ServerTab.parse(t.set("CustomSMTPMessage", fits).toBytes())
                        .effective("CustomSMTPMessage")
                        .value(),
                "exactly 2046 bytes plus CRLF still reads whole");
        EditException e = assertThrows(EditException.class, () -> t.set("CustomSMTPMessage", fits + "m"));
        assertEquals(EditException.Reason.TOO_LONG, e.reason());
        assertThrows(EditException.class, () -> t.set("NewName", "m".repeat(2040)));
    }

    @Test
    void charactersTheEncodingLacksAreRefused() {
        ServerTab sjis = ServerTab.parse("\"CustomSMTPMessage\"\t\"管理者まで\"\n".getBytes(TextEncoding.WINDOWS_31J));
        EditException e = assertThrows(EditException.class, () -> sjis.set("SmtpMsgIPBan", "550 거부"));
        assertEquals(EditException.Reason.UNENCODABLE, e.reason());
        assertTrue(e.message(Locale.ENGLISH).contains("windows-31j"), e.message(Locale.ENGLISH));
        assertTrue(e.message(Locale.JAPANESE).contains("SmtpMsgIPBan"));
    }

    @Test
    void nonAsciiIntoAnAsciiOnlyFileIsRefused() {
        EditException e = assertThrows(EditException.class, () -> fixture(false).set("SmtpMsgIPBan", "550 拒否"));
        assertEquals(EditException.Reason.ENCODING_UNKNOWN, e.reason());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void badNamesAreRefused() {
        for (String name : List.of("", "#RootDomain", " RootDomain")) {
            EditException e =
                    assertThrows(EditException.class, () -> fixture(false).set(name, "1"));
            assertEquals(EditException.Reason.BAD_NAME, e.reason());
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> fixture(false).setRaw("A", "\u3042"),
                "raw values are bytes, one char per byte");
    }

    @Test
    void renameKeepsValuesAndLayoutOfEveryOccurrence() {
        ServerTab t = tab("\"RootDomain\"→\"x\"\r\n\"SmtpMsgIPBandMaps\"→→\"550 "
                + "No\"\r\n#c\r\n\"SmtpMsgIPBandMaps\"→\"dead\"\r\n");
        ServerTab after = t.rename("SmtpMsgIPBandMaps", "SmtpMsgIPBanMaps");
        assertEquals(
                "\"RootDomain\"→\"x\"\r\n\"SmtpMsgIPBanMaps\"→→\"550 "
                        + "No\"\r\n#c\r\n\"SmtpMsgIPBanMaps\"→\"dead\"\r\n",
                text(after));
        assertOnlyLinesChanged(t, after, 2, 4);
        assertEquals("550 No", after.effective("SmtpMsgIPBanMaps").value());
        assertEquals("A→1\n", text(tab("B→1\n").rename("B", "A")), "an unquoted name stays unquoted");
    }

    @Test
    void removeDeletesEveryLineOfTheNameAndNothingElse() {
        ServerTab before = fixture(true);
        ServerTab withDup = before.appendRaw(List.of(before.entryLine("MaxMTAOps", "99")));
        ServerTab after = withDup.remove("MaxMTAOps");
        assertFalse(after.has("MaxMTAOps"));
        assertEquals(
                before.document().lines().size() - 1, after.document().lines().size());
        int removed = before.entry("MaxMTAOps").orElseThrow().line();
        for (int i = 1; i <= after.document().lines().size(); i++) {
            int old = i < removed ? i : i + 1;
            assertArrayEquals(
                    before.document().line(old).bytes(),
                    after.document().line(i).bytes(),
                    "line " + i);
        }
        assertSame(before, before.remove("NotThere"));
    }

    @Test
    void removingFromALineXMailSplitsIsRefused() {
        String first = "\"A\"\t\"" + "y".repeat(2041);
        ServerTab t = ServerTab.parse((first + "\"B\"\t\"2\"\n").getBytes(StandardCharsets.ISO_8859_1));
        EditException e = assertThrows(EditException.class, () -> t.remove("B"));
        assertEquals(EditException.Reason.SHARED_LINE, e.reason());
        assertTrue(e.getMessage().contains("line 1"));
    }

    @Test
    void insertAddsWholeLinesInTheDominantEnding() {
        ServerTab t = tab("\"A\"→\"1\"\r\n\"B\"→\"2\"\r\n");
        ServerTab after = t.insertRaw(2, List.of("# inserted", t.entryLine("C", "3")));
        assertEquals("\"A\"→\"1\"\r\n# inserted\r\n\"C\"→\"3\"\r\n\"B\"→\"2\"\r\n", text(after));
        assertEquals(4, after.entry("B").orElseThrow().line());
        EditException e = assertThrows(EditException.class, () -> t.insertRaw(1, List.of("a\rb")));
        assertEquals(EditException.Reason.CONTROL_BYTE, e.reason());
        assertThrows(EditException.class, () -> t.appendRaw(List.of("#" + "x".repeat(2046))));
        assertThrows(IndexOutOfBoundsException.class, () -> t.insertRaw(9, List.of("#")));
        assertSame(t, t.insertRaw(1, List.of()));
    }

    @Test
    void editsLeaveTheOriginalUntouched() {
        ServerTab t = fixture(false);
        byte[] before = t.toBytes();
        t.set("MaxMTAOps", "1")
                .remove("RootDomain")
                .rename("PostMaster", "Postmaster")
                .appendRaw(List.of("#x"));
        assertArrayEquals(before, t.toBytes());
        assertArrayEquals(XMail127Default.bytes("server.tab"), before);
    }
}
