package org.xmailkit.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.model.InputException;
import org.xmailkit.model.ctrl.Origins;

/**
 * The audit of a set of servers.
 *
 * @param scanRoot      the directory paths are shown relative to (JSON, SARIF {@code uriBaseId}, text)
 * @param rules         the rules that were run, in catalogue order (for SARIF's rule table and the docs)
 * @param options       the options used
 * @param servers       one entry per server, in the order the servers were given and found
 * @param unusedWaivers waiver-file entries that matched no finding on any server
 * @param skipped       what the search for servers could not look into (see {@code MailRoots.Discovery})
 */
public record FleetResult(
        Path scanRoot,
        List<RuleInfo> rules,
        AuditOptions options,
        List<ServerAudit> servers,
        List<Waivers.Waiver> unusedWaivers,
        List<InputException> skipped) {

    public FleetResult {
        Objects.requireNonNull(scanRoot, "scanRoot");
        Objects.requireNonNull(options, "options");
        rules = List.copyOf(rules);
        servers = List.copyOf(servers);
        unusedWaivers = List.copyOf(unusedWaivers);
        skipped = List.copyOf(skipped);
    }

    /**
     * A result with nothing skipped by the search.
     *
     * @param scanRoot      the directory paths are shown relative to
     * @param rules         the rules that were run
     * @param options       the options used
     * @param servers       one entry per server
     * @param unusedWaivers waiver-file entries that matched no finding
     */
    public FleetResult(
            Path scanRoot,
            List<RuleInfo> rules,
            AuditOptions options,
            List<ServerAudit> servers,
            List<Waivers.Waiver> unusedWaivers) {
        this(scanRoot, rules, options, servers, unusedWaivers, List.of());
    }

    /**
     * @param missed what the search for servers could not look into
     * @return this result with it
     */
    public FleetResult withSkipped(List<InputException> missed) {
        return new FleetResult(scanRoot, rules, options, servers, unusedWaivers, missed);
    }

    /** @return what the audit was about: scan root, rules, options, what the search skipped */
    public FleetScope scope() {
        return new FleetScope(scanRoot, servers.stream().map(ServerAudit::path).toList(), rules, options, skipped);
    }

    /** @return the counts every output needs, with this result's unused waivers */
    public FleetSummary summary() {
        FleetSummary.Builder b = new FleetSummary.Builder(Waivers.NONE, !skipped.isEmpty());
        servers.forEach(b::add);
        FleetSummary s = b.build();
        return new FleetSummary(
                s.servers(),
                s.audited(),
                s.unreadable(),
                s.crashed(),
                s.withReadErrors(),
                s.skipped(),
                s.active(),
                s.suppressed(),
                s.findings(),
                unusedWaivers);
    }

    /** @return the results of the servers that were audited, in order */
    public List<AuditResult> audited() {
        return servers.stream()
                .filter(s -> s instanceof ServerAudit.Audited)
                .map(s -> ((ServerAudit.Audited) s).result())
                .toList();
    }

    /** @return the servers that could not be audited */
    public List<ServerAudit> failed() {
        return servers.stream().filter(ServerAudit::failed).toList();
    }

    /**
     * @return whether some server failed, some file of an audited server could not be read, or the search for
     *         servers skipped something
     */
    public boolean incomplete() {
        return summary().incomplete();
    }

    /**
     * @param threshold a severity
     * @return whether some server has an unsuppressed finding at or above it
     */
    public boolean failsAt(Severity threshold) {
        return summary().failsAt(threshold);
    }

    /** @return the number of unsuppressed findings per severity, every severity present */
    public Map<Severity, Integer> activeCounts() {
        return summary().active();
    }

    /** @return the number of findings an active waiver suppresses */
    public int suppressedCount() {
        return summary().suppressed();
    }

    /**
     * @param path a path
     * @return it relative to the scan root with {@code /} separators, or absolute if it lies outside
     */
    public String relative(Path path) {
        return relative(scanRoot, path);
    }

    /**
     * @param root the scan root
     * @param path a path
     * @return the path relative to the root with {@code /} separators ({@code .} for the root itself), the absolute
     *         path with {@code /} separators when it lies outside the root, or for a remote MailRoot's local copy the
     *         server and the path under it ({@code ctrl://ops@mx1.example:6018/server.tab})
     */
    public static String relative(Path root, Path path) {
        Optional<String> remote = Origins.name(path);
        if (remote.isPresent()) {
            return remote.get();
        }
        Path r = root.toAbsolutePath().normalize();
        Path p = path.toAbsolutePath().normalize();
        if (!p.startsWith(r)) {
            return p.toString().replace('\\', '/');
        }
        Path rel = r.relativize(p);
        String s = rel.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }
}
