package org.xmailkit.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.xmailkit.audit.AuditMessages;
import org.xmailkit.audit.Profile;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Rules;
import org.xmailkit.model.Reference;
import org.xmailkit.report.text.Columns;

/**
 * {@code xmailkit explain [RULE]}: a rule's title, summary, why it matters, remediation (with the exact lines to
 * write) and references, in the chosen language; without RULE, the list of rules.
 */
final class ExplainCommand implements Command {

    private static final Pattern LOOSE_ID = Pattern.compile("([A-Za-z]{3})[-_ ]?0*([0-9]{1,3})");

    private final List<RuleInfo> rules;

    ExplainCommand() {
        this(Rules.catalogue());
    }

    /** @param rules the rules to explain (tests give test rules) */
    ExplainCommand(List<RuleInfo> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public String name() {
        return "explain";
    }

    @Override
    public String operands() {
        return "[RULE]";
    }

    @Override
    public Options options(Locale locale) {
        return new Options();
    }

    @Override
    public ExitCode run(CommandLine cl, CommandContext ctx) throws Exception {
        List<String> args = cl.getArgList();
        if (args.size() > 1) {
            throw new UsageException(ctx.msg("explain.oneRule"));
        }
        PrintStream out = ctx.text();
        Locale l = ctx.locale();
        if (args.isEmpty()) {
            for (RuleInfo r : rules) {
                out.println(r.id() + "  " + Columns.pad(severity(r, l), 8) + "  " + r.title(l));
            }
            return ExitCode.OK;
        }
        String asked = args.get(0).strip();
        Optional<RuleInfo> found =
                rules.stream().filter(r -> r.id().equalsIgnoreCase(asked)).findFirst();
        if (found.isEmpty()) {
            String hint = suggest(asked)
                    .map(s -> " " + ctx.msg("explain.didYouMean", s))
                    .orElse("");
            throw new UsageException(ctx.msg("explain.unknown", asked) + hint);
        }
        RuleInfo r = found.get();
        out.println(r.id() + "  " + r.title(l));
        out.println(ctx.msg(
                "explain.meta",
                severity(r, l),
                AuditMessages.get(l, "category." + r.category().id()),
                String.join(
                        ", ",
                        new TreeSet<>(r.profiles()).stream().map(Profile::id).toList()),
                r.fix().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        out.println();
        out.println(r.summary(l));
        out.println();
        out.println(ctx.msg("explain.why"));
        out.println("  " + r.why(l));
        out.println();
        out.println(ctx.msg("explain.fix"));
        out.println("  " + r.remediation(l));
        if (!r.remediationLines().isEmpty()) {
            out.println();
            r.remediationLines().forEach(line -> out.println("    " + line.replace("\t", "<TAB>")));
            if (r.remediationLines().stream().anyMatch(line -> line.indexOf('\t') >= 0)) {
                out.println("  " + ctx.msg("explain.tabNote"));
            }
        }
        out.println();
        out.println(ctx.msg("explain.references"));
        for (Reference ref : r.references()) {
            out.println("  - " + ref.display() + (ref.url().isEmpty() ? "" : "  " + ref.url()));
        }
        return ExitCode.OK;
    }

    /**
     * @param asked what the user typed
     * @return the rule id probably meant: the same id written loosely ({@code sec1}, {@code SEC_001}), else the
     *         closest id within two edits
     */
    Optional<String> suggest(String asked) {
        Matcher m = LOOSE_ID.matcher(asked);
        if (m.matches()) {
            String id = m.group(1).toUpperCase(Locale.ROOT) + "-"
                    + String.format(Locale.ROOT, "%03d", Integer.parseInt(m.group(2)));
            if (rules.stream().anyMatch(r -> r.id().equals(id))) {
                return Optional.of(id);
            }
        }
        String upper = asked.toUpperCase(Locale.ROOT);
        List<String> best = new ArrayList<>();
        int bestDistance = 3;
        for (RuleInfo r : rules) {
            int d = distance(upper, r.id());
            if (d < bestDistance) {
                bestDistance = d;
                best.clear();
                best.add(r.id());
            } else if (d == bestDistance) {
                best.add(r.id());
            }
        }
        return best.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", best));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String severity(RuleInfo r, Locale l) {
        return AuditMessages.get(l, "severity." + r.severity().id());
    }
}
