package org.xmailkit.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.Rule;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.Messages;

/**
 * Runs the audit and the migration plan on every server of a fleet, in parallel, and writes the HTML site: each
 * server's page as soon as it is done, the fleet page and rule catalogue at the end. Only a summary of each server is
 * kept for the fleet page, so memory grows with the number of servers, not with their content. One server that
 * cannot be read or audited becomes an error entry; the rest go on.
 */
public final class FleetReport {

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
    public record Options(Locale locale, AuditOptions audit, String target, String toolVersion, int threads,
                          Clock clock) {
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
     * @param audits   the audit of every server that could be opened, in input order
     * @param failures the servers that could not be audited, one line each
     */
    public record Result(ReportModel model, Path index, List<AuditResult> audits, List<String> failures) {
        public Result {
            audits = List.copyOf(audits);
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
        String when = ZonedDateTime.now(options.clock()).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return new ReportModel.Meta(Messages.isJapanese(options.locale()) ? "ja" : "en", when,
                options.toolVersion(), options.target(), options.audit().profile().id(),
                root == null ? "" : root.toString());
    }

    /**
     * @param servers  the servers (MailRoot directories or server.tab files), in input order
     * @param out      the output directory
     * @param progress told the number of servers done after each one
     * @return what was produced
     * @throws IOException when the site cannot be written
     */
    public Result run(List<Path> servers, Path out, IntConsumer progress) throws IOException {
        Path root = ServerIds.commonDirectory(servers);
        ReportModel.Meta meta = meta(root);
        HtmlRenderer renderer = new HtmlRenderer(options.locale(), meta);
        SiteWriter site = new SiteWriter(out, renderer);
        List<String> ids = ServerIds.assign(servers);
        ReportModel.Builder fleet = new ReportModel.Builder(root);
        AuditResult[] audits = new AuditResult[servers.size()];
        String[] failures = new String[servers.size()];
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), Math.max(1, servers.size())));
        try {
            List<Future<?>> futures = new ArrayList<>();
            int[] done = {0};
            for (int i = 0; i < servers.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ServerReport page = one(ids.get(index), servers.get(index), audits, failures, index);
                    site.server(page);
                    fleet.add(index, page);
                    synchronized (done) {
                        done[0]++;
                        progress.accept(done[0]);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
        ReportModel model = fleet.build(meta);
        List<Rule> rules = auditor.rules();
        Path index = site.finish(model, RulesPage.of(rules, model.ruleServers(), options.locale()));
        List<AuditResult> ok = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            if (audits[i] != null) {
                ok.add(audits[i]);
            }
            if (failures[i] != null) {
                failed.add(failures[i]);
            }
        }
        return new Result(model, index, ok, failed);
    }

    private ServerReport one(String id, Path path, AuditResult[] audits, String[] failures, int index) {
        Locale locale = options.locale();
        MailRoot root;
        try {
            root = MailRoot.open(path);
        } catch (InputException e) {
            failures[index] = e.oneLine(locale);
            return ServerReports.failed(id, path, e.oneLine(locale), options.target());
        }
        AuditResult audit;
        try {
            audit = auditor.audit(root, options.audit());
        } catch (RuntimeException e) {
            // A rule that throws is a bug; the server is reported as failed and the rest of the fleet goes on.
            String msg = path + ": " + ReportMessages.get(locale, "server.auditBug", String.valueOf(e));
            failures[index] = msg;
            return ServerReports.failed(id, path, msg, options.target());
        }
        audits[index] = audit;
        Secrets secrets = Secrets.of(root);
        MigrationView migration;
        try {
            migration = planner.plan(root, audit, secrets, locale);
        } catch (RuntimeException e) {
            migration = MigrationView.failed(options.target(),
                    ReportMessages.get(locale, "migration.bug", String.valueOf(e)));
        }
        return ServerReports.build(id, root, audit, migration, secrets, locale);
    }
}
