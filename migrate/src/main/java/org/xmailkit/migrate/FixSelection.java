package org.xmailkit.migrate;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.xmailkit.audit.RuleInfo;

/**
 * Which audit findings {@code migrate --fix} may remedy: the word {@code safe} selects every rule marked
 * {@link RuleInfo.Fix#SAFE}; a rule id selects that rule when it is {@code SAFE} or {@code OPT_IN}. Nothing is
 * fixed unless asked for.
 *
 * @param safe  whether every SAFE rule is selected
 * @param rules the rule ids named (upper case)
 */
public record FixSelection(boolean safe, Set<String> rules) {

    /** Fix nothing (the default). */
    public static final FixSelection NONE = new FixSelection(false, Set.of());

    public FixSelection {
        Set<String> upper = new LinkedHashSet<>();
        for (String r : rules) {
            upper.add(r.toUpperCase(Locale.ROOT));
        }
        rules = Set.copyOf(upper);
    }

    /**
     * @param text a comma-separated list of {@code safe} and rule ids, e.g. {@code safe,SEC-004}
     * @return the selection
     * @throws IllegalArgumentException for an item that is neither {@code safe} nor a rule id
     */
    public static FixSelection parse(String text) {
        boolean safe = false;
        Set<String> ids = new LinkedHashSet<>();
        for (String item : text.split(",", -1)) {
            String t = item.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.equalsIgnoreCase("safe")) {
                safe = true;
            } else if (RuleInfo.ID.matcher(t.toUpperCase(Locale.ROOT)).matches()) {
                ids.add(t.toUpperCase(Locale.ROOT));
            } else {
                throw new IllegalArgumentException(t);
            }
        }
        return new FixSelection(safe, ids);
    }

    /** @return whether anything is selected */
    public boolean any() {
        return safe || !rules.isEmpty();
    }

    /**
     * @param rule a rule
     * @return whether its findings are to be fixed
     */
    public boolean selects(RuleInfo rule) {
        return switch (rule.fix()) {
            case NONE -> false;
            case SAFE -> safe || rules.contains(rule.id());
            case OPT_IN -> rules.contains(rule.id());
        };
    }
}
