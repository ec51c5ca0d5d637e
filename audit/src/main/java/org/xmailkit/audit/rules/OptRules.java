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

/**
 * The OPT- rules (XMail's command line), in id order.
 *
 * <p>Generated from the rule classes of {@code org.xmailkit.audit.rules.opt} by
 * {@code org.xmailkit.audit.doc.RuleLists}: do not edit. Add or remove a rule class, then run
 * {@code mvn -B -q -pl audit -am process-test-classes -Pcatalogue}.
 */
public final class OptRules {

    /** In order; generated, see the class comment. */
    public static final List<Rule> ALL = List.of(
            new SslOnlyWithoutCertificate(),  // OPT-001
            new CtrlOnEveryAddress(),         // OPT-002
            new Pop3OnEveryAddress(),         // OPT-003
            new CtrlLogPasswords(),           // OPT-004
            new Pop3LogPasswords(),           // OPT-005
            new FingerOn(),                   // OPT-006
            new DebugMode(),                  // OPT-007
            new ListenerConflict(),           // OPT-008
            new OptionIgnored(),              // OPT-009
            new StartFailure(),               // OPT-010
            new OptionHistory());             // OPT-011

    private OptRules() {
    }
}
