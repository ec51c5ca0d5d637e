package org.xmailkit.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Severity;

/**
 * The grading scheme. A server starts at A; every unsuppressed finding caps the grade, and the grade is the lowest
 * cap. The scheme is mail-aware: what anyone on the Internet can abuse weighs more than what an upgrade will change.
 *
 * <table>
 * <caption>Caps</caption>
 * <tr><th>cap</th><th>when</th></tr>
 * <tr><td>F</td><td>a CRITICAL finding (for example an open relay)</td></tr>
 * <tr><td>E</td><td>a HIGH finding about relay, access control or accounts: anyone who reaches the server can
 *     abuse it, and a blocklisted mail server hurts every user's mail</td></tr>
 * <tr><td>D</td><td>any other HIGH finding</td></tr>
 * <tr><td>C</td><td>a MEDIUM finding; or a HIGH or CRITICAL finding about the upgrade or the localized build, which
 *     is work to plan before the upgrade rather than an exposure of the running server</td></tr>
 * <tr><td>B</td><td>a LOW finding; or an incomplete audit (only server.tab was given, or files could not be
 *     read)</td></tr>
 * </table>
 * INFO findings never cap. Suppressed findings (an active waiver) do not cap but stay listed; a finding whose waiver
 * has expired caps again.
 */
public final class Grading {

    /** Categories whose HIGH findings can be abused from outside. */
    static final Set<Category> EXPOSED = EnumSet.of(Category.RELAY, Category.ACCESS, Category.CREDENTIALS);
    /** Categories about what an upgrade changes. */
    static final Set<Category> UPGRADE = EnumSet.of(Category.UPGRADE, Category.LOCALIZED);

    private Grading() {}

    /**
     * @param finding an unsuppressed finding
     * @return the grading rule it falls under, or null when it does not cap
     */
    public static GradeCap.Reason reason(Finding finding) {
        Severity s = finding.severity();
        Category c = finding.rule().category();
        if (UPGRADE.contains(c) && s.atLeast(Severity.HIGH)) {
            return GradeCap.Reason.UPGRADE;
        }
        return switch (s) {
            case CRITICAL -> GradeCap.Reason.CRITICAL;
            case HIGH -> EXPOSED.contains(c) ? GradeCap.Reason.EXPOSED : GradeCap.Reason.HIGH;
            case MEDIUM -> GradeCap.Reason.MEDIUM;
            case LOW -> GradeCap.Reason.LOW;
            case INFO -> null;
        };
    }

    /**
     * @param reason a grading rule
     * @return the best grade it allows
     */
    public static Grade bound(GradeCap.Reason reason) {
        return switch (reason) {
            case CRITICAL -> Grade.F;
            case EXPOSED -> Grade.E;
            case HIGH -> Grade.D;
            case MEDIUM, UPGRADE -> Grade.C;
            case LOW, INCOMPLETE -> Grade.B;
        };
    }

    /**
     * The caps for one server, one per rule (with the number of its findings), worst first.
     *
     * @param findings   the server's findings (suppressed ones are skipped)
     * @param title      the rule title for an id, in the report's language
     * @param where      the display location of a finding
     * @param incomplete why the audit was incomplete, or null when it was complete
     * @return the caps, worst first, then by rule id
     */
    public static List<GradeCap> caps(
            List<Finding> findings,
            Function<String, String> title,
            Function<Finding, String> where,
            String incomplete) {
        Map<String, GradeCap> byRule = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.suppressed()) {
                continue;
            }
            GradeCap.Reason r = reason(f);
            if (r == null) {
                continue;
            }
            String id = f.rule().id();
            GradeCap old = byRule.get(id);
            if (old == null) {
                byRule.put(id, new GradeCap(bound(r), r, id, f.severity(), title.apply(id), where.apply(f), 1));
            } else {
                byRule.put(
                        id,
                        new GradeCap(
                                old.bound(),
                                old.reason(),
                                id,
                                old.severity(),
                                old.title(),
                                old.where(),
                                old.count() + 1));
            }
        }
        List<GradeCap> out = new ArrayList<>(byRule.values());
        if (incomplete != null) {
            out.add(new GradeCap(Grade.B, GradeCap.Reason.INCOMPLETE, "", null, incomplete, "", 0));
        }
        out.sort(Comparator.comparing(GradeCap::bound)
                .reversed()
                .thenComparing(GradeCap::reason)
                .thenComparing(GradeCap::ruleId));
        return List.copyOf(out);
    }

    /**
     * @param caps the caps
     * @return the grade: A, or the lowest cap
     */
    public static Grade grade(List<GradeCap> caps) {
        Grade g = Grade.A;
        for (GradeCap c : caps) {
            g = g.worst(c.bound());
        }
        return g;
    }
}
