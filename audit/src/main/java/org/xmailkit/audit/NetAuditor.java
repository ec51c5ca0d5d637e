package org.xmailkit.audit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.probe.Endpoint;
import org.xmailkit.audit.probe.HostProbe;
import org.xmailkit.audit.rules.NetRules;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.Text;
import org.xmailkit.model.version.SourceVersion;
import org.xmailkit.model.version.VersionDetector;

/**
 * Runs the NET- rules over one host's probe, with the MailRoot when it is known, then applies waivers: an inline
 * {@code # xmailkit:ignore} comment above the MailRoot line a finding names, else the waiver file, whose path glob
 * is matched against the endpoint ({@code host:port}), the file the finding names and the MailRoot. With a MailRoot,
 * its secrets are scrubbed from every text, as in the file audit.
 */
public final class NetAuditor {

    private final List<NetRule> rules;

    /** @param rules the rules to run, in order */
    public NetAuditor(List<NetRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** @return an auditor with every NET- rule */
    public static NetAuditor standard() {
        return new NetAuditor(NetRules.ALL);
    }

    /** @return the rules, in order */
    public List<NetRule> rules() {
        return rules;
    }

    /** @return the rule ids */
    public Set<String> ruleIds() {
        Set<String> ids = new LinkedHashSet<>();
        rules.forEach(r -> ids.add(r.info().id()));
        return Set.copyOf(ids);
    }

    /**
     * @param probe   what the host showed
     * @param root    the MailRoot the server runs on, if known
     * @param options the audit options (waivers, clock, thresholds, profile, --from)
     * @return the findings and outcomes
     */
    public NetAudit audit(HostProbe probe, Optional<MailRoot> root, AuditOptions options) {
        Optional<AuditContext> files = root.map(r -> new AuditContext(
                r,
                options.from().map(SourceVersion::given).orElseGet(() -> new VersionDetector().detect(r.serverTab())),
                options));
        NetContext ctx = new NetContext(probe, files, options);
        List<NetFinding> found = new ArrayList<>();
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (NetRule rule : rules) {
            RuleInfo info = rule.info();
            if (!info.profiles().contains(options.profile())) {
                outcomes.add(new RuleOutcome(info, RuleOutcome.Status.SKIPPED, Optional.empty()));
                continue;
            }
            if (!probe.probed()) {
                outcomes.add(new RuleOutcome(
                        info, RuleOutcome.Status.NOT_APPLICABLE, Optional.of(AuditMessages.text("outcome.notProbed"))));
                continue;
            }
            if (info.needs().contains(RuleInfo.Need.MAILROOT)
                    && (files.isEmpty() || files.get().root().bare())) {
                outcomes.add(new RuleOutcome(
                        info,
                        RuleOutcome.Status.NOT_APPLICABLE,
                        Optional.of(AuditMessages.text("outcome.noMailRoot"))));
                continue;
            }
            List<NetFinding> f = rule.check(ctx);
            found.addAll(f);
            outcomes.add(new RuleOutcome(
                    info, f.isEmpty() ? RuleOutcome.Status.PASSED : RuleOutcome.Status.FAILED, Optional.empty()));
        }
        LocalDate today = LocalDate.now(options.clock());
        List<NetFinding> waived = new ArrayList<>(found.size());
        List<Notice> notices = List.of();
        if (root.isPresent()) {
            Set<String> ids =
                    Set.copyOf(Rules.catalogue().stream().map(RuleInfo::id).toList());
            InlineWaivers inline = new InlineWaivers(root.get(), ids, options.waivers(), today);
            Secrets secrets = Secrets.of(root.get());
            for (NetFinding f : found) {
                waived.add(scrub(inline.apply(f), secrets));
            }
            notices = inline.notices().stream()
                    .map(n -> new Notice(n.location(), scrub(n.message(), secrets)))
                    .toList();
        } else {
            for (NetFinding f : found) {
                waived.add(options.waivers()
                        .find(f, Optional.empty(), today)
                        .map(w -> f.withSuppression(w.suppression(today)))
                        .orElse(f));
            }
        }
        waived.sort(order(probe));
        HostProbe shown = root.isPresent() ? probe.map(Secrets.of(root.get())::scrub) : probe;
        return new NetAudit(
                shown, root.map(r -> r.bare() ? r.serverTabPath() : r.directory()), waived, outcomes, notices);
    }

    /** Findings order: severity, the endpoint's place in the probe, rule id, message key and values. */
    static Comparator<NetFinding> order(HostProbe probe) {
        List<Endpoint> endpoints =
                probe.endpoints().stream().map(e -> e.endpoint()).toList();
        return Comparator.comparing(NetFinding::severity)
                .thenComparingInt(f -> endpoints.indexOf(f.endpoint()))
                .thenComparing(f -> f.rule().id())
                .thenComparing(f -> f.message().key())
                .thenComparing(f -> String.join("\u0000", f.message().strings()));
    }

    private static NetFinding scrub(NetFinding f, Secrets secrets) {
        return new NetFinding(
                f.rule(),
                f.endpoint(),
                f.cause(),
                scrub(f.message(), secrets),
                f.evidence().stream().map(secrets::scrub).toList(),
                f.suppression()
                        .map(x -> new Suppression(
                                x.kind(), secrets.scrub(x.reason()), x.expires(), x.expired(), x.source())));
    }

    private static Text scrub(Text t, Secrets secrets) {
        return t.mapStrings(secrets::scrub);
    }

    /**
     * @param path a MailRoot or server.tab path
     * @return it absolute and normalised, the key of {@link AuditOptions#probes()}
     */
    public static Path key(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
