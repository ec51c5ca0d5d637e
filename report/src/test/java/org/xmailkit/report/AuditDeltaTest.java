package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.testing.TestRules;

class AuditDeltaTest {

    private static final RuleInfo A = new RuleInfo(
            "SEC-990",
            Severity.HIGH,
            Category.ACCESS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(),
            List.of());
    private static final RuleInfo B = new RuleInfo(
            "TLS-990",
            Severity.HIGH,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(),
            List.of());

    private static Finding f(RuleInfo r, int line, String variable, String... args) {
        return Finding.of(
                r, Location.line(Path.of("/x/server.tab"), line, variable), TestRules.text("m", (Object[]) args));
    }

    @Test
    void findingsAreMatchedIgnoringLinesAndValueChangesOfTheSameVariable() {
        List<Finding> before = List.of(f(A, 3, "X", "MRVZ"), f(A, 9, "Y", "1"), f(B, 4, "Z"));
        List<Finding> after = List.of(f(A, 5, "X", "MR"), f(B, 4, "W"), f(B, 7, "W"));

        AuditDelta d = AuditDelta.of(before, after);

        assertEquals(
                List.of("Y", "Z"),
                d.resolved().stream().map(x -> x.location().variable()).toList());
        assertEquals(
                List.of("W", "W"),
                d.introduced().stream().map(x -> x.location().variable()).toList());
    }

    @Test
    void repeatedFindingsCountOneForOne() {
        List<Finding> before = List.of(f(A, 1, "X", "1"), f(A, 2, "X", "1"), f(A, 3, "X", "1"), f(B, 4, "Y"));
        List<Finding> after = List.of(f(A, 8, "X", "1"), f(B, 4, "Y"), f(B, 5, "Y"));

        AuditDelta d = AuditDelta.of(before, after);

        assertEquals(
                List.of(2, 3),
                d.resolved().stream().map(x -> x.location().line()).toList());
        assertEquals(
                List.of(5),
                d.introduced().stream().map(x -> x.location().line()).toList());
    }

    @Test
    void theSameFindingsChangeNothing() {
        List<Finding> same = List.of(f(A, 1, "X", "1"), f(B, 4, "Y"));

        AuditDelta d = AuditDelta.of(same, same);

        assertEquals(List.of(), d.resolved());
        assertEquals(List.of(), d.introduced());
        assertEquals(same, d.after());
    }
}
