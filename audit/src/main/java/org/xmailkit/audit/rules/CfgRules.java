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

/** The CFG- rules, in id order. */
public final class CfgRules {

    /** The rules of this group. */
    public static final List<Rule> ALL = List.of(
            // names
            new UnknownName(),          // CFG-001
            new XMailCfgName(),         // CFG-002
            // line layout
            new IgnoredLine(),          // CFG-003
            new QuotingMisread(),       // CFG-004
            new IgnoredText(),          // CFG-005
            new OverlongLine(),         // CFG-006
            new ControlByte(),          // CFG-007
            // duplicates
            new ConflictingDuplicate(), // CFG-008
            new RepeatedSetting(),      // CFG-009
            // values
            new NumberMisread(),        // CFG-010
            new OutOfRange(),           // CFG-011
            new ReplyCode(),            // CFG-012
            new NonAsciiReply(),        // CFG-013
            new SmartDnsHostBroken(),   // CFG-014
            new MalformedList(),        // CFG-015
            new SmtpConfigToken(),      // CFG-016
            // required settings and syntax
            new RequiredMissing(),      // CFG-017
            new RecommendedMissing(),   // CFG-018
            new InvalidSyntax());       // CFG-019

    private CfgRules() {
    }
}
