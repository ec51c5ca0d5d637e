package org.xmailkit.audit.rules.net;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.NetAudit;
import org.xmailkit.audit.NetAuditor;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.probe.HostProbe;
import org.xmailkit.audit.testing.TestPki;
import org.xmailkit.model.MailRoot;

/** Runs the NET- rules over made-up observations, at the certificate tests' fixed time. */
final class NetCheck {

    private NetCheck() {
    }

    static NetAudit run(HostProbe probe) {
        return run(probe, Optional.empty());
    }

    static NetAudit run(HostProbe probe, Optional<MailRoot> root) {
        return NetAuditor.standard().audit(probe, root, AuditOptions.defaults().withClock(TestPki.clock()));
    }

    /** @return the findings of one rule */
    static List<NetFinding> of(NetAudit audit, String rule) {
        return audit.findings().stream().filter(f -> f.rule().id().equals(rule)).toList();
    }

    /** @return the English messages of one rule's findings */
    static List<String> messages(NetAudit audit, String rule) {
        return of(audit, rule).stream().map(f -> f.message(Locale.ENGLISH)).toList();
    }
}
