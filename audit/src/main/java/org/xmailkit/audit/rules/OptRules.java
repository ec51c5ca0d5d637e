package org.xmailkit.audit.rules;

import java.util.List;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.rules.opt.CtrlLogPasswords;
import org.xmailkit.audit.rules.opt.CtrlOnEveryAddress;
import org.xmailkit.audit.rules.opt.DebugMode;
import org.xmailkit.audit.rules.opt.FingerOn;
import org.xmailkit.audit.rules.opt.ListenerConflict;
import org.xmailkit.audit.rules.opt.OptionHistory;
import org.xmailkit.audit.rules.opt.OptionIgnored;
import org.xmailkit.audit.rules.opt.Pop3LogPasswords;
import org.xmailkit.audit.rules.opt.Pop3OnEveryAddress;
import org.xmailkit.audit.rules.opt.SslOnlyWithoutCertificate;
import org.xmailkit.audit.rules.opt.StartFailure;

/** The OPT- rules (XMail's start-up options), in id order. */
public final class OptRules {

    /** The rules of this group. */
    public static final List<Rule> ALL = List.of(
            new SslOnlyWithoutCertificate(), // OPT-001
            new CtrlOnEveryAddress(),        // OPT-002
            new Pop3OnEveryAddress(),        // OPT-003
            new CtrlLogPasswords(),          // OPT-004
            new Pop3LogPasswords(),          // OPT-005
            new FingerOn(),                  // OPT-006
            new DebugMode(),                 // OPT-007
            new ListenerConflict(),          // OPT-008
            new OptionIgnored(),             // OPT-009
            new StartFailure(),              // OPT-010
            new OptionHistory());            // OPT-011

    private OptRules() {
    }
}
