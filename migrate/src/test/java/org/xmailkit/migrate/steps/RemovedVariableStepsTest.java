package org.xmailkit.migrate.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmailkit.migrate.steps.StepTesting.levels;
import static org.xmailkit.migrate.steps.StepTesting.noteKeys;
import static org.xmailkit.migrate.steps.StepTesting.range;
import static org.xmailkit.migrate.steps.StepTesting.run;
import static org.xmailkit.migrate.steps.StepTesting.source;
import static org.xmailkit.migrate.steps.StepTesting.tab;
import static org.xmailkit.migrate.steps.StepTesting.text;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.xmailkit.migrate.Change;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.StepResult;

/** The steps for variables 1.27 no longer reads: DynDnsSetup, SMTP-RARPCheck, HeloUseRootDomain, *-MAPSCheck. */
class RemovedVariableStepsTest {

    // ------------------------------------------------------------------ DynDnsSetup

    @Test
    void dynDnsSetupIsRemovedWithoutShowingItsValue() {
        StepResult r = run(new DynDnsSetupStep(), tab("""
                "RootDomain"\t"example.jp"
                "DynDnsSetup"\t"members.dyn.example,80,/nic/update?ip=%s,alice,s3cret"
                "PostMaster"\t"root@example.jp"
                """), source("1.22"));

        assertEquals("""
                "RootDomain"\t"example.jp"
                "PostMaster"\t"root@example.jp"
                """, text(r));
        Change c = r.changes().get(0);
        assertEquals(Change.Kind.REMOVE, c.kind());
        assertEquals(2, c.line());
        assertTrue(c.secret());
        assertNull(c.oldValue());
        assertEquals(List.of(Note.Level.BEHAVIOUR, Note.Level.DECIDE), levels(r));
        for (Note n : r.notes()) {
            assertFalse(n.text().render(Locale.ENGLISH).contains("s3cret"));
            assertFalse(n.text().render(Locale.JAPANESE).contains("s3cret"));
        }
    }

    @Test
    void dynDnsSetupDuplicatesAllGo() {
        StepResult r = run(new DynDnsSetupStep(), tab("""
                "DynDnsSetup"\t"a"
                # comment
                "DynDnsSetup"\t"b"
                """), source("1.0"));

        assertEquals("# comment\n", text(r));
        assertEquals(2, r.changes().size());
    }

    @Test
    void withoutDynDnsSetupNothingChanges() {
        String in = "\"RootDomain\"\t\"example.jp\"\n";
        StepResult r = run(new DynDnsSetupStep(), tab(in), source("1.22"));
        assertEquals(in, text(r));
        assertEquals(List.of(), r.changes());
        assertEquals(List.of(), r.notes());
    }

    // ------------------------------------------------------------------ SMTP-RARPCheck

    @Test
    void rarpCheckIsRenamedKeepingValueAndLayout() {
        StepResult r = run(new RarpCheckStep(), tab("""
                # reverse DNS
                SMTP-RARPCheck\t1
                "RootDomain"\t"example.jp"
                """), source("0.54"));

        assertEquals("""
                # reverse DNS
                SMTP-RDNSCheck\t1
                "RootDomain"\t"example.jp"
                """, text(r));
        Change c = r.changes().get(0);
        assertEquals(Change.Kind.RENAME, c.kind());
        assertEquals("SMTP-RARPCheck", c.name());
        assertEquals("SMTP-RDNSCheck", c.newName());
        assertEquals("1", c.oldValue());
        assertEquals("1", c.newValue());
        assertEquals(List.of("note.rename-rarp-check.refuse"), noteKeys(r));
    }

    @Test
    void rarpCheckGivesWayToAnExistingRdnsCheckAndReportsTheConflict() {
        StepResult r = run(new RarpCheckStep(), tab("""
                "SMTP-RARPCheck"\t"1"
                "SMTP-RDNSCheck"\t"-10"
                """), source("0.54"));

        assertEquals("\"SMTP-RDNSCheck\"\t\"-10\"\n", text(r));
        assertEquals(List.of(Note.Level.CONFLICT), levels(r));
    }

    @Test
    void rarpCheckThatNoSourceVersionReadIsRemovedNotRenamed() {
        StepResult r = run(new RarpCheckStep(), tab("""
                "SMTP-RARPCheck"\t"1"
                "RootDomain"\t"example.jp"
                """), source("1.22"));

        assertEquals("\"RootDomain\"\t\"example.jp\"\n", text(r));
        assertEquals(Change.Kind.REMOVE, r.changes().get(0).kind());
        assertEquals(List.of("note.dead"), noteKeys(r));
    }

    @Test
    void rarpCheckDeadDuplicateIsDroppedWhenRenaming() {
        StepResult r = run(new RarpCheckStep(), tab("""
                "SMTP-RARPCheck"\t"0"
                "SMTP-RARPCheck"\t"1"
                """), source("0.54"));

        assertEquals("\"SMTP-RDNSCheck\"\t\"0\"\n", text(r));
        assertEquals(
                List.of(Change.Kind.RENAME, Change.Kind.REMOVE),
                r.changes().stream().map(Change::kind).toList());
        assertEquals(List.of(), r.notes());
    }

    @Test
    void anEnabledRarpCheckASourceMayOrMayNotHaveReadIsLeftAndReported() {
        String in = "\"SMTP-RARPCheck\"\t\"1\"\n";
        StepResult r = run(new RarpCheckStep(), tab(in), range("0.50", "1.27"));

        assertEquals(in, text(r));
        assertEquals(List.of(), r.changes());
        assertEquals(List.of("note.rename-rarp-check.uncertain"), noteKeys(r));
        assertEquals(List.of(Note.Level.DECIDE), levels(r));
    }

    @Test
    void aDisabledRarpCheckReadsTheSameOnEitherSideAndIsRenamed() {
        StepResult r = run(new RarpCheckStep(), tab("\"SMTP-RARPCheck\"\t\"0\"\n"), range("0.50", "1.27"));
        assertEquals("\"SMTP-RDNSCheck\"\t\"0\"\n", text(r));
        assertEquals(List.of(), r.notes());
    }

    @Test
    void withoutRarpCheckNothingChanges() {
        String in = "\"SMTP-RDNSCheck\"\t\"1\"\n";
        StepResult r = run(new RarpCheckStep(), tab(in), source("0.54"));
        assertEquals(in, text(r));
        assertEquals(List.of(), r.changes());
    }

    // ------------------------------------------------------------------ HeloUseRootDomain

    @Test
    void heloUseRootDomainOnCarriesTheRootDomainValue() {
        StepResult r = run(new HeloRootDomainStep(), tab("""
                "RootDomain"\t"mail.example.jp"
                "HeloUseRootDomain"\t"1"
                """), source("0.68"));

        assertEquals("""
                "RootDomain"\t"mail.example.jp"
                "HeloDomain"\t"mail.example.jp"
                """, text(r));
        Change c = r.changes().get(0);
        assertEquals(Change.Kind.RENAME, c.kind());
        assertEquals("1", c.oldValue());
        assertEquals("mail.example.jp", c.newValue());
    }

    @Test
    void heloUseRootDomainOffHasNothingToCarry() {
        StepResult r = run(new HeloRootDomainStep(), tab("""
                "RootDomain"\t"mail.example.jp"
                "HeloUseRootDomain"\t"0"
                """), source("0.70"));

        assertEquals("\"RootDomain\"\t\"mail.example.jp\"\n", text(r));
        assertEquals(List.of("note.helo-root-domain.off"), noteKeys(r));
    }

    @Test
    void heloUseRootDomainOnWithoutRootDomainAsksForADecision() {
        StepResult r = run(new HeloRootDomainStep(), tab("\"HeloUseRootDomain\"\t\"1\"\n"), source("0.68"));

        assertEquals("", text(r));
        assertEquals(List.of(Note.Level.DECIDE), levels(r));
    }

    @Test
    void existingHeloDomainWins() {
        StepResult r = run(new HeloRootDomainStep(), tab("""
                "RootDomain"\t"a.example.jp"
                "HeloUseRootDomain"\t"1"
                "HeloDomain"\t"b.example.jp"
                """), source("0.70"));

        assertEquals("""
                "RootDomain"\t"a.example.jp"
                "HeloDomain"\t"b.example.jp"
                """, text(r));
        assertEquals(List.of(Note.Level.CONFLICT), levels(r));
    }

    @Test
    void anEnabledHeloUseRootDomainASourceMayOrMayNotHaveReadIsLeftAndReported() {
        String in = "\"RootDomain\"\t\"a.example.jp\"\n\"HeloUseRootDomain\"\t\"1\"\n";
        StepResult r = run(new HeloRootDomainStep(), tab(in), range("0.61", "1.27"));

        assertEquals(in, text(r));
        assertEquals(List.of("note.helo-root-domain.uncertain"), noteKeys(r));
        assertEquals(List.of(Note.Level.DECIDE), levels(r));
    }

    @Test
    void aDisabledHeloUseRootDomainReadsTheSameOnEitherSideAndGoes() {
        StepResult r = run(new HeloRootDomainStep(), tab("\"HeloUseRootDomain\"\t\"0\"\n"), range("0.61", "1.27"));
        assertEquals("", text(r));
        assertEquals(List.of("note.helo-root-domain.off"), noteKeys(r));
    }

    @Test
    void withoutHeloUseRootDomainNothingChanges() {
        String in = "\"RootDomain\"\t\"a.example.jp\"\n";
        StepResult r = run(new HeloRootDomainStep(), tab(in), source("0.68"));
        assertEquals(in, text(r));
        assertEquals(List.of(), r.changes());
    }

    // ------------------------------------------------------------------ *-MAPSCheck

    @Test
    void enabledMapsChecksAreRemovedAndReportedWithTheEquivalentCode() {
        StepResult r = run(new MapsCheckStep(), tab("""
                "RootDomain"\t"example.jp"
                "RBL-MAPSCheck"\t"1"
                "RSS-MAPSCheck"\t"-20"
                "DUL-MAPSCheck"\t"1"
                "ORBS-MAPSCheck"\t"0"
                "CustMapsList"\t"bl.example.org:1,"
                """), source("1.0"));

        assertEquals("""
                "RootDomain"\t"example.jp"
                "CustMapsList"\t"bl.example.org:1,"
                """, text(r), "nothing is added to CustMapsList");
        assertEquals(4, r.changes().size());
        assertEquals(
                List.of(
                        "note.maps-check.on.reject",
                        "note.maps-check.on.delay",
                        "note.maps-check.on.auth",
                        "note.maps-check.off"),
                noteKeys(r));
        assertEquals(List.of("RBL-MAPSCheck", "1", "1"), r.notes().get(0).text().args());
        assertEquals(
                List.of("RSS-MAPSCheck", "20", "-20"), r.notes().get(1).text().args());
        assertEquals(List.of("DUL-MAPSCheck", "1", "0"), r.notes().get(2).text().args());
    }

    @Test
    void mapsCheckTheSourceNoLongerReadIsRemovedAsDead() {
        StepResult r = run(new MapsCheckStep(), tab("\"RBL-MAPSCheck\"\t\"1\"\n"), source("1.12"));
        assertEquals("", text(r));
        assertEquals(List.of("note.dead"), noteKeys(r), "RBL-MAPSCheck was removed in 1.6");
    }

    @Test
    void disabledMapsCheckIsRemovedAsInformation() {
        StepResult r = run(new MapsCheckStep(), tab("\"RBL-MAPSCheck\"\t\"0\"\n"), source("1.0"));
        assertEquals("", text(r));
        assertEquals(List.of("note.maps-check.off"), noteKeys(r));
    }

    @Test
    void withoutMapsChecksNothingChanges() {
        String in = "\"CustMapsList\"\t\"bl.example.org:1\"\n";
        StepResult r = run(new MapsCheckStep(), tab(in), source("1.0"));
        assertEquals(in, text(r));
        assertEquals(List.of(), r.changes());
        assertEquals(List.of(), r.notes());
    }
}
