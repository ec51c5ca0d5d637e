package org.xmailkit.audit.rules;

import java.util.List;
import org.xmailkit.audit.Rule;

/** The LOC- rules, in id order. */
public final class LocRules {

    /** The rules of this group. */
    public static final List<Rule> ALL = List.of();

    private LocRules() {
    }
}
