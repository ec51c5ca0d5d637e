package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.Profile;
import org.xmailkit.migrate.MigrationOptions;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.model.version.SourceVersion;
import org.xmailkit.report.MigrationView.DiffLine;

/** The report's view of real dry-run migrations. */
class MigratePlannerTest {

    @TempDir
    Path tmp;

    static MigrationView plan(MailRoot root, Locale locale) {
        MigratePlanner p = new MigratePlanner(AuditedMigrator.standard(), MigrationOptions.standard());
        return p.plan(root, Auditor.standard().audit(root, AuditOptions.defaults()), Secrets.of(root), locale);
    }

    @Test
    void aLegacyServerGetsItsChangesReasonsDiffAndDelta() {
        MailRoot root = MailRootFixture.in(tmp).serverTab("""
                "RootDomain"\t"example.jp"
                "SMTP-RARPCheck"\t"1"
                "DynDnsSetup"\t"members.dyn.example,80,/nic/update?h=mx,dynuser,Dyn-Secret-77"
                """).open();
        MigrationView v = plan(root, Locale.ENGLISH);
        assertEquals(Readiness.BEHAVIOUR_CHANGES, v.readiness(), "1.27 no longer updates the dynamic DNS name");
        assertEquals("1.27", v.target());
        assertTrue(
                v.changes().stream().anyMatch(c -> c.name().contains("SMTP-RARPCheck")),
                v.changes().toString());
        assertTrue(v.changes().stream()
                .allMatch(c -> !c.reason().isBlank() && !c.stepId().isBlank()));
        assertEquals(1, v.diffs().size());
        assertEquals("server.tab", v.diffs().get(0).path());
        assertTrue(v.diffs().get(0).lines().stream()
                .anyMatch(l -> l.kind() == DiffLine.Kind.REMOVED && l.text().contains("SMTP-RARPCheck")));
        assertNotNull(v.delta());
        assertTrue(
                v.delta().resolved().stream().anyMatch(r -> r.ruleId().startsWith("UPG-")),
                v.delta().toString());
        assertFalse(v.toString().contains("Dyn-Secret-77"), "no password in any text of the plan");
    }

    @Test
    void theTextsFollowTheReportsLanguage() {
        MailRoot root =
                MailRootFixture.in(tmp).serverTab("\"SMTP-RARPCheck\"\t\"1\"\n").open();
        MigrationView v = plan(root, Locale.JAPANESE);
        assertTrue(
                v.changes().get(0).reason().codePoints().anyMatch(c -> c > 0x3000),
                v.changes().get(0).reason());
        assertTrue(
                List.of("削除", "名前の変更").contains(v.changes().get(0).kind()),
                v.changes().get(0).kind());
    }

    @Test
    void thePlanStartsFromTheSourceVersionTheAuditInferred() {
        MailRoot root =
                MailRootFixture.in(tmp).serverTab("\"SMTP-RARPCheck\"\t\"1\"\n").open();
        MigratePlanner p = new MigratePlanner(AuditedMigrator.standard(), MigrationOptions.standard());
        AuditResult audit = Auditor.standard().audit(root, AuditOptions.defaults());
        assertFalse(audit.source().given());
        // Inferred: a version that read SMTP-RARPCheck, so the line is renamed.
        assertEquals(
                "rename",
                p.plan(root, audit, Secrets.of(root), Locale.ENGLISH)
                        .changes()
                        .get(0)
                        .kind());
        // Had the audit inferred 1.27, which never read it, the line would be removed.
        SourceVersion late = new SourceVersion(XMailVersion.V1_27, XMailVersion.V1_27, List.of(), false);
        AuditResult lateAudit = new AuditResult(
                audit.path(), audit.bare(), late, audit.findings(), audit.outcomes(), audit.readErrors());
        assertEquals(
                "remove",
                p.plan(root, lateAudit, Secrets.of(root), Locale.ENGLISH)
                        .changes()
                        .get(0)
                        .kind());
    }

    @Test
    void theAuditGivenIsReusedOnlyWhenItWasMadeAsAMigrationAuditsAndChangesNothing() {
        MailRoot root = MailRootFixture.in(tmp).serverTab("""
                "RootDomain"\t"example.jp"
                "SMTP-RARPCheck"\t"1"
                """).open();
        MigrationOptions options = MigrationOptions.standard();
        AuditOptions same = AuditedMigrator.auditOptions(options);
        AuditResult audit = Auditor.standard().audit(root, same);
        MigrationView alone = new MigratePlanner(AuditedMigrator.standard(), options)
                .plan(root, audit, Secrets.of(root), Locale.ENGLISH);
        MigrationView reused = new MigratePlanner(AuditedMigrator.standard(), options, same)
                .plan(root, audit, Secrets.of(root), Locale.ENGLISH);
        assertEquals(alone, reused);
        assertFalse(reused.delta().resolved().isEmpty(), reused.toString());
        // An audit made otherwise (here: one whose findings are all gone) is not taken for the findings before.
        AuditResult empty = new AuditResult(
                audit.path(), audit.bare(), audit.source(), List.of(), audit.outcomes(), audit.readErrors());
        MigrationView other = new MigratePlanner(AuditedMigrator.standard(), options, same.withProfile(Profile.STRICT))
                .plan(root, empty, Secrets.of(root), Locale.ENGLISH);
        assertEquals(alone.delta(), other.delta());
        // Made the same way, it is: the findings before are the ones given.
        MigrationView given = new MigratePlanner(AuditedMigrator.standard(), options, same)
                .plan(root, empty, Secrets.of(root), Locale.ENGLISH);
        assertTrue(given.delta().resolved().isEmpty(), given.delta().toString());
    }

    @Test
    void aServerWithNothingToMigrateIsClean() {
        MailRoot root = MailRootFixture.in(tmp).serverTab("""
                "RootDomain"\t"example.jp"
                "DefaultSmtpPerms"\t"MRVZ"
                """).open();
        MigrationView v = plan(root, Locale.ENGLISH);
        assertEquals(Readiness.CLEAN, v.readiness(), v.toString());
        assertEquals(List.of(), v.diffs());
    }

    @Test
    void aServerWhoseFilesCannotBeReadFails() throws Exception {
        MailRootFixture.in(tmp)
                .serverTab("\"DefaultSMTPGateways\"\t\"a.example,b.example\"\n")
                .write();
        Files.createDirectories(tmp.resolve("smtpfwd.tab"));
        MigrationView v = plan(MailRoot.open(tmp), Locale.ENGLISH);
        assertEquals(Readiness.FAILED, v.readiness(), v.toString());
        assertTrue(v.failure().contains("smtpfwd.tab"), v.failure());
    }
}
