package org.xmailkit.audit.rules.opt;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.startup.Listener;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.model.References;

/**
 * OPT-001: the command line leaves SMTPS, POP3S or CTRLS listening (they open unless {@code -X- -B- -W-}) while the
 * MailRoot has no server.cert or server.key, so every connection to them fails in the handshake.
 */
public final class SslOnlyWithoutCertificate implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "OPT-001",
            Severity.HIGH,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT, RuleInfo.Need.STARTUP),
            List.of(
                    References.source("MailSvr.cpp SvrSetupSMTPS, SvrSetupPOP3S, SvrSetupCTRLS"),
                    References.source("SSLConfig.cpp CSslBindSetup"),
                    Opt.COMMAND_LINE),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        boolean cert = ctx.root().serverCert().isPresent();
        boolean key = ctx.root().serverKey().isPresent();
        Startup s = Opt.startup(ctx);
        List<String> open = Opt.listeners(s, Listener::implicitTls);
        if ((cert && key) || open.isEmpty()) {
            return List.of();
        }
        String missing = cert ? "server.key" : key ? "server.cert" : "server.cert, server.key";
        return List.of(Opt.finding(
                INFO,
                Opt.at(ctx, Optional.empty()),
                INFO.message("noCertificate", missing, String.join(", ", open)),
                open));
    }
}
