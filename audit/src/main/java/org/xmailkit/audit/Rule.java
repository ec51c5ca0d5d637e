package org.xmailkit.audit;

import java.util.List;

/** An audit rule: constant metadata plus a check. One final class per rule; all are listed in {@link Rules#ALL}. */
public interface Rule {

    /** @return the rule's metadata */
    RuleInfo info();

    /**
     * Checks one MailRoot. Called only when the rule's needs are met.
     *
     * @param ctx what to check
     * @return the findings, possibly empty; never null
     */
    List<Finding> check(AuditContext ctx);
}
