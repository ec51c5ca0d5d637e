package org.xmailkit.audit;

import java.util.List;

/**
 * A rule over what a running server shows on the wire ({@code NET-}): constant metadata plus a check of one host's
 * probe, with the MailRoot when it is known. One final class per rule; all are listed in
 * {@link org.xmailkit.audit.rules.NetRules#ALL}.
 */
public interface NetRule {

    /** @return the rule's metadata */
    RuleInfo info();

    /**
     * Checks one host's probe. Called only when the rule's needs are met.
     *
     * @param ctx what was observed, and the MailRoot's files when known
     * @return the findings, possibly empty; never null
     */
    List<NetFinding> check(NetContext ctx);
}
