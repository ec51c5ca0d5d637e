package org.xmailkit.audit.doc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.xmailkit.audit.NetRule;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleGroup;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.model.testing.SourceLists;

/**
 * Writes what is generated from the rule classes: each group's list ({@code org.xmailkit.audit.rules.<Prefix>Rules},
 * the rule classes of the group's package in id order) and the rule docs ({@link RuleDocGenerator}). Run it after
 * adding or removing a rule: {@link #REGENERATE}. {@code RuleListsTest} fails while a list is stale.
 */
public final class RuleLists {

    /** The command that regenerates the lists and the docs, run from the repository root. */
    public static final String REGENERATE = "mvn -B -q -pl audit -am process-test-classes -Pcatalogue";

    private RuleLists() {}

    /**
     * One rule as its group's list names it: a {@link Rule}, or a {@link NetRule} in the NET- group.
     *
     * @param type the rule's class
     * @param info its metadata
     */
    record Listed(Class<?> type, RuleInfo info) {

        static Listed of(Object rule) {
            RuleInfo info = rule instanceof NetRule n ? n.info() : ((Rule) rule).info();
            return new Listed(rule.getClass(), info);
        }
    }

    /**
     * @param args the audit module's main source directory and the rule docs directory
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path sources = Path.of(args[0]);
        Map<RuleGroup, List<Listed>> groups = discover();
        List<RuleInfo> all = new ArrayList<>();
        for (Map.Entry<RuleGroup, List<Listed>> e : groups.entrySet()) {
            if (SourceLists.write(file(sources, e.getKey()), source(e.getKey(), e.getValue()))) {
                System.out.println("wrote " + file(sources, e.getKey()));
            }
            e.getValue().forEach(r -> all.add(r.info()));
        }
        new RuleDocGenerator(all).write(Path.of(args[1]));
    }

    /**
     * @param sources the module's main source directory
     * @param g       a group
     * @return its list's source file
     */
    static Path file(Path sources, RuleGroup g) {
        return sources.resolve("org/xmailkit/audit/rules/" + g.listClass() + ".java");
    }

    /**
     * @return every rule class of each group's package, made once, in id order
     * @throws IllegalStateException when a rule's id does not carry its package's prefix, or two share an id
     */
    static Map<RuleGroup, List<Listed>> discover() {
        Map<RuleGroup, List<Listed>> out = new EnumMap<>(RuleGroup.class);
        for (RuleGroup g : RuleGroup.values()) {
            List<Listed> rules = new ArrayList<>(
                    SourceLists.instances(g.ruleType(), g.packageName(), RuleLists.class.getClassLoader()).stream()
                            .map(Listed::of)
                            .toList());
            rules.sort(Comparator.comparing(r -> r.info().id()));
            for (int i = 0; i < rules.size(); i++) {
                String id = rules.get(i).info().id();
                if (!id.startsWith(g.name() + "-")) {
                    throw new IllegalStateException(rules.get(i).type().getName() + " has id " + id
                            + ", but its package holds the " + g.name() + "- rules");
                }
                if (i > 0 && id.equals(rules.get(i - 1).info().id())) {
                    throw new IllegalStateException("two rules have the id " + id);
                }
            }
            out.put(g, List.copyOf(rules));
        }
        return out;
    }

    /**
     * @param g     a group
     * @param rules its rules, in id order
     * @return the source of its list class
     */
    static String source(RuleGroup g, List<Listed> rules) {
        List<String> imports =
                new ArrayList<>(List.of("java.util.List", g.ruleType().getName()));
        List<SourceLists.Element> elements = new ArrayList<>();
        for (Listed r : rules) {
            imports.add(r.type().getName());
            elements.add(
                    new SourceLists.Element(r.type().getSimpleName(), r.info().id()));
        }
        List<String> doc = List.of(
                "The " + g.name() + "- rules (" + g.about() + "), in id order.",
                "",
                "<p>Generated from the rule classes of {@code " + g.packageName() + "} by",
                "{@code " + RuleLists.class.getName() + "}: do not edit. Add or remove a rule class, then run",
                "{@code " + REGENERATE + "}.");
        return SourceLists.render(
                "org.xmailkit.audit.rules",
                imports.stream().sorted().toList(),
                doc,
                g.listClass(),
                g.ruleType().getSimpleName(),
                elements,
                "");
    }
}
