package org.xmailkit.migrate;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which audit findings {@code migrate --fix} may remedy: the word {@code safe} selects every rule whose fix is safe
 * ({@link Remedy#safe()}); a rule id selects that rule's remedies, safe or opt-in. Nothing is fixed unless asked for.
 * Whether a named rule exists and has a fix is for the caller, which knows the rule catalogue, to check.
 *
 * @param safe  whether every SAFE rule is selected
 * @param rules the rule ids named (upper case)
 */
public record FixSelection(boolean safe, Set<String> rules) {

    /** The form of a rule id: a group prefix and three digits, e.g. {@code SEC-008}. */
    public static final Pattern RULE_ID = Pattern.compile("[A-Z]{3}-\\d{3}");

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
            } else if (RULE_ID.matcher(t.toUpperCase(Locale.ROOT)).matches()) {
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
     * @param remedy a rule's fix for one finding
     * @return whether it is to be applied
     */
    public boolean selects(Remedy remedy) {
        return rules.contains(remedy.ruleId()) || (safe && remedy.safe());
    }
}
