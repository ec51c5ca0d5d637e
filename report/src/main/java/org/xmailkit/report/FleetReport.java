package org.xmailkit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.FleetAuditor;
import org.xmailkit.audit.FleetScope;
import org.xmailkit.audit.FleetSummary;
import org.xmailkit.audit.ServerAudit;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.Messages;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.fs.WriteManifest;
import org.xmailkit.model.fs.WritePolicy;
import org.xmailkit.model.fs.WriteRefusedException;
import org.xmailkit.report.json.JsonWriter;
import org.xmailkit.report.sarif.SarifWriter;

/**
 * Runs the audit and the migration plan on every server of a fleet, in parallel, and writes the report: each
 * server's page as soon as that server is done (from the MailRoot its audit read, on the same thread), its part of
 * {@code report.json} and {@code report.sarif} to their spools in the servers' order, then the fleet page, the rule
 * catalogue and the two documents. The audit is the audit command's own ({@link FleetAuditor}), so the JSON and SARIF
 * files are what {@code xmailkit audit --format json|sarif} prints for the same inputs. Of each server only a
 * summary is kept, for the fleet page. A server that cannot be read or audited becomes an error entry; the rest go
 * on.
 */
public final class FleetReport {

    /** The JSON file of the report. */
    public static final String JSON = "report.json";
    /** The SARIF file of the report. */
    public static final String SARIF = "report.sarif";

    /**
     * How to report.
     *
     * @param locale      the report's language
     * @param audit       how to audit
     * @param target      the migration target, as shown
     * @param toolVersion xmailkit's version, as shown
     * @param threads     how many servers to process at once (at least 1)
     * @param clock       the clock for the generation time
     */
    public record Options(
            Locale locale, AuditOptions audit, String target, String toolVersion, int threads, Clock clock) {
        public Options {
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(toolVersion, "toolVersion");
            Objects.requireNonNull(clock, "clock");
            if (threads < 1) {
                throw new IllegalArgumentException("threads < 1");
            }
        }
    }

    /**
     * What a run produced.
     *
     * @param model    the fleet model
     * @param index    the fleet page
     * @param fleet    the counts of the audit of every server, as the audit command has them
     * @param failures what the search skipped and the servers that could not be audited, one line each
     */
    public record Result(ReportModel model, Path index, FleetSummary fleet, List<String> failures) {
        public Result {
            failures = List.copyOf(failures);
        }
    }

    private final Auditor auditor;
    private final MigrationPlanner planner;
    private final Options options;

    /**
     * @param auditor the auditor
     * @param planner the migration planner
     * @param options how to report
     */
    public FleetReport(Auditor auditor, MigrationPlanner planner, Options options) {
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @param root the directory servers' paths are shown relative to, or null
     * @return what every page's footer says about this run
     */
    public ReportModel.Meta meta(Path root) {
        String when = ZonedDateTime.now(options.clock())
                .truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return new ReportModel.Meta(
                Messages.isJapanese(options.locale()) ? "ja" : "en",
                when,
                options.toolVersion(),
                options.target(),
                options.audit().profile().id(),
                root == null ? "" : root.toString());
    }

    /**
     * @param given    the servers (MailRoot directories or server.tab files), in input order
     * @param scanRoot the directory paths in JSON and SARIF are relative to ({@link FleetAuditor#scanRoot})
     * @param out      the output directory
     * @param progress told the number of servers done after each one (from worker threads)
     * @return what was produced
     * @throws WriteRefusedException when the output directory may not be written to ({@link SiteWriter})
     * @throws IOException           when the report cannot be written
     */
    public Result run(List<Path> given, Path scanRoot, Path out, IntConsumer progress) throws IOException {
        return run(given, List.of(), scanRoot, SiteWriter.directory(out, WritePolicy.STANDARD), progress);
    }

    /**
     * @param given    the servers (MailRoot directories or server.tab files), in input order
     * @param scanRoot the directory paths in JSON and SARIF are relative to ({@link FleetAuditor#scanRoot})
     * @param out      the output directory, opened with {@link SiteWriter#directory}
     * @param progress told the number of servers done after each one (from worker threads)
     * @return what was produced
     * @throws WriteRefusedException when a file the report writes may not be replaced (checked before any is)
     * @throws IOException           when the report cannot be written
     */
    public Result run(List<Path> given, Path scanRoot, WriteManifest out, IntConsumer progress) throws IOException {
        return run(given, List.of(), scanRoot, out, progress);
    }

    /**
     * @param given    the servers (MailRoot directories or server.tab files), in input order
     * @param skipped  what the search for servers could not look into, shown on the fleet page and in JSON and SARIF
     * @param scanRoot the directory paths in JSON and SARIF are relative to ({@link FleetAuditor#scanRoot})
     * @param out      the output directory, opened with {@link SiteWriter#directory}
     * @param progress told the number of servers done after each one (from worker threads)
     * @return what was produced
     * @throws WriteRefusedException when a file the report writes may not be replaced (checked before any is)
     * @throws IOException           when the report cannot be written
     */
    public Result run(
            List<Path> given, List<InputException> skipped, Path scanRoot, WriteManifest out, IntConsumer progress)
            throws IOException {
        // The same server named twice (fleet/a and ./fleet/a) is reported once.
        Map<Path, Path> distinct = new LinkedHashMap<>();
        given.forEach(p -> distinct.putIfAbsent(key(p), p));
        List<Path> servers = List.copyOf(distinct.values());
        Path root = ServerIds.commonDirectory(servers);
        ReportModel.Meta meta = meta(root);
        HtmlRenderer renderer = new HtmlRenderer(options.locale(), meta);
        List<String> ids = ServerIds.assign(servers);
        SiteWriter site = new SiteWriter(out, renderer, ids);
        Map<Path, Integer> index = new HashMap<>();
        for (int i = 0; i < servers.size(); i++) {
            index.put(key(servers.get(i)), i);
        }
        ReportModel.Builder model = new ReportModel.Builder(root);
        FleetAuditor fleetAuditor = new FleetAuditor(auditor, options.threads());
        FleetScope scope = fleetAuditor.scope(servers, scanRoot, skipped, options.audit());
        List<String> failures = new ArrayList<>();
        skipped.forEach(e -> failures.add(OutputTexts.oneLine(scope, e, options.locale())));
        int[] done = {0};
        FleetSummary summary;
        try (JsonWriter.Document json = new JsonWriter(
                                options.locale(), options.toolVersion(), Optional.empty(), options.clock())
                        .document(scope);
                SarifWriter.Document sarif = new SarifWriter(options.locale(), options.toolVersion()).document(scope)) {
            try {
                summary = fleetAuditor.audit(
                        scope,
                        (s, mailRoot) -> {
                            // On the worker thread: the page is built from the MailRoot the audit read, written, and
                            // only
                            // its summary kept.
                            ServerReport page = page(ids.get(index.get(key(s.path()))), s, mailRoot);
                            try {
                                site.server(page);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            return page;
                        },
                        (s, page) -> {
                            model.add(index.get(key(s.path())), page);
                            json.server(s, null);
                            sarif.server(s, null);
                            if (s.failed()) {
                                failures.add(OutputTexts.failure(scope, s, options.locale()));
                            }
                            progress.accept(++done[0]);
                        });
            } catch (IllegalStateException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e;
            }
            ReportModel m = model.build(
                    meta,
                    skipped.stream()
                            .map(e -> OutputTexts.oneLine(scope, e, options.locale()))
                            .toList());
            Path[] html = new Path[1];
            // The last files of a big report are hundreds of megabytes, each copied from its spool and hashed for the
            // manifest: report.sarif is written beside the pages and report.json instead of after them.
            Both.run(
                    options.threads() > 1,
                    () -> {
                        html[0] = site.finish(m, RulesPage.of(scope.rules(), m.ruleServers(), options.locale()));
                        site.data(JSON, stream -> json.writeTo(summary, stream));
                    },
                    () -> site.data(SARIF, stream -> sarif.writeTo(summary, stream)));
            site.close();
            return new Result(m, html[0], summary, failures);
        }
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** The page of one server, from the MailRoot its audit read: its settings, secrets and migration plan. */
    private ServerReport page(String id, ServerAudit s, MailRoot root) {
        Locale locale = options.locale();
        if (!(s instanceof ServerAudit.Audited a) || root == null) {
            return ServerReports.failed(id, s.path(), OutputTexts.failureMessage(s, locale), options.target());
        }
        AuditResult audit = a.result();
        Secrets secrets = Secrets.of(root);
        MigrationView migration;
        try {
            migration = planner.plan(root, audit, secrets, locale);
        } catch (RuntimeException e) {
            // A bug in a migration step must not cost the server its page: the plan shows as failed.
            migration = MigrationView.failed(
                    options.target(), ReportMessages.get(locale, "migration.bug", String.valueOf(e)));
        }
        return ServerReports.build(id, root, audit, migration, secrets, locale);
    }
}
