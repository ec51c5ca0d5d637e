package org.xmailkit.audit.rules;

import java.util.List;
import org.xmailkit.audit.Rule;

/** The TLS- rules, in id order. */
public final class TlsRules {

    /** The rules of this group. */
    public static final List<Rule> ALL = List.of();

    private TlsRules() {
    }
}
