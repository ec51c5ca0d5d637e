package org.xmailkit.audit.rules;

import java.util.List;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.rules.cfg.ConflictingDuplicate;
import org.xmailkit.audit.rules.cfg.ControlByte;
import org.xmailkit.audit.rules.cfg.IgnoredLine;
import org.xmailkit.audit.rules.cfg.IgnoredText;
import org.xmailkit.audit.rules.cfg.InvalidSyntax;
import org.xmailkit.audit.rules.cfg.MalformedList;
import org.xmailkit.audit.rules.cfg.NonAsciiReply;
import org.xmailkit.audit.rules.cfg.NumberMisread;
import org.xmailkit.audit.rules.cfg.OutOfRange;
import org.xmailkit.audit.rules.cfg.OverlongLine;
import org.xmailkit.audit.rules.cfg.QuotingMisread;
import org.xmailkit.audit.rules.cfg.RecommendedMissing;
import org.xmailkit.audit.rules.cfg.RepeatedSetting;
import org.xmailkit.audit.rules.cfg.ReplyCode;
import org.xmailkit.audit.rules.cfg.RequiredMissing;
import org.xmailkit.audit.rules.cfg.SmartDnsHostBroken;
import org.xmailkit.audit.rules.cfg.SmtpConfigToken;
import org.xmailkit.audit.rules.cfg.UnknownName;
import org.xmailkit.audit.rules.cfg.XMailCfgName;

/**
 * The CFG- rules (validity: names, line layout, duplicates, values, required settings), in id order.
 *
 * <p>Generated from the rule classes of {@code org.xmailkit.audit.rules.cfg} by
 * {@code org.xmailkit.audit.doc.RuleLists}: do not edit. Add or remove a rule class, then run
 * {@code mvn -B -q -pl audit -am process-test-classes -Pcatalogue}.
 */
public final class CfgRules {

    /** In order; generated, see the class comment. */
    public static final List<Rule> ALL = List.of(
            new UnknownName(),           // CFG-001
            new XMailCfgName(),          // CFG-002
            new IgnoredLine(),           // CFG-003
            new QuotingMisread(),        // CFG-004
            new IgnoredText(),           // CFG-005
            new OverlongLine(),          // CFG-006
            new ControlByte(),           // CFG-007
            new ConflictingDuplicate(),  // CFG-008
            new RepeatedSetting(),       // CFG-009
            new NumberMisread(),         // CFG-010
            new OutOfRange(),            // CFG-011
            new ReplyCode(),             // CFG-012
            new NonAsciiReply(),         // CFG-013
            new SmartDnsHostBroken(),    // CFG-014
            new MalformedList(),         // CFG-015
            new SmtpConfigToken(),       // CFG-016
            new RequiredMissing(),       // CFG-017
            new RecommendedMissing(),    // CFG-018
            new InvalidSyntax());        // CFG-019

    private CfgRules() {
    }
}
