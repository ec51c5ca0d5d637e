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
public record AuditDelta(
        List<Finding> before,
        List<Finding> after,
        List<Finding> resolved,
        List<Finding> introduced,
        Optional<String> error) {

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
        if (before == after) {
            return new AuditDelta(before, after, List.of(), List.of(), Optional.empty());
        }
        // Each finding's key is made once: a huge server has hundreds of thousands of findings.
        List<String> beforeKeys = keys(before, AuditDelta::key);
        List<String> afterKeys = keys(after, AuditDelta::key);
        List<Finding> gone = minus(before, beforeKeys, afterKeys);
        List<Finding> added = minus(after, afterKeys, beforeKeys);
        List<String> goneKeys = keys(gone, AuditDelta::looseKey);
        List<String> addedKeys = keys(added, AuditDelta::looseKey);
        return new AuditDelta(
                before, after, minus(gone, goneKeys, addedKeys), minus(added, addedKeys, goneKeys), Optional.empty());
    }

    /**
     * @param why why no audit is available
     * @return an empty delta carrying the reason
     */
    public static AuditDelta unavailable(String why) {
        return new AuditDelta(List.of(), List.of(), List.of(), List.of(), Optional.of(why));
    }

    private static List<String> keys(List<Finding> findings, Function<Finding, String> key) {
        List<String> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(key.apply(f));
        }
        return out;
    }

    /** Multiset difference by keys: the findings of {@code a} whose key is not matched by one of {@code bKeys}. */
    private static List<Finding> minus(List<Finding> a, List<String> aKeys, List<String> bKeys) {
        Map<String, int[]> counts = new HashMap<>();
        for (String k : bKeys) {
            counts.computeIfAbsent(k, x -> new int[1])[0]++;
        }
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            int[] n = counts.get(aKeys.get(i));
            if (n != null && n[0] > 0) {
                n[0]--;
            } else {
                out.add(a.get(i));
            }
        }
        return out;
    }

    static String key(Finding f) {
        return looseKey(f) + "\u0000" + String.join("\u0001", f.message().strings());
    }

    static String looseKey(Finding f) {
        String file = f.location().file().getFileName() == null
                ? ""
                : f.location().file().getFileName().toString();
        return String.join(
                "\u0000",
                f.rule().id(),
                file,
                f.location().variable(),
                f.message().key());
    }
}
