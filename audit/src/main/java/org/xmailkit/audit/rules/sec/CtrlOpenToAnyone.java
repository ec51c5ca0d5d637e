package org.xmailkit.audit.rules.sec;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.startup.Group;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.References;

/**
 * SEC-011: the CTRL administration service (ports 6017 and 6018) accepts connections from any address: ctrl.ipmap.tab
 * is missing, is the shipped {@code 0.0.0.0 0.0.0.0 ALLOW} line, or denies nothing Internet-wide. When XMail's command
 * line is known, only the CTRL and CTRLS sockets that really listen beyond loopback count. See {@link #INFO}.
 */
public final class CtrlOpenToAnyone implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-011",
            Severity.HIGH,
            Category.ACCESS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("CTRLSvr.cpp CTRLCheckPeerIP"),
                    References.source("MiscUtils.cpp MscCheckAllowedIP")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        int accounts = Accounts.of(ctx, Accounts.Kind.CTRL).size();
        if (ctx.startup().isPresent()) {
            // The real command line: CTRL off, or bound to loopback only, is not reachable from anyone.
            List<String> open = ctx.startup()
                    .get()
                    .options()
                    .describe(l -> !l.loopback() && (l.service() == Group.CTRL || l.service() == Group.CTRLS));
            return open.isEmpty()
                    ? List.of()
                    : AccessMaps.openToAnyone(
                            ctx, INFO, MailRootFile.CTRL_IPMAP, ".listening", accounts, String.join(", ", open));
        }
        return AccessMaps.openToAnyone(ctx, INFO, MailRootFile.CTRL_IPMAP, accounts);
    }
}
