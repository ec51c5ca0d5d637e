package org.xmailkit.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.FleetScope;
import org.xmailkit.audit.FleetSummary;
import org.xmailkit.audit.ServerAudit;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.Messages;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.fs.Spool;

/**
 * {@code audit --format html}: one self-contained page with every server's grade and findings (the report site
 * adds settings, migration plans and a page per server). Same templates, escaping and secret scrubbing as the site.
 * Each server's row of the table and its section are rendered on the thread that audited it, into two spools; the
 * page is written at the end around them, after the totals.
 */
public final class HtmlAuditWriter implements AuditWriter {

    private final Locale locale;
    private final String toolVersion;
    private final Clock clock;

    /**
     * @param locale      the page's language
     * @param toolVersion xmailkit's version
     * @param clock       gives the generation time
     */
    public HtmlAuditWriter(Locale locale, String toolVersion, Clock clock) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Session start(FleetScope scope, OutputStream out) {
        return new Page(scope, out);
    }

    /** A server's page model and its two rendered parts. */
    private record Prepared(ServerReport page, String row, String section) {}

    /** The page being written. */
    private final class Page implements Session {
        private final FleetScope scope;
        private final OutputStream out;
        private final Map<Path, String> ids = new HashMap<>();
        private final ReportModel.Meta meta;
        private final HtmlRenderer renderer;
        private final ReportModel.Builder model;
        private final Spool rows = new Spool();
        private final Spool sections = new Spool();
        private int index;

        Page(FleetScope scope, OutputStream out) {
            this.scope = scope;
            this.out = out;
            List<String> assigned = ServerIds.assign(scope.servers());
            for (int i = 0; i < assigned.size(); i++) {
                ids.put(scope.servers().get(i), assigned.get(i));
            }
            String when = ZonedDateTime.now(clock)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            meta = new ReportModel.Meta(
                    Messages.isJapanese(locale) ? "ja" : "en",
                    when,
                    toolVersion,
                    scope.options().target().toString(),
                    scope.options().profile().id(),
                    scope.scanRoot().toAbsolutePath().normalize().toString());
            renderer = new HtmlRenderer(locale, meta);
            model = new ReportModel.Builder(scope.scanRoot());
        }

        @Override
        public Object prepare(ServerAudit s, MailRoot root) {
            ServerReport page = page(ids.get(s.path()), s, root);
            try {
                StringWriter row = new StringWriter();
                renderer.auditRow(page, row);
                StringWriter section = new StringWriter();
                renderer.auditSection(page, section);
                return new Prepared(page, row.toString(), section.toString());
            } catch (IOException e) {
                throw new IllegalStateException("a string cannot fail to be written", e);
            }
        }

        @Override
        public void server(ServerAudit s, Object prepared) throws IOException {
            Prepared p = (Prepared) prepared;
            model.add(index++, p.page());
            rows.write(p.row().getBytes(StandardCharsets.UTF_8));
            sections.write(p.section().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void finish(FleetSummary summary) throws IOException {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            renderer.audit(
                    new AuditPage(model.build(
                            meta,
                            scope.skipped().stream()
                                    .map(e -> OutputTexts.oneLine(scope, e, locale))
                                    .toList())),
                    rows,
                    sections,
                    w);
            w.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                rows.close();
            } finally {
                sections.close();
            }
        }

        private ServerReport page(String id, ServerAudit s, MailRoot root) {
            if (!(s instanceof ServerAudit.Audited a)) {
                return ServerReports.failed(
                        id,
                        Path.of(scope.relative(s.path())),
                        OutputTexts.failureMessage(s, locale),
                        scope.options().target().toString());
            }
            AuditResult r = a.result();
            Secrets secrets;
            if (root != null) {
                secrets = Secrets.of(root);
            } else {
                try {
                    secrets = Secrets.of(MailRoot.open(r.path()));
                } catch (InputException e) {
                    // The audit read it a moment ago; if it is gone now, only the audit's own texts are shown, and
                    // rules never quote a password.
                    secrets = Secrets.NONE;
                }
            }
            return ServerReports.findings(
                    id,
                    scope.relative(r.path()),
                    r,
                    secrets,
                    locale,
                    scope.options().target().toString());
        }
    }
}
