package org.xmailkit.audit.rules;

import java.util.List;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.rules.loc.LocalRuleIgnored;
import org.xmailkit.audit.rules.loc.LocalRuleImplicit;
import org.xmailkit.audit.rules.loc.LocalRuleInert;
import org.xmailkit.audit.rules.loc.LocalRuleValue;

/** The LOC- rules, in id order. */
public final class LocRules {

    /** The rules of this group. */
    public static final List<Rule> ALL = List.of(
            new LocalRuleIgnored(),  // LOC-001
            new LocalRuleInert(),    // LOC-002
            new LocalRuleValue(),    // LOC-003
            new LocalRuleImplicit()); // LOC-004

    private LocRules() {
    }
}
