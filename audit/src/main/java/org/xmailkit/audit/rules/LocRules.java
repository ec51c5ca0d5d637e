package org.xmailkit.audit.rules;

import java.util.List;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.rules.loc.LocalRuleIgnored;
import org.xmailkit.audit.rules.loc.LocalRuleImplicit;
import org.xmailkit.audit.rules.loc.LocalRuleInert;
import org.xmailkit.audit.rules.loc.LocalRuleValue;

/**
 * The LOC- rules (the localized 1.27 build), in id order.
 *
 * <p>Generated from the rule classes of {@code org.xmailkit.audit.rules.loc} by
 * {@code org.xmailkit.audit.doc.RuleLists}: do not edit. Add or remove a rule class, then run
 * {@code mvn -B -q -pl audit -am process-test-classes -Pcatalogue}.
 */
public final class LocRules {

    /** In order; generated, see the class comment. */
    public static final List<Rule> ALL = List.of(
            new LocalRuleIgnored(),   // LOC-001
            new LocalRuleInert(),     // LOC-002
            new LocalRuleValue(),     // LOC-003
            new LocalRuleImplicit()); // LOC-004

    private LocRules() {
    }
}
