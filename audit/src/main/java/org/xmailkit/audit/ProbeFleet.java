package org.xmailkit.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.xmailkit.audit.probe.HostProbe;
import org.xmailkit.audit.probe.ProbeOptions;
import org.xmailkit.audit.probe.Prober;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;

/**
 * Probes hosts ({@link Prober}: a few at once, each host's services one after another) and runs the NET- rules over
 * each, with the MailRoot the host runs on when it is given. MailRoots are opened before anything is sent, so that a
 * wrong path costs no connection.
 */
public final class ProbeFleet {

    /**
     * One host to probe.
     *
     * @param target   the host and its endpoints
     * @param mailRoot the MailRoot its XMail runs on, if known
     */
    public record Target(Prober.Target target, Optional<Path> mailRoot) {
        public Target {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(mailRoot, "mailRoot");
        }
    }

    private final NetAuditor auditor;

    /** @param auditor the NET- rules to run */
    public ProbeFleet(NetAuditor auditor) {
        this.auditor = Objects.requireNonNull(auditor, "auditor");
    }

    /** @return a fleet prober with every NET- rule */
    public static ProbeFleet standard() {
        return new ProbeFleet(NetAuditor.standard());
    }

    /**
     * Probes the hosts, each as far as the options allow.
     *
     * @param targets  the hosts, in the order to report them
     * @param scanRoot the directory MailRoot paths are shown relative to
     * @param options  the audit options (waivers, clock, thresholds, profile)
     * @param probe    how to probe
     * @param progress told about each host when its probe is done, from worker threads (must be thread-safe)
     * @return the report
     * @throws InputException when a MailRoot given cannot be opened (nothing has been sent yet)
     */
    public ProbeReport run(
            List<Target> targets, Path scanRoot, AuditOptions options, ProbeOptions probe, Consumer<HostProbe> progress)
            throws InputException {
        List<Optional<MailRoot>> roots = new ArrayList<>();
        for (Target t : targets) {
            roots.add(
                    t.mailRoot().isPresent()
                            ? Optional.of(MailRoot.open(t.mailRoot().get()))
                            : Optional.empty());
        }
        List<HostProbe> probes =
                new Prober(probe).probe(targets.stream().map(Target::target).toList(), progress);
        List<NetAudit> hosts = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            hosts.add(auditor.audit(probes.get(i), roots.get(i), options));
        }
        return new ProbeReport(
                scanRoot,
                auditor.rules().stream().map(NetRule::info).toList(),
                options,
                probe,
                hosts,
                unused(options.waivers(), hosts));
    }

    /**
     * Probes one host for an audit ({@code audit --probe}, {@code report --probe}): the observations only; the audit
     * runs the NET- rules with the MailRoot.
     *
     * @param targets  the hosts
     * @param probe    how to probe
     * @param progress told about each host when it is done
     * @return the observations, by the MailRoot each host runs on
     */
    public static Map<Path, HostProbe> observe(List<Target> targets, ProbeOptions probe, Consumer<HostProbe> progress) {
        List<HostProbe> probes =
                new Prober(probe).probe(targets.stream().map(Target::target).toList(), progress);
        Map<Path, HostProbe> out = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            out.put(NetAuditor.key(targets.get(i).mailRoot().orElseThrow()), probes.get(i));
        }
        return out;
    }

    private static List<Waivers.Waiver> unused(Waivers waivers, List<NetAudit> hosts) {
        Set<String> used = new HashSet<>();
        for (NetAudit h : hosts) {
            for (NetFinding f : h.findings()) {
                f.suppression()
                        .filter(x -> x.kind() == Suppression.Kind.WAIVER_FILE)
                        .ifPresent(x -> used.add(x.source()));
            }
        }
        return waivers.entries().stream()
                .filter(w -> !used.contains(w.source()))
                .toList();
    }
}
