package org.xmailkit.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Secrets;
import org.xmailkit.report.MigrationView.AuditComparison;
import org.xmailkit.report.MigrationView.DeltaCount;
import org.xmailkit.report.MigrationView.DeltaRule;
import org.xmailkit.report.MigrationView.DiffFile;
import org.xmailkit.report.MigrationView.DiffLine;

/** Builds the parts of a {@link MigrationView} from plain data: unified diff text and two audits' findings. */
public final class MigrationViews {

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");

    private MigrationViews() {}

    /**
     * Reads a unified diff of one file into display lines, numbering each line in the old and the new file.
     * The {@code ---}/{@code +++} header is skipped; every text is scrubbed of secrets.
     *
     * @param path    the file, relative to the MailRoot
     * @param unified the diff lines, without line terminators
     * @param secrets what must not be shown
     * @return the diff
     */
    public static DiffFile diff(String path, List<String> unified, Secrets secrets) {
        List<DiffLine> out = new ArrayList<>();
        int oldNo = 0;
        int newNo = 0;
        int added = 0;
        int removed = 0;
        boolean inHunk = false;
        for (String raw : unified) {
            if (!inHunk && (raw.startsWith("--- ") || raw.startsWith("+++ "))) {
                continue;
            }
            Matcher m = HUNK.matcher(raw);
            if (m.matches()) {
                inHunk = true;
                oldNo = Integer.parseInt(m.group(1));
                newNo = Integer.parseInt(m.group(3));
                out.add(new DiffLine(DiffLine.Kind.HUNK, 0, 0, raw));
                continue;
            }
            if (raw.startsWith("\\")) {
                out.add(new DiffLine(DiffLine.Kind.NOTE, 0, 0, raw));
                continue;
            }
            String text = secrets.scrub(raw.isEmpty() ? "" : raw.substring(1));
            char marker = raw.isEmpty() ? ' ' : raw.charAt(0);
            switch (marker) {
                case '+' -> {
                    out.add(new DiffLine(DiffLine.Kind.ADDED, 0, newNo++, text));
                    added++;
                }
                case '-' -> {
                    out.add(new DiffLine(DiffLine.Kind.REMOVED, oldNo++, 0, text));
                    removed++;
                }
                default -> out.add(new DiffLine(DiffLine.Kind.CONTEXT, oldNo++, newNo++, text));
            }
        }
        return new DiffFile(path, out, added, removed);
    }

    /**
     * Compares the unsuppressed findings of two audits of the same server, rule by rule.
     *
     * @param delta the findings before and after migration
     * @param title a rule's title in the report's language
     * @return the comparison
     */
    public static AuditComparison delta(AuditDelta delta, Function<RuleInfo, String> title) {
        return delta(delta.before(), delta.after(), title);
    }

    /**
     * @param before the findings before migration
     * @param after  the findings after migration
     * @param title  a rule's title in the report's language
     * @return the comparison, rule by rule
     */
    static AuditComparison delta(List<Finding> before, List<Finding> after, Function<RuleInfo, String> title) {
        Map<Severity, int[]> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, new int[2]);
        }
        Map<String, int[]> byRule = new TreeMap<>();
        Map<String, RuleInfo> rules = new TreeMap<>();
        for (Finding f : before) {
            if (!f.suppressed()) {
                counts.get(f.severity())[0]++;
                byRule.computeIfAbsent(f.rule().id(), k -> new int[2])[0]++;
                rules.putIfAbsent(f.rule().id(), f.rule());
            }
        }
        for (Finding f : after) {
            if (!f.suppressed()) {
                counts.get(f.severity())[1]++;
                byRule.computeIfAbsent(f.rule().id(), k -> new int[2])[1]++;
                rules.putIfAbsent(f.rule().id(), f.rule());
            }
        }
        List<DeltaCount> c = new ArrayList<>();
        counts.forEach((s, n) -> c.add(new DeltaCount(s, n[0], n[1])));
        List<DeltaRule> resolved = new ArrayList<>();
        List<DeltaRule> introduced = new ArrayList<>();
        byRule.forEach((id, n) -> {
            RuleInfo r = rules.get(id);
            if (n[1] < n[0]) {
                resolved.add(new DeltaRule(id, r.severity(), title.apply(r), n[0] - n[1]));
            } else if (n[1] > n[0]) {
                introduced.add(new DeltaRule(id, r.severity(), title.apply(r), n[1] - n[0]));
            }
        });
        Comparator<DeltaRule> order = Comparator.comparing(DeltaRule::severity).thenComparing(DeltaRule::ruleId);
        resolved.sort(order);
        introduced.sort(order);
        return new AuditComparison(c, resolved, introduced);
    }
}
