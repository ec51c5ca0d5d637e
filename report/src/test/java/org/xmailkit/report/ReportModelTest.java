package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Severity;
import org.xmailkit.report.ServerReport.CategoryGroup;
import org.xmailkit.report.ServerReport.FindingView;
import org.xmailkit.report.ServerReport.RuleGroup;
import org.xmailkit.report.ServerReport.SuppressionView;

class ReportModelTest {

    static FindingView f(String rule, Severity s, boolean suppressed) {
        return new FindingView(
                rule,
                s,
                rule + " title",
                "m",
                "server.tab:1",
                "",
                List.of(),
                suppressed ? new SuppressionView(false, "ok", "", true, "w:1") : null);
    }

    static ServerReport page(String id, String version, Grade grade, Readiness readiness, FindingView... findings) {
        List<GradeCap> caps = grade == Grade.A
                ? List.of()
                : List.of(new GradeCap(grade, GradeCap.Reason.HIGH, "X-1", Severity.HIGH, "t", "", 1));
        int active = (int) Arrays.stream(findings).filter(x -> !x.suppressed()).count();
        List<RuleGroup> rules = new ArrayList<>();
        Arrays.stream(findings).map(FindingView::ruleId).distinct().forEach(rule -> {
            List<FindingView> mine =
                    Arrays.stream(findings).filter(x -> x.ruleId().equals(rule)).toList();
            rules.add(new RuleGroup(rule, mine.get(0).severity(), rule, "r", List.of(), List.of(), false, mine, (int)
                    mine.stream().filter(x -> !x.suppressed()).count()));
        });
        List<CategoryGroup> groups = findings.length == 0
                ? List.of()
                : List.of(new CategoryGroup(Category.TLS, "TLS", rules, active, findings.length));
        MigrationView mig = readiness == Readiness.FAILED
                ? MigrationView.failed("1.27", "x")
                : new MigrationView(readiness, "1.27", List.of(), List.of(), List.of(), List.of(), null, null);
        return new ServerReport(
                id,
                "/f/" + id,
                false,
                null,
                "ASCII",
                "LF",
                version,
                false,
                List.of(),
                grade,
                caps,
                ServerReports.counts(List.of()),
                (int) Arrays.stream(findings).filter(FindingView::suppressed).count(),
                groups,
                List.of(),
                0,
                List.of(),
                List.of(),
                List.of(),
                mig,
                List.of(),
                ServicesView.unknown(),
                null);
    }

    static final ReportModel.Meta META =
            new ReportModel.Meta("en", "2025-01-01T00:00:00Z", "t", "1.27", "baseline", "");

    @Test
    void summariesKeepInputOrderWhateverOrderServersFinishIn() {
        ReportModel.Builder b = new ReportModel.Builder();
        b.add(2, page("c", "1.22", Grade.A, Readiness.CLEAN));
        b.add(0, page("a", "1.22", Grade.A, Readiness.CLEAN));
        b.add(1, page("b", "1.24", Grade.A, Readiness.CLEAN));
        assertEquals(
                List.of("a", "b", "c"),
                b.build(META).summaries().stream().map(ServerSummary::id).toList());
        assertThrows(IllegalArgumentException.class, () -> b.add(1, page("b", "1.24", Grade.A, Readiness.CLEAN)));
    }

    @Test
    void countsFindingsGradesReadinessAndVersions() {
        ReportModel.Builder b = new ReportModel.Builder();
        b.add(
                0,
                page(
                        "a",
                        "1.22",
                        Grade.D,
                        Readiness.CLEAN,
                        f("TLS-001", Severity.HIGH, false),
                        f("TLS-001", Severity.HIGH, false),
                        f("CFG-001", Severity.LOW, true)));
        b.add(
                1,
                page(
                        "b",
                        "1.22",
                        Grade.D,
                        Readiness.BEHAVIOUR_CHANGES,
                        f("TLS-001", Severity.HIGH, false),
                        f("SEC-001", Severity.CRITICAL, false)));
        b.add(2, ServerReports.failed("c", Path.of("/f/c"), "unreadable", "1.27"));
        ReportModel m = b.build(META);
        assertEquals(3, m.servers());
        assertEquals(1, m.failed());
        assertEquals(4, m.findings());
        assertEquals(1, m.suppressed());
        assertEquals(
                List.of(1, 3, 0, 0, 0),
                m.severities().stream().map(SeverityCount::count).toList());
        assertEquals(
                2,
                m.grades().stream()
                        .filter(g -> g.grade() == Grade.D)
                        .findFirst()
                        .get()
                        .count());
        assertEquals(
                2, m.grades().stream().mapToInt(ReportModel.GradeCount::count).sum(), "failed servers get no grade");
        assertEquals(
                List.of(1, 1, 1),
                m.readiness().stream().map(ReportModel.ReadinessCount::count).toList());
        assertEquals(List.of(new ReportModel.VersionCount("1.22", 2)), m.versions());
        // Most frequent first: TLS-001 on two servers, then SEC-001 (more serious than any other one-server rule).
        assertEquals("TLS-001", m.top().get(0).ruleId());
        assertEquals(2, m.top().get(0).servers());
        assertEquals(3, m.top().get(0).findings());
        assertEquals(Charts.WIDTH, m.top().get(0).bar());
        assertEquals("SEC-001", m.top().get(1).ruleId());
        assertEquals(2, m.top().size(), "suppressed findings are not frequent findings");
        assertEquals(2, m.ruleServers().get("TLS-001"));
    }

    @Test
    void infoFindingsAreCountedButNotListedAsFrequent() {
        ReportModel.Builder b = new ReportModel.Builder();
        b.add(0, page("a", "1.22", Grade.A, Readiness.CLEAN, f("UPG-008", Severity.INFO, false)));
        b.add(
                1,
                page(
                        "b",
                        "1.22",
                        Grade.B,
                        Readiness.CLEAN,
                        f("UPG-008", Severity.INFO, false),
                        f("CFG-001", Severity.LOW, false)));
        ReportModel m = b.build(META);
        assertEquals(
                2,
                m.severities().stream()
                        .filter(c -> c.severity() == Severity.INFO)
                        .findFirst()
                        .orElseThrow()
                        .count());
        assertEquals(
                List.of("CFG-001"),
                m.top().stream().map(ReportModel.TopFinding::ruleId).toList());
        assertEquals(2, m.ruleServers().get("UPG-008"), "the rule page still says how many servers it hit");
    }

    @Test
    void theFleetPageKeepsOnlyTheWorstCapsOfEachServer() {
        List<GradeCap> caps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            caps.add(new GradeCap(Grade.C, GradeCap.Reason.MEDIUM, "R-" + i, Severity.MEDIUM, "t", "", 1));
        }
        ServerSummary s = new ServerSummary(
                "a", "/a", "1.22", Grade.C, caps, caps.size(), 0, 0, 10, 0, 0, 0, Readiness.CLEAN, null);
        assertEquals(ServerSummary.CAPS_SHOWN, s.caps().size());
        assertEquals(10 - ServerSummary.CAPS_SHOWN, s.moreCaps());
    }

    @Test
    void barsAreProportionalAndVisible() {
        assertEquals(0, Charts.bar(0, 10));
        assertEquals(Charts.WIDTH, Charts.bar(10, 10));
        assertEquals(2, Charts.bar(1, 100000));
    }
}
