package org.xmailkit.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.xmailkit.audit.Finding;

/**
 * The audit findings before and after a migration, and which were resolved or introduced. Findings are matched by
 * rule, file, variable and message, not by line (lines move when others are inserted or removed); a finding whose
 * message only changed its values (the same rule about the same variable) counts as still there.
 *
 * @param before     the findings on the configuration as read
 * @param after      the findings on the migrated configuration
 * @param resolved   findings before that are gone after
 * @param introduced findings after that were not there before
 * @param error      why the audit could not run, if it could not
 */
public record AuditDelta(List<Finding> before, List<Finding> after, List<Finding> resolved,
                         List<Finding> introduced, Optional<String> error) {

    public AuditDelta {
        before = List.copyOf(before);
        after = List.copyOf(after);
        resolved = List.copyOf(resolved);
        introduced = List.copyOf(introduced);
        Objects.requireNonNull(error, "error");
    }

    /**
     * @param before the findings before
     * @param after  the findings after
     * @return the delta
     */
    public static AuditDelta of(List<Finding> before, List<Finding> after) {
        List<Finding> gone = minus(before, after, AuditDelta::key);
        List<Finding> added = minus(after, before, AuditDelta::key);
        return new AuditDelta(before, after, minus(gone, added, AuditDelta::looseKey),
                minus(added, gone, AuditDelta::looseKey), Optional.empty());
    }

    /**
     * @param why why no audit is available
     * @return an empty delta carrying the reason
     */
    public static AuditDelta unavailable(String why) {
        return new AuditDelta(List.of(), List.of(), List.of(), List.of(), Optional.of(why));
    }

    /** Multiset difference by a key. */
    private static List<Finding> minus(List<Finding> a, List<Finding> b, Function<Finding, String> key) {
        Map<String, Integer> counts = new HashMap<>();
        for (Finding f : b) {
            counts.merge(key.apply(f), 1, Integer::sum);
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : a) {
            String k = key.apply(f);
            int n = counts.getOrDefault(k, 0);
            if (n > 0) {
                counts.put(k, n - 1);
            } else {
                out.add(f);
            }
        }
        return out;
    }

    static String key(Finding f) {
        return looseKey(f) + "\u0000" + String.join("\u0001", f.message().strings());
    }

    static String looseKey(Finding f) {
        String file = f.location().file().getFileName() == null ? "" : f.location().file().getFileName().toString();
        return String.join("\u0000", f.rule().id(), file, f.location().variable(), f.message().key());
    }
}
