package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Secrets;
import org.xmailkit.report.MigrationView.DiffFile;
import org.xmailkit.report.MigrationView.DiffLine;

class MigrationViewsTest {

    @Test
    void numbersEveryDiffLineInTheOldAndTheNewFile() {
        DiffFile d = MigrationViews.diff(
                "server.tab",
                List.of(
                        "--- a/server.tab",
                        "+++ b/server.tab",
                        "@@ -2,3 +2,3 @@",
                        " \"RootDomain\"\t\"example.jp\"",
                        "-\"SMTP-RARPCheck\"\t\"1\"",
                        "+\"SMTP-RDNSCheck\"\t\"1\"",
                        " \"PostMaster\"\t\"root@example.jp\"",
                        "\\ No newline at end of file"),
                Secrets.NONE);
        assertEquals(1, d.added());
        assertEquals(1, d.removed());
        List<DiffLine> l = d.lines();
        assertEquals(DiffLine.Kind.HUNK, l.get(0).kind());
        assertEquals(new DiffLine(DiffLine.Kind.CONTEXT, 2, 2, "\"RootDomain\"\t\"example.jp\""), l.get(1));
        assertEquals(new DiffLine(DiffLine.Kind.REMOVED, 3, 0, "\"SMTP-RARPCheck\"\t\"1\""), l.get(2));
        assertEquals(new DiffLine(DiffLine.Kind.ADDED, 0, 3, "\"SMTP-RDNSCheck\"\t\"1\""), l.get(3));
        assertEquals(new DiffLine(DiffLine.Kind.CONTEXT, 4, 4, "\"PostMaster\"\t\"root@example.jp\""), l.get(4));
        assertEquals(DiffLine.Kind.NOTE, l.get(5).kind());
        assertEquals("+", l.get(3).marker());
    }

    @Test
    void diffLinesAreScrubbed() {
        DiffFile d = MigrationViews.diff(
                "server.tab",
                List.of("@@ -1 +0,0 @@", "-\"DynDnsSetup\"\t\"dyn.example,80,/u,bob,VerySecret99\""),
                Secrets.of(List.of("VerySecret99")));
        assertEquals(
                "\"DynDnsSetup\"\t\"dyn.example,80,/u,bob," + Secrets.MASK + "\"",
                d.lines().get(1).text());
    }

    @Test
    void theDeltaComparesUnsuppressedFindingsRuleByRule() {
        var relay = GradingTest.finding("SEC-001", Severity.CRITICAL, Category.RELAY);
        var tls = GradingTest.finding("TLS-001", Severity.HIGH, Category.TLS);
        var upg = GradingTest.finding("UPG-001", Severity.LOW, Category.UPGRADE);
        MigrationView.AuditComparison delta =
                MigrationViews.delta(List.of(relay, tls, tls), List.of(relay, tls, upg), r -> r.id() + " title");
        assertEquals(3, delta.before());
        assertEquals(3, delta.after());
        assertEquals(
                List.of(new MigrationView.DeltaRule("TLS-001", Severity.HIGH, "TLS-001 title", 1)), delta.resolved());
        assertEquals(
                List.of(new MigrationView.DeltaRule("UPG-001", Severity.LOW, "UPG-001 title", 1)), delta.introduced());
    }

    @Test
    void aFailureMessageGoesWithFailedReadinessOnly() {
        assertEquals(Readiness.FAILED, MigrationView.failed("1.27", "boom").readiness());
        assertEquals(
                Readiness.CLEAN,
                MigrationView.planned("1.27", List.of(), List.of(), List.of(), List.of(), null)
                        .readiness());
        assertEquals(
                Readiness.BEHAVIOUR_CHANGES,
                MigrationView.planned("1.27", List.of(), List.of(), List.of("x"), List.of(), null)
                        .readiness());
        assertThrows(
                IllegalArgumentException.class,
                () -> new MigrationView(
                        Readiness.CLEAN, "1.27", List.of(), List.of(), List.of(), List.of(), null, "boom"));
    }
}
