package org.xmailkit.audit.rules;

import java.util.List;
import org.xmailkit.audit.Rule;

/** The SEC- rules, in id order. */
public final class SecRules {

    /** The rules of this group. */
    public static final List<Rule> ALL = List.of();

    private SecRules() {
    }
}
