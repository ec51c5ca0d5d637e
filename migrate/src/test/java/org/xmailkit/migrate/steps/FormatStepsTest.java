package org.xmailkit.migrate.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmailkit.migrate.steps.StepTesting.fwd;
import static org.xmailkit.migrate.steps.StepTesting.levels;
import static org.xmailkit.migrate.steps.StepTesting.noteKeys;
import static org.xmailkit.migrate.steps.StepTesting.range;
import static org.xmailkit.migrate.steps.StepTesting.run;
import static org.xmailkit.migrate.steps.StepTesting.source;
import static org.xmailkit.migrate.steps.StepTesting.tab;
import static org.xmailkit.migrate.steps.StepTesting.text;
import static org.xmailkit.migrate.steps.StepTesting.withFwd;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmailkit.migrate.Change;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.MailRootFile;

/** Value formats that changed: gateway list separators (1.24), SmtpConfig tokens (1.26), 3-field lines. */
class FormatStepsTest {

    // ------------------------------------------------------------------ gateway lists

    @Test
    void oldGatewayListBecomesSemicolonSeparated() {
        StepResult r = run(new GatewaySeparatorStep(), tab("""
                "DefaultSMTPGateways"\t"gw1.isp.example,gw2.isp.example:2525,[2001:db8::1]:25"
                """), source("1.22"));

        assertEquals("\"DefaultSMTPGateways\"\t\"gw1.isp.example;gw2.isp.example:2525;[2001:db8::1]:25\"\n", text(r));
        Change c = r.changes().get(0);
        assertEquals(Change.Kind.SET, c.kind());
        assertEquals(1, c.line());
    }

    @Test
    void smtpfwdGatewayColumnIsConvertedAndTheOptionsColumnKept() {
        StepResult r = run(new GatewaySeparatorStep(), withFwd(tab(""), """
                # forwarders
                "partner.example"\t"#mx1.partner.example,mx2.partner.example"\t"NeedTLS=2"
                "other.example"\t"relay.other.example"
                """), source("1.11"));

        assertEquals("""
                # forwarders
                "partner.example"\t"#mx1.partner.example;mx2.partner.example"\t"NeedTLS=2"
                "other.example"\t"relay.other.example"
                """, fwd(r));
        Change c = r.changes().get(0);
        assertEquals(MailRootFile.SMTP_FWD, c.file());
        assertEquals(2, c.line());
        assertEquals("partner.example", c.name());
    }

    @Test
    void aGatewayWithOptionsIsNotALegacyList() {
        String in = "\"DefaultSMTPGateways\"\t\"gw1.isp.example,NeedTLS=2\"\n";
        StepResult r = run(new GatewaySeparatorStep(), tab(in), source("1.22"));
        assertEquals(in, text(r));
        assertEquals(List.of(), r.notes());
    }

    @Test
    void aMixOfHostsAndOtherTextIsReportedNotGuessed() {
        String in = "\"DefaultSMTPGateways\"\t\"gw1.isp.example,gw2 backup,NeedTLS=1\"\n";
        StepResult r = run(new GatewaySeparatorStep(), tab(in), source("1.22"));
        assertEquals(in, text(r));
        assertEquals(List.of("note.gateway-separator.notOnlyHosts"), noteKeys(r));
    }

    @Test
    void aListTheSourceAlreadyReadThe124WayIsLeftAndReported() {
        String in = "\"DefaultSMTPGateways\"\t\"192.168.1.2,192.168.1.15\"\n";
        StepResult r = run(new GatewaySeparatorStep(), tab(in), source("1.25"));
        assertEquals(in, text(r));
        assertEquals(List.of("note.gateway-separator.readSince124"), noteKeys(r));
    }

    @Test
    void aSourceOnEitherSideOf124LeavesTheListAndAsks() {
        String in = "DefaultSMTPGateways\ta,b\n";
        String fwd = "\"partner.example\"\t\"mx1.partner.example,mx2.partner.example\"\n";
        StepResult r = run(new GatewaySeparatorStep(), withFwd(tab(in), fwd), range("1.11", "1.27"));

        assertEquals(in, text(r));
        assertEquals(fwd, fwd(r));
        assertEquals(List.of(), r.changes());
        assertEquals(List.of("note.gateway-separator.uncertain", "note.gateway-separator.uncertain"), noteKeys(r));
        assertEquals(List.of(Note.Level.DECIDE, Note.Level.DECIDE), levels(r));
    }

    @Test
    void aSourceCertainlyBefore124IsConvertedWhateverTheRangeWidth() {
        StepResult r = run(new GatewaySeparatorStep(), tab("DefaultSMTPGateways\ta,b\n"), range("0.61", "1.23"));
        assertEquals("DefaultSMTPGateways\ta;b\n", text(r));
    }

    @Test
    void newStyleListsChangeNothing() {
        String in = "\"DefaultSMTPGateways\"\t\"gw1;gw2,NeedTLS=1\"\n";
        StepResult r = run(new GatewaySeparatorStep(), withFwd(tab(in), "\"d\"\t\"a;b\"\n"), source("1.22"));
        assertEquals(in, text(r));
        assertEquals("\"d\"\t\"a;b\"\n", fwd(r));
        assertEquals(List.of(), r.changes());
        assertEquals(List.of(), r.notes());
    }

    // ------------------------------------------------------------------ SmtpConfig tokens

    @Test
    void smtpConfigTokensAreNormalisedWhenTheSourceMayPredate126() {
        StepResult r = run(new SmtpConfigTokensStep(), tab("""
                "SmtpConfig"\t"Mail-Auth"
                "SmtpConfig-192.168.1.17,587"\t"mail-auth, WantTLS"
                "SmtpConfig-10.0.0.1"\t"MailAuth"
                """), source("1.22"));

        assertEquals("""
                "SmtpConfig"\t"mail-auth"
                "SmtpConfig-192.168.1.17,587"\t"mail-auth,WantTLS"
                "SmtpConfig-10.0.0.1"\t"MailAuth"
                """, text(r));
        assertEquals(2, r.changes().size());
        assertEquals(List.of(1, 2), r.changes().stream().map(Change::line).toList());
    }

    @Test
    void tokensOfASourceOnEitherSideOf126AreLeftAndReported() {
        String in = "\"SmtpConfig\"\t\"Mail-Auth\"\n";
        StepResult r = run(new SmtpConfigTokensStep(), tab(in), range("1.24", "1.27"));
        assertEquals(in, text(r));
        assertEquals(List.of("note.smtpconfig-tokens.uncertain"), noteKeys(r));
        assertEquals(List.of(Note.Level.DECIDE), levels(r));
    }

    @Test
    void aTokenThe126SourceAlreadyIgnoredIsReportedNotSwitchedOn() {
        String in = "\"SmtpConfig\"\t\"Mail-Auth\"\n";
        StepResult r = run(new SmtpConfigTokensStep(), tab(in), source("1.26"));
        assertEquals(in, text(r));
        assertEquals(List.of(Note.Level.DECIDE), levels(r));
    }

    @Test
    void aDifferenceThat127ReadsTheSameWayIsLeftAlone() {
        String in = "\"SmtpConfig\"\t\"mail-auth,,WantTLS=1\"\n";
        StepResult r = run(new SmtpConfigTokensStep(), tab(in), source("1.22"));
        assertEquals(in, text(r));
        assertEquals(List.of(), r.notes());
    }

    // ------------------------------------------------------------------ lines with 3+ fields

    @Test
    void linesWithThreeFieldsAreReportedForOldSources() {
        String in = "\"MaxMTAOps\"\t\"32\"\t\"# was 16\"\n\"RootDomain\"\t\"x.jp\"\n";
        StepResult r = run(new ThreeTokenLinesStep(), tab(in), source("1.22"));
        assertEquals(in, text(r));
        assertEquals(List.of(Note.Level.DECIDE), levels(r));
        assertEquals(1, r.notes().get(0).line());
        assertTrue(r.changes().isEmpty());
    }

    @Test
    void linesWithThreeFieldsAreNotNewsForSources124AndLater() {
        StepResult r = run(new ThreeTokenLinesStep(), tab("\"MaxMTAOps\"\t\"32\"\t\"x\"\n"), source("1.24"));
        assertEquals(List.of(), r.notes());
    }
}
