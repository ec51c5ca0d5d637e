package org.xmailkit.migrate.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.migrate.steps.StepTesting.levels;
import static org.xmailkit.migrate.steps.StepTesting.noteKeys;
import static org.xmailkit.migrate.steps.StepTesting.range;
import static org.xmailkit.migrate.steps.StepTesting.run;
import static org.xmailkit.migrate.steps.StepTesting.source;
import static org.xmailkit.migrate.steps.StepTesting.tab;
import static org.xmailkit.migrate.steps.StepTesting.text;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmailkit.migrate.Change;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.StepResult;

/** XMailCFG's split SmtpGwConfig names, its misspelt message names, and SMTP-TLS, which ends in SmtpGwConfig too. */
class XMailCfgStepsTest {

    // ------------------------------------------------------------------ SmtpGwConfig-NeedTLS / -OutBind

    @Test
    void splitNamesAreFoldedIntoOneSmtpGwConfigWhereTheFirstWas() {
        StepResult r = run(new XMailCfgGwConfigStep(), tab("""
                "DefaultSMTPGateways"\t"smtp.isp.example"
                "SmtpGwConfig-OutBind"\t"192.168.1.10"
                "SmtpGwConfig-NeedTLS"\t"2"
                "RootDomain"\t"example.jp"
                """), source("1.26"));

        assertEquals("""
                "DefaultSMTPGateways"\t"smtp.isp.example"
                "SmtpGwConfig"\t"NeedTLS=2,OutBind=192.168.1.10"
                "RootDomain"\t"example.jp"
                """, text(r));
        assertEquals(
                List.of(Change.Kind.RENAME, Change.Kind.REMOVE),
                r.changes().stream().map(Change::kind).toList());
        assertEquals(List.of("note.xmailcfg-gwconfig.nowRead.required"), noteKeys(r));
    }

    @Test
    void needTlsZeroAndEmptyOutBindMeanNothingAndAreRemoved() {
        StepResult r = run(new XMailCfgGwConfigStep(), tab("""
                "SmtpGwConfig-NeedTLS"\t"0"
                "SmtpGwConfig-OutBind"\t""
                "RootDomain"\t"example.jp"
                """), source("1.26"));

        assertEquals("\"RootDomain\"\t\"example.jp\"\n", text(r));
        assertEquals(List.of("note.xmailcfg-gwconfig.nothing"), noteKeys(r));
    }

    @Test
    void partsMergeIntoAnExistingSmtpGwConfigWhoseOwnOptionsWin() {
        StepResult r = run(new XMailCfgGwConfigStep(), tab("""
                "SmtpGwConfig"\t"NeedTLS=1"
                "SmtpGwConfig-NeedTLS"\t"2"
                "SmtpGwConfig-OutBind"\t"10.0.0.5"
                """), source("1.26"));

        assertEquals("\"SmtpGwConfig\"\t\"NeedTLS=1,OutBind=10.0.0.5\"\n", text(r));
        assertEquals(List.of(Note.Level.CONFLICT, Note.Level.BEHAVIOUR), levels(r));
    }

    @Test
    void anUnknownNeedTlsValueIsLeftAlone() {
        String in = "\"SmtpGwConfig-NeedTLS\"\t\"yes\"\n";
        StepResult r = run(new XMailCfgGwConfigStep(), tab(in), source("1.26"));
        assertEquals(in, text(r));
        assertEquals(List.of(Note.Level.DECIDE), levels(r));
    }

    @Test
    void withoutSplitNamesNothingChanges() {
        String in = "\"SmtpGwConfig\"\t\"NeedTLS=2\"\n";
        StepResult r = run(new XMailCfgGwConfigStep(), tab(in), source("1.26"));
        assertEquals(in, text(r));
        assertEquals(List.of(), r.changes());
        assertEquals(List.of(), r.notes());
    }

    // ------------------------------------------------------------------ SMTP-TLS

    @Test
    void smtpTlsOnBecomesSmtpGwConfigNeedTls1InPlace() {
        StepResult r = run(new SmtpTlsStep(), tab("""
                "EnableSMTP-TLS"\t"1"
                "SMTP-TLS"\t"1"
                "RootDomain"\t"example.jp"
                """), source("1.24"));

        assertEquals("""
                "EnableSMTP-TLS"\t"1"
                "SmtpGwConfig"\t"NeedTLS=1"
                "RootDomain"\t"example.jp"
                """, text(r));
        assertEquals(Change.Kind.RENAME, r.changes().get(0).kind());
    }

    @Test
    void smtpTlsOnMergesIntoAnExistingSmtpGwConfig() {
        StepResult r = run(new SmtpTlsStep(), tab("""
                "SmtpGwConfig"\t"OutBind=10.0.0.5"
                "SMTP-TLS"\t"1"
                """), source("1.24"));

        assertEquals("\"SmtpGwConfig\"\t\"OutBind=10.0.0.5,NeedTLS=1\"\n", text(r));
        assertEquals(
                List.of(Change.Kind.SET, Change.Kind.REMOVE),
                r.changes().stream().map(Change::kind).toList());
    }

    @Test
    void smtpTlsYieldsToANeedTlsAlreadyInSmtpGwConfig() {
        StepResult r = run(new SmtpTlsStep(), tab("""
                "SmtpGwConfig"\t"NeedTLS=2"
                "SMTP-TLS"\t"1"
                """), source("1.24"));

        assertEquals("\"SmtpGwConfig\"\t\"NeedTLS=2\"\n", text(r));
        assertEquals(List.of(Note.Level.CONFLICT), levels(r));
    }

    @Test
    void smtpTlsOffIsRemoved() {
        StepResult r = run(new SmtpTlsStep(), tab("\"SMTP-TLS\"\t\"0\"\n"), source("1.24"));
        assertEquals("", text(r));
        assertEquals(List.of("note.smtp-tls.off"), noteKeys(r));
    }

    @Test
    void smtpTlsInAFileFromBefore124WasNeverReadAndIsRemoved() {
        StepResult r = run(new SmtpTlsStep(), tab("\"SMTP-TLS\"\t\"1\"\n"), source("1.22"));
        assertEquals("", text(r));
        assertEquals(List.of("note.dead.range"), noteKeys(r));
    }

    @Test
    void smtpTlsOnThatASourceMayOrMayNotHaveReadIsLeftAndReported() {
        String in = "\"SMTP-TLS\"\t\"1\"\n";
        StepResult r = run(new SmtpTlsStep(), tab(in), range("0.61", "1.27"));
        assertEquals(in, text(r));
        assertEquals(List.of(), r.changes());
        assertEquals(List.of("note.smtp-tls.uncertain"), noteKeys(r));
        assertEquals(List.of(Note.Level.DECIDE), levels(r));
    }

    @Test
    void smtpTlsOffGoesWhateverTheRange() {
        StepResult r = run(new SmtpTlsStep(), tab("\"SMTP-TLS\"\t\"0\"\n"), range("0.61", "1.27"));
        assertEquals("", text(r));
        assertEquals(List.of("note.smtp-tls.off"), noteKeys(r));
    }

    @Test
    void withoutSmtpTlsNothingChanges() {
        String in = "\"SmtpGwConfig\"\t\"NeedTLS=1\"\n";
        StepResult r = run(new SmtpTlsStep(), tab(in), source("1.24"));
        assertEquals(in, text(r));
        assertEquals(List.of(), r.changes());
    }

    // ------------------------------------------------------------------ misspelt message names

    @Test
    void misspeltNamesMoveToTheNamesXMailReads() {
        StepResult r = run(new XMailCfgTyposStep(), tab("""
                "SmtpMsgIPBandMaps"\t"550 Listed in a DNSBL"
                "SmtpMsgIPBanSpammres"\t"550 Access denied"
                """), source("1.26"));

        assertEquals("""
                "SmtpMsgIPBanMaps"\t"550 Listed in a DNSBL"
                "SmtpMsgIPBanSpammers"\t"550 Access denied"
                """, text(r));
        assertEquals(List.of(Note.Level.BEHAVIOUR, Note.Level.BEHAVIOUR), levels(r));
    }

    @Test
    void theCorrectNameWinsAndTheConflictIsReported() {
        StepResult r = run(new XMailCfgTyposStep(), tab("""
                "SmtpMsgIPBanMaps"\t"550 kept"
                "SmtpMsgIPBandMaps"\t"550 dropped"
                """), source("1.26"));

        assertEquals("\"SmtpMsgIPBanMaps\"\t\"550 kept\"\n", text(r));
        assertEquals(List.of(Note.Level.CONFLICT), levels(r));
        assertEquals("550 dropped", r.changes().get(0).oldValue());
    }

    @Test
    void withoutMisspeltNamesNothingChanges() {
        String in = "\"SmtpMsgIPBanMaps\"\t\"550 x\"\n";
        StepResult r = run(new XMailCfgTyposStep(), tab(in), source("1.26"));
        assertEquals(in, text(r));
        assertEquals(List.of(), r.changes());
    }
}
