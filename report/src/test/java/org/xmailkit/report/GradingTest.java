package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.Suppression;
import org.xmailkit.audit.testing.TestRules;

class GradingTest {

    static RuleInfo rule(String id, Severity s, Category c) {
        return new RuleInfo(id, s, c, RuleInfo.BASELINE, RuleInfo.Fix.NONE, Set.of(), List.of(), List.of());
    }

    static Finding finding(String id, Severity s, Category c) {
        return Finding.of(rule(id, s, c), Location.line(Path.of("/m/server.tab"), 3, "X"), TestRules.text("k"));
    }

    private static Grade grade(String incomplete, Finding... findings) {
        return Grading.grade(Grading.caps(List.of(findings), id -> id, f -> "server.tab", incomplete));
    }

    @Test
    void aServerWithoutFindingsGetsA() {
        assertEquals(Grade.A, grade(null));
    }

    @Test
    void eachSeverityCapsTheGrade() {
        assertEquals(Grade.F, grade(null, finding("SEC-001", Severity.CRITICAL, Category.RELAY)));
        assertEquals(Grade.D, grade(null, finding("TLS-001", Severity.HIGH, Category.TLS)));
        assertEquals(Grade.C, grade(null, finding("TLS-002", Severity.MEDIUM, Category.TLS)));
        assertEquals(Grade.B, grade(null, finding("CFG-001", Severity.LOW, Category.VALIDITY)));
        assertEquals(Grade.A, grade(null, finding("CFG-002", Severity.INFO, Category.VALIDITY)));
    }

    @Test
    void highFindingsAnyoneCanAbuseWeighMore() {
        for (Category c : List.of(Category.RELAY, Category.ACCESS, Category.CREDENTIALS)) {
            assertEquals(Grade.E, grade(null, finding("SEC-002", Severity.HIGH, c)), c.name());
        }
    }

    @Test
    void upgradeFindingsCapAtCAtWorst() {
        assertEquals(Grade.C, grade(null, finding("UPG-001", Severity.CRITICAL, Category.UPGRADE)));
        assertEquals(Grade.C, grade(null, finding("LOC-001", Severity.HIGH, Category.LOCALIZED)));
        assertEquals(Grade.B, grade(null, finding("UPG-002", Severity.LOW, Category.UPGRADE)));
    }

    @Test
    void theLowestCapWins() {
        assertEquals(
                Grade.F,
                grade(
                        null,
                        finding("CFG-001", Severity.LOW, Category.VALIDITY),
                        finding("SEC-001", Severity.CRITICAL, Category.RELAY),
                        finding("TLS-001", Severity.HIGH, Category.TLS)));
    }

    @Test
    void suppressedFindingsDoNotCountButExpiredWaiversDo() {
        Finding f = finding("SEC-001", Severity.CRITICAL, Category.RELAY);
        Finding waived = f.withSuppression(
                new Suppression(Suppression.Kind.WAIVER_FILE, "accepted", Optional.empty(), false, "waivers.tab:1"));
        Finding expired = f.withSuppression(new Suppression(
                Suppression.Kind.WAIVER_FILE,
                "accepted",
                Optional.of(LocalDate.of(2020, 1, 1)),
                true,
                "waivers.tab:1"));
        assertEquals(Grade.A, grade(null, waived));
        assertEquals(Grade.F, grade(null, expired));
    }

    @Test
    void anIncompleteAuditCannotGetA() {
        assertEquals(Grade.B, grade("only server.tab"));
        assertEquals(Grade.D, grade("only server.tab", finding("TLS-001", Severity.HIGH, Category.TLS)));
    }

    @Test
    void capsNameTheirRuleCountItsFindingsAndComeWorstFirst() {
        List<GradeCap> caps = Grading.caps(
                List.of(
                        finding("CFG-001", Severity.LOW, Category.VALIDITY),
                        finding("SEC-001", Severity.CRITICAL, Category.RELAY),
                        finding("SEC-001", Severity.CRITICAL, Category.RELAY)),
                id -> "title of " + id,
                f -> "smtprelay.tab:1",
                "incomplete");
        assertEquals(3, caps.size());
        GradeCap first = caps.get(0);
        assertEquals(Grade.F, first.bound());
        assertEquals("SEC-001", first.ruleId());
        assertEquals("title of SEC-001", first.title());
        assertEquals("smtprelay.tab:1", first.where());
        assertEquals(2, first.count());
        assertTrue(caps.stream().anyMatch(c -> c.reason() == GradeCap.Reason.INCOMPLETE && c.bound() == Grade.B));
    }

    @Test
    void everyReasonHasABoundAndGradesOrderWorstLast() {
        for (GradeCap.Reason r : GradeCap.Reason.values()) {
            assertTrue(Grading.bound(r).compareTo(Grade.A) > 0, r.name());
        }
        assertEquals(Grade.F, Grade.C.worst(Grade.F));
        assertEquals(Grade.C, Grade.C.worst(Grade.B));
    }
}
