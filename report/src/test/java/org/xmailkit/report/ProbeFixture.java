package org.xmailkit.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.FleetAuditor;
import org.xmailkit.audit.FleetResult;
import org.xmailkit.audit.NetAudit;
import org.xmailkit.audit.NetAuditor;
import org.xmailkit.audit.ProbeReport;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Rules;
import org.xmailkit.audit.Waivers;
import org.xmailkit.audit.probe.HostProbe;
import org.xmailkit.audit.probe.Observed;
import org.xmailkit.audit.probe.ProbeOptions;
import org.xmailkit.audit.probe.Service;
import org.xmailkit.audit.probe.Upgrade;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.MailRootFixture;

/**
 * A probe for the writers' tests: a host whose SMTP port greets with control characters and a right-to-left mark,
 * drops STARTTLS after "220 Ready" (XMail without a certificate), offers AUTH in clear text and relays; its CTRL
 * answers; one finding waived; and an unknown second host.
 */
public final class ProbeFixture {

    private ProbeFixture() {}

    /** @return the hostile host */
    public static HostProbe hostile() {
        return Observed.host()
                .with(Observed.smtp()
                        .greeting("220 mail.example.test \u001B[31mred\u001B[0m \u202Eevil [XMail 1.27 "
                                + "ESMTP Server] <b>bold</b>")
                        .rcpt("250 OK")
                        .startTls(new Upgrade(
                                Upgrade.Status.FAILED,
                                "STARTTLS",
                                "220 Ready to start TLS",
                                "Remote host terminated the handshake"))
                        .tls(Optional.of(Observed.failing(false, "Remote host terminated the handshake")))
                        .build())
                .with(Observed.closed(Service.POP3, 110))
                .with(Observed.ctrl(
                        Service.CTRL, Observed.ctrlGreeting(), Upgrade.not(Upgrade.Status.NOT_TRIED), Optional.empty()))
                .probe();
    }

    /**
     * @param tmp a directory for the MailRoot
     * @return the probe of the hostile host with a MailRoot, and of a host that could not be resolved
     * @throws Exception when the fixture cannot be made
     */
    public static ProbeReport report(Path tmp) throws Exception {
        MailRoot root = MailRootFixture.in(tmp.resolve("mail01"))
                .serverTab("\"RootDomain\"\t\"mail.example.test\"\n")
                .open();
        Waivers w = Waivers.parse(
                "waivers.txt",
                "NET-001 127.0.0.1:* the banner cannot be changed\n".getBytes(StandardCharsets.UTF_8),
                Set.copyOf(Rules.catalogue().stream().map(RuleInfo::id).toList()));
        AuditOptions options =
                AuditOptions.defaults().withClock(FleetFixture.CLOCK).withWaivers(w);
        NetAudit one = NetAuditor.standard().audit(hostile(), Optional.of(root), options);
        HostProbe unknown = new HostProbe(
                "no-such-host.invalid",
                "",
                "",
                FleetFixture.CLOCK.instant(),
                Duration.ZERO,
                List.of(),
                List.of(),
                HostProbe.UNKNOWN_HOST);
        NetAudit two = NetAuditor.standard().audit(unknown, Optional.empty(), options);
        return new ProbeReport(
                tmp,
                NetAuditor.standard().rules().stream().map(r -> r.info()).toList(),
                options,
                ProbeOptions.defaults(),
                List.of(one, two),
                List.of());
    }

    /**
     * @param tmp a directory for the MailRoot
     * @return an audit of one MailRoot with the hostile host's probe attached
     * @throws InputException never, for the fixture's MailRoot
     */
    public static FleetResult audited(Path tmp) throws InputException {
        Path dir = MailRootFixture.in(tmp.resolve("mail02"))
                .serverTab("\"RootDomain\"\t\"mail.example.test\"\n")
                .write();
        AuditOptions options =
                AuditOptions.defaults().withClock(FleetFixture.CLOCK).withProbe(dir, hostile());
        return new FleetAuditor(Auditor.standard(), 1).audit(List.of(dir), tmp, options, s -> {});
    }

    /**
     * @param fleet an audit
     * @return its first server's result
     */
    public static AuditResult first(FleetResult fleet) {
        return fleet.audited().get(0);
    }
}
