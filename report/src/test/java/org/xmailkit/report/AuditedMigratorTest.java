package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.testing.TestRules;
import org.xmailkit.migrate.FixSelection;
import org.xmailkit.migrate.MigrationOptions;
import org.xmailkit.migrate.MigrationResult;
import org.xmailkit.migrate.Migrator;
import org.xmailkit.migrate.testing.FixtureFleet;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.testing.MailRootFixture;

/** The migration with the audit: the delta before and after a plan, and {@code --fix} with the rules' remedies. */
class AuditedMigratorTest {

    @TempDir
    Path tmp;

    /** A test rule: fires for every variable named in {@code names} that is set. */
    record Present(RuleInfo info, Set<String> names) implements Rule {
        @Override
        public List<Finding> check(AuditContext ctx) {
            return ctx.tab().liveEntries().stream()
                    .filter(e -> names.contains(e.name()))
                    .map(e -> Finding.of(
                            info,
                            Location.line(ctx.root().serverTabPath(), e.line(), e.name()),
                            TestRules.text("x", e.name())))
                    .toList();
        }
    }

    private static final RuleInfo REMOVED = new RuleInfo(
            "UPG-990",
            Severity.MEDIUM,
            Category.UPGRADE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(),
            List.of());
    private static final RuleInfo TLS = new RuleInfo(
            "TLS-990",
            Severity.HIGH,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(),
            List.of());

    private static MigrationOptions from(String v) {
        return MigrationOptions.standard().withFrom(Optional.of(XMailVersion.parse(v)));
    }

    @Test
    void theDeltaComparesTheFindingsBeforeAndAfterThePlan() throws Exception {
        MailRoot root = MailRootFixture.in(tmp)
                .serverTab("""
                "DynDnsSetup"\t"dyn.example,80,/u?ip=%s,bob,hunter2"
                "RootDomain"\t"example.jp"
                "SMTP-RARPCheck"\t"1"
                "DefaultSMTPGateways"\t"gw1.example,gw2.example"
                """)
                .file("smtpfwd.tab", "\"a.example\"\t\"mx1.a.example,mx2.a.example\"\n")
                .open();
        AuditedMigrator migrator = new AuditedMigrator(new Auditor(List.of(
                new Present(REMOVED, Set.of("DynDnsSetup", "SMTP-RARPCheck")),
                new Present(TLS, Set.of("EnableSMTP-TLS")))));

        AuditedMigrator.Planned p = migrator.plan(root, from("0.54"), Migrator.source(root, from("0.54")));

        AuditDelta delta = p.delta();
        assertEquals(2, delta.before().size());
        assertEquals(1, delta.after().size());
        assertEquals(2, delta.resolved().size());
        assertEquals(
                List.of("TLS-990"),
                delta.introduced().stream().map(f -> f.rule().id()).toList());
        // A batch keeps the delta of each server it plans until it is taken, once: a fleet's deltas are not held.
        MigrationResult r = migrator.migrate(root, from("0.54"), Migrator.source(root, from("0.54")));
        assertEquals(delta, migrator.delta(r.path()));
        assertTrue(migrator.delta(r.path()).error().isPresent(), "taken once, then forgotten");
    }

    @Test
    void fixAppliesTheSelectedRemediationAndTheAuditDeltaShowsTheFindingResolved() throws Exception {
        RuleInfo logsPasswords = new RuleInfo(
                "SEC-990",
                Severity.HIGH,
                Category.CREDENTIALS,
                RuleInfo.BASELINE,
                RuleInfo.Fix.SAFE,
                Set.of(),
                List.of(),
                List.of("\"Pop3LogPasswd\"\t\"0\""));
        Rule rule = new Rule() {
            @Override
            public RuleInfo info() {
                return logsPasswords;
            }

            @Override
            public List<Finding> check(AuditContext ctx) {
                return ctx.tab()
                        .entry("Pop3LogPasswd")
                        .filter(e -> !e.value().equals("0"))
                        .map(e -> List.of(Finding.of(
                                logsPasswords,
                                Location.line(ctx.root().serverTabPath(), e.line(), e.name()),
                                TestRules.text("x"))))
                        .orElse(List.of());
            }
        };
        MailRoot root =
                MailRootFixture.in(tmp).serverTab("\"Pop3LogPasswd\"\t\"2\"\n").open();
        AuditedMigrator m = new AuditedMigrator(new Auditor(List.of(rule)));

        MigrationResult none =
                m.plan(root, from("1.27"), Migrator.source(root, from("1.27"))).result();
        assertFalse(none.changed(), "nothing is fixed unless asked");

        MigrationOptions safe = from("1.27").withFix(FixSelection.parse("safe"));
        AuditedMigrator.Planned fixed = m.plan(root, safe, Migrator.source(root, safe));
        assertEquals(
                "\"Pop3LogPasswd\"\t\"0\"\n# xmailkit: migrated to 1.27 from 1.27\n",
                new String(fixed.result().files().get(0).after(), StandardCharsets.UTF_8));
        assertEquals(
                List.of("SEC-990"),
                fixed.delta().resolved().stream().map(f -> f.rule().id()).toList());
        assertEquals(List.of(), fixed.delta().after());
        assertEquals("fix", fixed.result().changes().get(0).stepId());
        // The change names the rule by its title, in the reader's language; a rule without texts by its id.
        assertEquals(
                List.of("SEC-990"),
                fixed.result().changes().stream()
                        .filter(c -> c.stepId().equals("fix"))
                        .map(c -> c.reason().arg(1))
                        .distinct()
                        .toList());
    }

    @Test
    void aRuleWithoutAFixOffersNoRemedy() throws Exception {
        RuleInfo noFix = new RuleInfo(
                "SEC-991",
                Severity.HIGH,
                Category.CREDENTIALS,
                RuleInfo.BASELINE,
                RuleInfo.Fix.NONE,
                Set.of(),
                List.of(),
                List.of("\"Pop3LogPasswd\"\t\"0\""));
        MailRoot root =
                MailRootFixture.in(tmp).serverTab("\"Pop3LogPasswd\"\t\"2\"\n").open();
        AuditedMigrator m = new AuditedMigrator(new Auditor(List.of(new Present(noFix, Set.of("Pop3LogPasswd")))));
        MigrationOptions named = from("1.27").withFix(FixSelection.parse("SEC-991"));
        MigrationResult r = m.plan(root, named, Migrator.source(root, named)).result();
        assertEquals(
                "\"Pop3LogPasswd\"\t\"2\"\n",
                new String(r.files().get(0).after(), StandardCharsets.UTF_8)
                        .lines()
                        .findFirst()
                        .map(l -> l + "\n")
                        .orElseThrow());
        assertFalse(r.changes().stream().anyMatch(c -> c.stepId().equals("fix")));
    }

    @Test
    void theWholeCatalogueAuditsEveryFixtureBeforeAndAfterItsMigration() throws Exception {
        AuditedMigrator migrator = AuditedMigrator.standard();
        for (String fixture : FixtureFleet.FIXTURES) {
            for (String target : FixtureFleet.TARGETS) {
                Path dir = FixtureFleet.copy(fixture, tmp.resolve(target));
                MailRoot root = MailRoot.open(dir);
                MigrationOptions options = MigrationOptions.standard().withTarget(XMailVersion.parse(target));
                AuditedMigrator.Planned p = migrator.plan(root, options, Migrator.source(root, options));
                assertEquals(Optional.empty(), p.delta().error(), "the audit runs over " + fixture + " to " + target);
                assertFalse(p.delta().before().isEmpty(), fixture);
                p.delta().before().forEach(f -> f.message(Locale.JAPANESE));
            }
        }
    }
}
