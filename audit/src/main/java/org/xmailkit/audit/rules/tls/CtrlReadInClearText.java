package org.xmailkit.audit.rules.tls;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.References;
import org.xmailkit.model.ctrl.CtrlTransport;
import org.xmailkit.model.ctrl.Origins;

/**
 * TLS-031: xmailkit read this server over CTRL in clear text ({@code --ctrl-insecure}). The login was MD5, so the
 * password did not cross the network, but every file did: server.key, ctrlaccounts.tab and the other password files
 * included (cfgfileget sends them as they are: CTRLSvr.cpp CTRLDo_cfgfileget). Only a server read over CTRL can
 * have this finding; the command line records how it read it.
 */
public final class CtrlReadInClearText implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-031",
            Severity.HIGH,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("CTRLSvr.cpp CTRLDo_cfgfileget"),
                    References.source("CTRLSvr.cpp CTRLLogin"),
                    References.cwe(319)),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return Origins.of(ctx.root().directory())
                .filter(o -> o.transport() == CtrlTransport.CLEARTEXT)
                .map(o -> List.of(Finding.of(INFO, Location.file(ctx.root().directory()), INFO.message("read"))))
                .orElse(List.of());
    }
}
