package org.xmailkit.report.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.FleetAuditor;
import org.xmailkit.audit.FleetResult;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.testing.TestRules;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.report.FleetFixture;

class TextWriterTest {

    @TempDir
    Path tmp;

    private static String write(FleetResult fleet, Locale locale, boolean colour, boolean quiet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TextWriter(locale, StandardCharsets.UTF_8, colour, quiet, Optional.of(Severity.HIGH)).write(fleet, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void groupsByServerThenSeverityThenRuleWithTheFixOnceAndWaivedFindingsLast() throws Exception {
        String text = write(FleetFixture.fleet(tmp), Locale.ENGLISH, false, false);
        String mail01 = text.substring(text.indexOf("== fleet/mail01 =="), text.indexOf("== fleet/本社 mail =="));
        int critical = mail01.indexOf("Critical (1)");
        int high = mail01.indexOf("High (1)");
        int waived = mail01.indexOf("Waived (3)");
        assertTrue(critical > 0 && high > critical && waived > high, mail01);
        assertTrue(
                mail01.contains("  SEC-901  Variable named Bad\n    fleet/mail01/server.tab:4: variable BadTab is "
                        + "set to a\n"
                        + "      | \"BadTab\"<TAB>\"a<TAB>b\"\n    Fix:\n      \"BadThing\"<TAB>\"0\"\n"),
                mail01);
        assertTrue(mail01.contains("waived (server.tab:2): the old webmail reads it"), mail01);
        assertTrue(mail01.contains("waived (waivers.txt:1, until 2025-12-31): partner network, contract 7"), mail01);
        assertTrue(
                mail01.contains("fleet/mail01/ctrlaccounts.tab:1: XMail does not read this line as a comment"), mail01);
        assertTrue(text.contains("Waiver expired on 2025-01-31 (waivers.txt:2): until the upgrade"), text);
        assertTrue(text.contains("== fleet/broken ==\nCould not be audited: fleet/broken/server.tab: "), text);
        assertTrue(text.contains("Waiver matched nothing: waivers.txt:3 (UPG-904 nowhere/**)"), text);
        assertTrue(
                text.contains("Servers audited: 2, failed: 2. Findings: 1 critical, 2 high, 0 medium, 0 low, 0 "
                        + "info; 3 waived"),
                text);
        assertTrue(text.contains("--fail-on high: findings at or above high"), text);
        assertFalse(text.contains("\u001B["), "no colour unless asked");
    }

    @Test
    void colourOnlyWhenAsked() throws Exception {
        String text = write(FleetFixture.fleet(tmp), Locale.ENGLISH, true, false);
        assertTrue(text.contains("\u001B[1;31mCritical (1)\u001B[0m"), text);
    }

    @Test
    void quietPrintsOneLinePerUnsuppressedFindingOnly() throws Exception {
        String text = write(FleetFixture.fleet(tmp), Locale.ENGLISH, false, true);
        assertEquals(
                List.of(
                        "fleet/mail01/ctrlaccounts.tab:2: critical SEC-905: control account admin",
                        "fleet/mail01/server.tab:4: high SEC-901: variable BadTab is set to a",
                        "fleet/本社 mail/server.tab:1: high SEC-901: variable BadOld is set to 1"),
                text.lines().toList());
    }

    @Test
    void japaneseLabels() throws Exception {
        String text = write(FleetFixture.fleet(tmp), Locale.JAPANESE, false, false);
        assertTrue(text.contains("緊急 (1)"), text);
        assertTrue(text.contains("除外済み (3 件)"), text);
        assertTrue(text.contains("監査したサーバ 2 台、失敗 2 台"), text);
    }

    @Test
    void controlCharactersInPathsAndValuesAreShownNotSentEvenInColour() throws Exception {
        Path root = MailRootFixture.in(tmp.resolve("fleet/x\u001B]0;pwned\u0007\u202Egnp.exe"))
                .bytes("server.tab", "\"BadEsc\"\t\"\u009B2J\u001B[5mred\"\n".getBytes(StandardCharsets.ISO_8859_1))
                .write();
        FleetResult fleet = new FleetAuditor(new Auditor(TestRules.ALL), 1)
                .audit(List.of(root), tmp, AuditOptions.defaults().withClock(FleetFixture.CLOCK), s -> {});
        for (boolean quiet : List.of(false, true)) {
            String text = write(fleet, Locale.ENGLISH, true, quiet);
            String withoutColours = text;
            for (String colour : List.of("0", "1", "2", "1;31", "31", "33", "36")) {
                withoutColours = withoutColours.replace("\u001B[" + colour + "m", "");
            }
            for (char c : new char[] {'\u001B', '\u0007', '\u009B', '\u202E'}) {
                assertFalse(withoutColours.indexOf(c) >= 0, "U+" + Integer.toHexString(c) + " sent:\n" + text);
            }
            assertTrue(text.contains("fleet/x\\x1B]0;pwned\\x07\\u202Egnp.exe"), text);
            assertTrue(text.contains("\\x9B2J\\x1B[5mred"), "a raw 0x9B byte of a Latin-1 file\n" + text);
        }
        String evidence = "\u001B[2m      | \"BadEsc\"<TAB>\"\\x9B2J\\x1B[5mred\"\u001B[0m\n";
        assertTrue(write(fleet, Locale.ENGLISH, true, false).contains(evidence), "the line quoted, TABs shown");
        assertTrue(
                write(fleet, Locale.ENGLISH, false, true)
                        .contains(".exe/server.tab:1: high SEC-901: variable BadEsc is set to \\x9B2J\\x1B[5mred\n"),
                "the quiet line");
    }
}
