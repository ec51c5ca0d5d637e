package org.xmailkit.migrate.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmailkit.migrate.steps.StepTesting.levels;
import static org.xmailkit.migrate.steps.StepTesting.noteKeys;
import static org.xmailkit.migrate.steps.StepTesting.range;
import static org.xmailkit.migrate.steps.StepTesting.run;
import static org.xmailkit.migrate.steps.StepTesting.source;
import static org.xmailkit.migrate.steps.StepTesting.tab;
import static org.xmailkit.migrate.steps.StepTesting.text;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xmailkit.migrate.Change;
import org.xmailkit.migrate.DefaultsPolicy;
import org.xmailkit.migrate.FixSelection;
import org.xmailkit.migrate.MigrationOptions;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.Remedy;
import org.xmailkit.migrate.ServerFiles;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TextEncoding;
import org.xmailkit.model.XMailVersion;

/** Changed defaults, the localized build's settings, and --fix. */
class TargetStepsTest {

    private static final MigrationOptions ADOPT = MigrationOptions.standard().withDefaults(DefaultsPolicy.ADOPT);
    private static final MigrationOptions LOCALIZED =
            MigrationOptions.standard().withTarget(XMailVersion.V1_27_LOCALIZED);

    // ------------------------------------------------------------------ changed defaults

    @Test
    void preserveWritesTheOldDefaultsExplicitlyAtTheEnd() {
        StepResult r = run(new ChangedDefaultsStep(), tab("""
                "RootDomain"\t"example.jp"
                """), source("1.22"));

        assertEquals("""
                "RootDomain"\t"example.jp"
                "DefaultSmtpPerms"\t"MR"
                "EnableSMTP-TLS"\t"0"
                "EnablePOP3-TLS"\t"0"
                "EnableCTRL-TLS"\t"0"
                """, text(r));
        assertTrue(r.changes().stream().allMatch(c -> c.kind() == Change.Kind.ADD && c.line() == 0));
    }

    @Test
    void aSourceBefore14KeepsMailWithoutTheAuthUserHeader() {
        StepResult r = run(new ChangedDefaultsStep(), tab("\"RootDomain\"\t\"x.jp\"\n"), source("1.0"));
        assertTrue(text(r).endsWith("\"DisableEmitAuthUser\"\t\"1\"\n"), text(r));

        StepResult unsure = run(new ChangedDefaultsStep(), tab("\"RootDomain\"\t\"x.jp\"\n"), range("1.0", "1.26"));
        assertTrue(!text(unsure).contains("DisableEmitAuthUser"));
        assertTrue(noteKeys(unsure).contains("note.changed-defaults.authuser.uncertain"));
    }

    @Test
    void adoptWritesNothingAndReportsEachBehaviourChange() {
        String in = "\"RootDomain\"\t\"example.jp\"\n";
        StepResult r = run(new ChangedDefaultsStep(), tab(in), source("1.22"), ADOPT);

        assertEquals(in, text(r));
        assertEquals(List.of("note.changed-defaults.perms.adopted", "note.changed-defaults.tls.adopted"), noteKeys(r));
        assertEquals(List.of(Note.Level.BEHAVIOUR, Note.Level.BEHAVIOUR), levels(r));
        assertEquals(
                "EnableSMTP-TLS, EnablePOP3-TLS, EnableCTRL-TLS",
                r.notes().get(1).text().args().get(0));
    }

    @Test
    void a126SourceOnlyNeedsDefaultSmtpPerms() {
        StepResult r = run(new ChangedDefaultsStep(), tab("RootDomain\texample.jp\n"), source("1.26"));
        assertEquals("RootDomain\texample.jp\nDefaultSmtpPerms\tMR\n", text(r), "the file's unquoted style is kept");
    }

    @Test
    void tlsSwitchesAreNotWrittenWhenTheSourceMayAlreadyHaveTls() {
        StepResult r = run(new ChangedDefaultsStep(), tab("\"RootDomain\"\t\"x.jp\"\n"), range("1.11", "1.26"));
        assertEquals("\"RootDomain\"\t\"x.jp\"\n\"DefaultSmtpPerms\"\t\"MR\"\n", text(r));
        assertEquals(
                List.of("note.changed-defaults.perms.preserved", "note.changed-defaults.tls.uncertain"), noteKeys(r));
        assertEquals(Note.Level.DECIDE, r.notes().get(1).level());
    }

    @Test
    void noDefaultIsWrittenWhenTheRangeHoldsVersionsOnBothSidesOfItsChangeWhateverThePolicy() {
        String in = "\"RootDomain\"\t\"x.jp\"\n";
        for (MigrationOptions o : List.of(MigrationOptions.standard(), ADOPT)) {
            StepResult r = run(new ChangedDefaultsStep(), tab(in), range("0.61", "1.27"), o);
            assertEquals(in, text(r));
            assertEquals(
                    List.of(
                            "note.changed-defaults.perms.uncertain",
                            "note.changed-defaults.tls.uncertain",
                            "note.changed-defaults.authuser.uncertain"),
                    noteKeys(r));
            assertEquals(List.of(Note.Level.DECIDE, Note.Level.DECIDE, Note.Level.DECIDE), levels(r));
        }
    }

    @Test
    void explicitSettingsAndA127SourceChangeNothing() {
        String in = """
                "DefaultSmtpPerms"\t"MRV"
                "EnableSMTP-TLS"\t"1"
                "EnablePOP3-TLS"\t"1"
                "EnableCTRL-TLS"\t"0"
                """;
        assertEquals(
                List.of(),
                run(new ChangedDefaultsStep(), tab(in), source("1.22")).changes());
        StepResult r = run(new ChangedDefaultsStep(), tab(""), source("1.27"));
        assertEquals(List.of(), r.changes());
        assertEquals(List.of(), r.notes());
    }

    // ------------------------------------------------------------------ localized build

    @Test
    void localizedTargetWritesBothRulesUnderAnAsciiHeaderInAnAsciiFile() {
        StepResult r =
                run(new LocalizedSettingsStep(), tab("\"RootDomain\"\t\"example.jp\"\n"), source("1.27"), LOCALIZED);

        assertEquals("""
                "RootDomain"\t"example.jp"

                # [Localized build only] read by the updated, localized XMail 1.27; the original build ignores these
                "SMTPLocalRule1"\t"0"
                "SMTPLocalRule2"\t"0"
                """, text(r));
        assertEquals(
                List.of(Change.Kind.COMMENT, Change.Kind.ADD, Change.Kind.ADD),
                r.changes().stream().map(Change::kind).toList());
    }

    @Test
    void localizedTargetWritesAJapaneseHeaderInAShiftJisFileAndKeepsCrlf() {
        byte[] in = "\"SmtpMsgIPBan\"\t\"550 アクセス拒否\"\r\n".getBytes(TextEncoding.WINDOWS_31J);
        ServerFiles f = ServerFiles.of(ServerTab.parse(in));
        assertEquals(TextEncoding.WINDOWS_31J, f.serverTab().charset());

        StepResult r = run(
                new LocalizedSettingsStep(),
                f,
                source("1.27"),
                LOCALIZED.withLocalRules(Optional.of(true), Optional.empty()));

        String out = new String(r.files().serverTab().toBytes(), TextEncoding.WINDOWS_31J);
        assertEquals(
                "\"SmtpMsgIPBan\"\t\"550 アクセス拒否\"\r\n\r\n"
                        + "# [ローカライズ版専用設定] アップデート・ローカライズ版 XMail 1.27 だけが読む設定です (オリジナル版では無視されます)\r\n"
                        + "\"SMTPLocalRule1\"\t\"1\"\r\n\"SMTPLocalRule2\"\t\"0\"\r\n",
                out);
    }

    @Test
    void aRuleAlreadySetIsKeptUnlessAnOptionAsksAndTheMissingOneGoesNextToIt() {
        StepResult r = run(
                new LocalizedSettingsStep(),
                tab("""
                "SMTPLocalRule2"\t"1"
                "RootDomain"\t"example.jp"
                """),
                source("1.27"),
                LOCALIZED.withLocalRules(Optional.empty(), Optional.empty()));

        assertEquals("""
                "SMTPLocalRule2"\t"1"
                "SMTPLocalRule1"\t"0"
                "RootDomain"\t"example.jp"
                """, text(r));

        StepResult off = run(
                new LocalizedSettingsStep(),
                tab("\"SMTPLocalRule1\"\t\"1\"\n\"SMTPLocalRule2\"\t\"1\"\n"),
                source("1.27"),
                LOCALIZED.withLocalRules(Optional.of(false), Optional.empty()));
        assertEquals("\"SMTPLocalRule1\"\t\"0\"\n\"SMTPLocalRule2\"\t\"1\"\n", text(off));
    }

    @Test
    void originalTargetRemovesNothingAndReportsTheRulesAsIgnored() {
        String in = "\"SMTPLocalRule1\"\t\"1\"\n\"SMTPLocalRule2\"\t\"0\"\n";
        StepResult r = run(new LocalizedSettingsStep(), tab(in), source("1.27"));

        assertEquals(in, text(r));
        assertEquals(
                List.of(
                        "note.localized-settings.ignored",
                        "note.localized-settings.lost.SMTPLocalRule1",
                        "note.localized-settings.ignored"),
                noteKeys(r));
    }

    @Test
    void originalTargetWithoutRulesSaysNothing() {
        StepResult r = run(new LocalizedSettingsStep(), tab("\"RootDomain\"\t\"x.jp\"\n"), source("1.27"));
        assertEquals(List.of(), r.changes());
        assertEquals(List.of(), r.notes());
    }

    // ------------------------------------------------------------------ --fix

    /** A rule's fix for a finding on line 1, as the audit offers it; {@code safe}: applied by {@code --fix safe}. */
    private static Remedy remedy(String id, boolean safe, String... lines) {
        return new Remedy(id, locale -> id, safe, 1, "", List.of(lines));
    }

    @Test
    void safeFixesApplyTheirRemediationLinesAndOptInOnesOnlyWhenNamed() {
        Remedy safe = remedy("SEC-990", true, "\"SmtpNoTLSAuths\"\t\"\"");
        Remedy optIn = remedy("SEC-991", false, "\"Pop3LogPasswd\"\t\"0\"");
        List<Remedy> remedies = List.of(safe, optIn);
        String in = "\"Pop3LogPasswd\"\t\"2\"\n";

        StepResult r = run(
                new FixStep(),
                tab(in),
                source("1.25"),
                MigrationOptions.standard().withFix(FixSelection.parse("safe")),
                remedies);
        assertEquals("\"Pop3LogPasswd\"\t\"2\"\n\"SmtpNoTLSAuths\"\t\"\"\n", text(r));

        StepResult named = run(
                new FixStep(),
                tab(in),
                source("1.25"),
                MigrationOptions.standard().withFix(FixSelection.parse("SEC-991")),
                remedies);
        assertEquals("\"Pop3LogPasswd\"\t\"0\"\n", text(named));
        assertEquals(Change.Kind.SET, named.changes().get(0).kind());
        assertEquals(1, named.changes().get(0).line());
    }

    @Test
    void nothingIsFixedByDefault() {
        Remedy safe = remedy("SEC-990", true, "\"SmtpNoTLSAuths\"\t\"\"");
        String in = "\"RootDomain\"\t\"x.jp\"\n";
        StepResult r = run(new FixStep(), tab(in), source("1.25"), MigrationOptions.standard(), List.of(safe));
        assertEquals(in, text(r));
        assertEquals(List.of(), r.notes());
    }

    @Test
    void remediationThatIsNotAServerTabSettingIsReportedForManualWork() {
        Remedy other = remedy("SEC-992", true, "smtprelay.tab: remove \"0.0.0.0\"\t\"0.0.0.0\"");
        StepResult r = run(
                new FixStep(),
                tab(""),
                source("1.25"),
                MigrationOptions.standard().withFix(FixSelection.parse("safe")),
                List.of(other));
        assertEquals("", text(r));
        assertEquals(List.of("note.fix.manual"), noteKeys(r));
    }

    @Test
    void fixSelectionParsesSafeAndRuleIds() {
        FixSelection s = FixSelection.parse("safe, sec-004");
        assertTrue(s.safe());
        assertEquals(Set.of("SEC-004"), s.rules());
        assertTrue(s.selects(remedy("SEC-004", false)));
        assertTrue(!s.selects(remedy("SEC-005", false)));
        assertTrue(s.selects(remedy("SEC-005", true)));
        assertTrue(!FixSelection.parse("SEC-004").selects(remedy("SEC-005", true)));
        // A rule without a fix offers no remedy at all (AuditedMigratorTest in report).
    }
}
