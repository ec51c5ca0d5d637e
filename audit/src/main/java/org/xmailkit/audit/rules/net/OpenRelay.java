package org.xmailkit.audit.rules.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.NetContext;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.NetRule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.net.AddressFilter;
import org.xmailkit.audit.net.IpAddress;
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.audit.probe.Service;
import org.xmailkit.audit.probe.SmtpFacts;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.References;
import org.xmailkit.model.TabFile;

/**
 * NET-010: the server accepted, from the probing host and without authentication, a recipient in an outside domain
 * for a sender in another outside domain (MAIL FROM, RCPT TO, then RSET: no message was sent). With the MailRoot, the
 * smtprelay.tab line that lets the probing address relay is named.
 */
public final class OpenRelay implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-010",
            Severity.CRITICAL,
            Category.RELAY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(
                    References.source("SMTPSvr.cpp SMTPCheckRelayCapability"),
                    References.rfc(5321, "7.9"),
                    References.rfc(2505, "2.1")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        List<NetFinding> out = new ArrayList<>();
        Optional<Cause> cause = cause(ctx);
        for (EndpointProbe e : NetSupport.open(ctx, Service.Protocol.SMTP)) {
            Optional<SmtpFacts.Relay> relay = e.smtp().flatMap(s -> s.relay()).filter(SmtpFacts.Relay::accepted);
            if (relay.isEmpty()) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            evidence.add(relay.get().mail().text());
            relay.get().rcpt().ifPresent(r -> evidence.add(r.text()));
            cause.ifPresent(c -> evidence.add(c.evidence()));
            out.add(NetSupport.finding(
                    INFO,
                    e,
                    cause.map(Cause::location),
                    INFO.message(
                            cause.isPresent() ? "relayRow" : "accepted",
                            e.endpoint().label(),
                            ctx.probe().source()),
                    evidence));
        }
        return out;
    }

    private record Cause(Location location, String evidence) {}

    /** The first smtprelay.tab line whose address rule covers the probing address. */
    private static Optional<Cause> cause(NetContext ctx) {
        Optional<IpAddress> source = IpAddress.parse(ctx.probe().source());
        if (ctx.files().isEmpty() || source.isEmpty()) {
            return Optional.empty();
        }
        Optional<TabFile> relay = ctx.files().get().root().file(MailRootFile.SMTP_RELAY);
        if (relay.isEmpty()) {
            return Optional.empty();
        }
        for (TabFile.Row row : relay.get().rows()) {
            if (AddressFilter.read(row.columns(), row.size()) instanceof AddressFilter.Parsed p
                    && p.filter().matches(source.get())) {
                return Optional.of(new Cause(
                        Location.line(relay.get().path(), row.line(), ""), NetSupport.line(relay.get(), row)));
            }
        }
        return Optional.empty();
    }
}
