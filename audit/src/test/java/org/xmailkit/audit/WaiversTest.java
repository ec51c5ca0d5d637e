package org.xmailkit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.testing.TestRules;

class WaiversTest {

    private static final Set<String> RULES = Set.of("SEC-901", "CFG-903");

    private static Waivers parse(String text) throws WaiverException {
        return Waivers.parse("waivers.txt", text.getBytes(StandardCharsets.UTF_8), RULES);
    }

    private static WaiverException error(String text) {
        return assertThrows(WaiverException.class, () -> parse(text));
    }

    @Test
    void readsRuleGlobExpiryAndReasonSkippingCommentsAndBlanks() throws Exception {
        Waivers w = parse("""
                # RULE   PATH                  [expires=]          REASON

                SEC-901  mail01/server.tab     expires=2026-03-31  the fax gateway needs it
                cfg-903\t"Program Files/x/*.tab"\tkept on purpose, see ticket 12
                """);
        assertEquals(2, w.entries().size());
        Waivers.Waiver a = w.entries().get(0);
        assertEquals("SEC-901", a.rule());
        assertEquals("mail01/server.tab", a.pathGlob());
        assertEquals(LocalDate.of(2026, 3, 31), a.expires());
        assertEquals("the fax gateway needs it", a.reason());
        assertEquals("waivers.txt:3", a.source());
        Waivers.Waiver b = w.entries().get(1);
        assertEquals("CFG-903", b.rule());
        assertEquals("Program Files/x/*.tab", b.pathGlob());
        assertNull(b.expires());
        assertEquals("kept on purpose, see ticket 12", b.reason());
        assertEquals("waivers.txt:4", b.source());
    }

    @Test
    void waiverWithoutReasonIsAnErrorNamingFileAndLine() {
        WaiverException e = error("# waivers\nSEC-901  server.tab  expires=2026-01-01   \n");
        assertEquals(2, e.line());
        assertEquals("waiver.error.noReason", e.text().key());
        assertTrue(e.oneLine(Locale.ENGLISH).startsWith("waivers.txt:2: "), e.oneLine(Locale.ENGLISH));
        assertTrue(e.oneLine(Locale.JAPANESE).contains("理由"), e.oneLine(Locale.JAPANESE));
    }

    @Test
    void unknownOrMalformedRuleBadDateAndMissingGlobAreErrors() {
        assertEquals(
                "waiver.error.unknownRule",
                error("SEC-999 server.tab reason\n").text().key());
        assertEquals(
                "waiver.error.badRule",
                error("relay server.tab reason\n").text().key());
        assertEquals(
                "waiver.error.badDate",
                error("SEC-901 server.tab expires=2026-13-01 reason\n").text().key());
        assertEquals("waiver.error.noPath", error("SEC-901\n").text().key());
        assertEquals(
                "waiver.error.unterminatedQuote",
                error("SEC-901 \"a b reason\n").text().key());
    }

    @Test
    void japaneseReasonsReadFromShiftJisAndUtf8WithBom() throws Exception {
        String text = "SEC-901\tserver.tab\t社内中継のため (申請 42)\r\n";
        Waivers sjis = Waivers.parse("w", text.getBytes(Charset.forName("windows-31j")), RULES);
        assertEquals("社内中継のため (申請 42)", sjis.entries().get(0).reason());
        Waivers bom = Waivers.parse("w", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8), RULES);
        assertEquals("SEC-901", bom.entries().get(0).rule());
    }

    @Test
    void activeWaiverWinsOverAnEarlierExpiredOneAndExpiryDayStillCounts() throws Exception {
        Waivers w = parse("""
                SEC-901  server.tab  expires=2025-01-31  old exception
                SEC-901  server.tab  expires=2025-06-30  renewed exception
                """);
        Finding f = Finding.of(
                TestRules.info("SEC-901"),
                Location.line(Path.of("/srv/m/server.tab"), 3, "BadX"),
                TestRules.info("SEC-901").message("bad", "BadX", "1"));
        assertEquals(
                "renewed exception",
                w.find(f, LocalDate.of(2025, 3, 1)).orElseThrow().reason());
        Suppression lastDay = w.find(f, LocalDate.of(2025, 6, 30)).orElseThrow().suppression(LocalDate.of(2025, 6, 30));
        assertFalse(lastDay.expired());
        Waivers.Waiver after = w.find(f, LocalDate.of(2025, 7, 1)).orElseThrow();
        assertEquals("old exception", after.reason());
        assertTrue(after.suppression(LocalDate.of(2025, 7, 1)).expired());
    }

    @Test
    void waiverCoversOnlyItsRuleAndPath() throws Exception {
        Waivers w = parse("SEC-901 mail01/server.tab reason\n");
        Finding here = Finding.of(
                TestRules.info("SEC-901"),
                Location.line(Path.of("/f/mail01/server.tab"), 1, ""),
                TestRules.info("TLS-902").message("always"));
        Finding elsewhere = Finding.of(
                TestRules.info("SEC-901"),
                Location.line(Path.of("/f/mail02/server.tab"), 1, ""),
                TestRules.info("TLS-902").message("always"));
        Finding otherRule = Finding.of(
                TestRules.info("CFG-903"),
                Location.line(Path.of("/f/mail01/server.tab"), 1, ""),
                TestRules.info("TLS-902").message("always"));
        LocalDate today = LocalDate.of(2025, 1, 1);
        assertTrue(w.find(here, today).isPresent());
        assertTrue(w.find(elsewhere, today).isEmpty());
        assertTrue(w.find(otherRule, today).isEmpty());
    }
}
