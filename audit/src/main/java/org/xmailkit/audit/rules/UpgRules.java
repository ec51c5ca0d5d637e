package org.xmailkit.audit.rules;

import java.util.List;
import org.xmailkit.audit.Rule;

/** The UPG- rules, in id order. */
public final class UpgRules {

    /** The rules of this group. */
    public static final List<Rule> ALL = List.of();

    private UpgRules() {
    }
}
