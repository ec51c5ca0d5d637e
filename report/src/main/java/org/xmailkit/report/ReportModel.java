package org.xmailkit.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.xmailkit.audit.Severity;
import org.xmailkit.report.ServerReport.CategoryGroup;
import org.xmailkit.report.ServerReport.FindingView;

/**
 * The fleet page's model: totals, charts, the most frequent findings and one {@link ServerSummary} per server. Built by
 * a {@link Builder} that takes each server page as it completes and keeps only its summary and a few counters.
 *
 * @param meta        what the report was made with
 * @param servers     how many servers
 * @param failed      how many could not be audited
 * @param severities  unsuppressed findings per severity across the fleet
 * @param suppressed  suppressed findings across the fleet
 * @param grades      servers per grade, A to F
 * @param readiness   servers per migration readiness
 * @param versions    servers per detected source version, most common first
 * @param top         the most frequent findings (INFO left out), by servers affected
 * @param summaries   the servers, in input order
 * @param ruleServers for each rule id, how many servers have an unsuppressed finding of it
 * @param skipped     what the search for servers could not look into, one line each ({@code path: why})
 */
public record ReportModel(
        Meta meta,
        int servers,
        int failed,
        List<SeverityCount> severities,
        int suppressed,
        List<GradeCount> grades,
        List<ReadinessCount> readiness,
        List<VersionCount> versions,
        List<TopFinding> top,
        List<ServerSummary> summaries,
        Map<String, Integer> ruleServers,
        List<String> skipped) {

    /** How many entries the most-frequent-findings list has. */
    public static final int TOP = 10;

    public ReportModel {
        Objects.requireNonNull(meta, "meta");
        severities = List.copyOf(severities);
        grades = List.copyOf(grades);
        readiness = List.copyOf(readiness);
        versions = List.copyOf(versions);
        top = List.copyOf(top);
        summaries = List.copyOf(summaries);
        ruleServers = Map.copyOf(ruleServers);
        skipped = List.copyOf(skipped);
    }

    /** @return the total of unsuppressed findings */
    public int findings() {
        return severities.stream().mapToInt(SeverityCount::count).sum();
    }

    /**
     * What a report was made with.
     *
     * @param lang        {@code en} or {@code ja}
     * @param generated   when, as ISO date and time
     * @param toolVersion xmailkit's version
     * @param target      the migration target
     * @param profile     the rule profile
     * @param root        the directory the servers' paths are shown relative to, or empty
     */
    public record Meta(String lang, String generated, String toolVersion, String target, String profile, String root) {}

    /**
     * Servers with one grade.
     *
     * @param grade the grade
     * @param count how many servers
     * @param bar   bar length
     */
    public record GradeCount(Grade grade, int count, int bar) {}

    /**
     * Servers with one readiness.
     *
     * @param readiness the readiness
     * @param count     how many servers
     * @param bar       bar length
     */
    public record ReadinessCount(Readiness readiness, int count, int bar) {}

    /**
     * Servers whose source version was detected as one range.
     *
     * @param version the version or range
     * @param count   how many servers
     */
    public record VersionCount(String version, int count) {}

    /**
     * A rule across the fleet.
     *
     * @param ruleId   the rule
     * @param severity its severity
     * @param title    its title
     * @param servers  how many servers have an unsuppressed finding of it
     * @param findings how many unsuppressed findings in all
     * @param bar      bar length (by servers)
     */
    public record TopFinding(String ruleId, Severity severity, String title, int servers, int findings, int bar) {}

    /** Collects server pages as they complete, in any order and from any thread. */
    public static final class Builder {

        private final Path root;

        /** A builder showing servers' paths as given. */
        public Builder() {
            this(null);
        }

        /** @param root the directory to show servers' paths relative to, or null for the paths as given */
        public Builder(Path root) {
            this.root = root == null ? null : root.toAbsolutePath().normalize();
        }

        private final Map<Integer, ServerSummary> summaries = new TreeMap<>();
        private final Map<Severity, Integer> severities = new EnumMap<>(Severity.class);
        private final Map<String, int[]> rules = new HashMap<>();
        private final Map<String, Severity> ruleSeverity = new HashMap<>();
        private final Map<String, String> ruleTitle = new HashMap<>();
        private final Map<String, Integer> versions = new HashMap<>();
        private int suppressed;
        private int failed;

        /**
         * @param index the server's position in the input (the fleet table keeps input order)
         * @param page  the server's page model, which the builder does not keep
         */
        public synchronized void add(int index, ServerReport page) {
            ServerSummary s = ServerReports.summary(page, root);
            if (summaries.put(index, s) != null) {
                throw new IllegalArgumentException("server " + index + " added twice");
            }
            if (!s.ok()) {
                failed++;
                return;
            }
            versions.merge(s.version(), 1, Integer::sum);
            suppressed += s.suppressed();
            Map<String, Integer> here = new HashMap<>();
            for (CategoryGroup g : page.groups()) {
                for (FindingView f :
                        g.rules().stream().flatMap(r -> r.findings().stream()).toList()) {
                    if (f.suppressed()) {
                        continue;
                    }
                    severities.merge(f.severity(), 1, Integer::sum);
                    here.merge(f.ruleId(), 1, Integer::sum);
                    ruleSeverity.putIfAbsent(f.ruleId(), f.severity());
                    ruleTitle.putIfAbsent(f.ruleId(), f.title());
                }
            }
            here.forEach((id, n) -> {
                int[] c = rules.computeIfAbsent(id, k -> new int[2]);
                c[0]++;
                c[1] += n;
            });
        }

        /**
         * @param meta what the report was made with
         * @return the fleet model, nothing skipped
         */
        public ReportModel build(Meta meta) {
            return build(meta, List.of());
        }

        /**
         * @param meta    what the report was made with
         * @param skipped what the search for servers could not look into, one line each
         * @return the fleet model
         */
        public synchronized ReportModel build(Meta meta, List<String> skipped) {
            List<ServerSummary> list = new ArrayList<>(summaries.values());
            int sevMax = severities.values().stream()
                    .mapToInt(Integer::intValue)
                    .max()
                    .orElse(0);
            List<SeverityCount> sev = new ArrayList<>();
            for (Severity s : Severity.values()) {
                int n = severities.getOrDefault(s, 0);
                sev.add(new SeverityCount(s, n, Charts.bar(n, sevMax)));
            }
            Map<Grade, Integer> g = new EnumMap<>(Grade.class);
            Map<Readiness, Integer> r = new EnumMap<>(Readiness.class);
            for (ServerSummary s : list) {
                if (s.ok()) {
                    g.merge(s.grade(), 1, Integer::sum);
                }
                r.merge(s.readiness(), 1, Integer::sum);
            }
            int gMax = g.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            List<GradeCount> grades = new ArrayList<>();
            for (Grade x : Grade.values()) {
                int n = g.getOrDefault(x, 0);
                grades.add(new GradeCount(x, n, Charts.bar(n, gMax)));
            }
            int rMax = r.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            List<ReadinessCount> ready = new ArrayList<>();
            for (Readiness x : Readiness.values()) {
                int n = r.getOrDefault(x, 0);
                if (n > 0 || x != Readiness.NOT_PLANNED) {
                    ready.add(new ReadinessCount(x, n, Charts.bar(n, rMax)));
                }
            }
            List<VersionCount> vers = new ArrayList<>();
            versions.forEach((v, n) -> vers.add(new VersionCount(v, n)));
            vers.sort(Comparator.comparingInt(VersionCount::count).reversed().thenComparing(VersionCount::version));
            List<TopFinding> top = new ArrayList<>();
            // INFO findings never cap a grade and ask for no action: they are not what a fleet must work on.
            rules.forEach((id, c) -> {
                if (ruleSeverity.get(id) != Severity.INFO) {
                    top.add(new TopFinding(id, ruleSeverity.get(id), ruleTitle.get(id), c[0], c[1], 0));
                }
            });
            top.sort(Comparator.comparingInt(TopFinding::servers)
                    .reversed()
                    .thenComparing(TopFinding::severity)
                    .thenComparing(TopFinding::ruleId));
            int topMax = top.isEmpty() ? 0 : top.get(0).servers();
            List<TopFinding> shown = top.stream()
                    .limit(TOP)
                    .map(t -> new TopFinding(
                            t.ruleId(),
                            t.severity(),
                            t.title(),
                            t.servers(),
                            t.findings(),
                            Charts.bar(t.servers(), topMax)))
                    .toList();
            Map<String, Integer> ruleServers = new HashMap<>();
            rules.forEach((id, c) -> ruleServers.put(id, c[0]));
            return new ReportModel(
                    meta, list.size(), failed, sev, suppressed, grades, ready, vers, shown, list, ruleServers, skipped);
        }
    }
}
