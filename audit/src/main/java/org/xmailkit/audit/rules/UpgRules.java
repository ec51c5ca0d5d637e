package org.xmailkit.audit.rules;

import java.util.List;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.rules.upg.CommaForwarders;
import org.xmailkit.audit.rules.upg.CommaGateways;
import org.xmailkit.audit.rules.upg.DefaultSmtpPermsChange;
import org.xmailkit.audit.rules.upg.ExtAuthFormat;
import org.xmailkit.audit.rules.upg.ExtraTokensLive;
import org.xmailkit.audit.rules.upg.PostMasterRcpt;
import org.xmailkit.audit.rules.upg.RdnsCheckMeaning;
import org.xmailkit.audit.rules.upg.RemoveSpoolErrorsMeaning;
import org.xmailkit.audit.rules.upg.RemovedVariable;
import org.xmailkit.audit.rules.upg.RequiredFiles;
import org.xmailkit.audit.rules.upg.SmtpConfigCase;
import org.xmailkit.audit.rules.upg.TlsOnByDefault;

/**
 * The UPG- rules (what changes on upgrade), in id order.
 *
 * <p>Generated from the rule classes of {@code org.xmailkit.audit.rules.upg} by
 * {@code org.xmailkit.audit.doc.RuleLists}: do not edit. Add or remove a rule class, then run
 * {@code mvn -B -q -pl audit -am process-test-classes -Pcatalogue}.
 */
public final class UpgRules {

    /** In order; generated, see the class comment. */
    public static final List<Rule> ALL = List.of(
            new RemovedVariable(),           // UPG-001
            new DefaultSmtpPermsChange(),    // UPG-002
            new TlsOnByDefault(),            // UPG-003
            new CommaGateways(),             // UPG-004
            new CommaForwarders(),           // UPG-005
            new SmtpConfigCase(),            // UPG-006
            new ExtraTokensLive(),           // UPG-007
            new PostMasterRcpt(),            // UPG-008
            new RemoveSpoolErrorsMeaning(),  // UPG-009
            new RdnsCheckMeaning(),          // UPG-010
            new RequiredFiles(),             // UPG-011
            new ExtAuthFormat());            // UPG-012

    private UpgRules() {
    }
}
