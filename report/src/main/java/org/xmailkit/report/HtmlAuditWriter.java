package org.xmailkit.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.FleetResult;
import org.xmailkit.audit.ServerAudit;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.Messages;
import org.xmailkit.model.Secrets;

/**
 * {@code audit --format html}: one self-contained page with every server's grade and findings (the report site
 * adds settings, migration plans and a page per server). Same templates, escaping and secret scrubbing as the site.
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
    public void write(FleetResult fleet, OutputStream out) throws IOException {
        List<Path> paths = fleet.servers().stream().map(ServerAudit::path).toList();
        List<String> ids = ServerIds.assign(paths);
        ReportModel.Builder model = new ReportModel.Builder(fleet.scanRoot());
        List<ServerReport> pages = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            ServerReport page = page(ids.get(i), fleet.servers().get(i), fleet);
            pages.add(page);
            model.add(i, page);
        }
        String when = ZonedDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        ReportModel.Meta meta = new ReportModel.Meta(Messages.isJapanese(locale) ? "ja" : "en", when, toolVersion,
                fleet.options().target().toString(), fleet.options().profile().id(),
                fleet.scanRoot().toAbsolutePath().normalize().toString());
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        new HtmlRenderer(locale, meta).audit(new AuditPage(model.build(meta,
                fleet.skipped().stream().map(e -> OutputTexts.oneLine(fleet, e, locale)).toList()), pages), w);
        w.flush();
    }

    private ServerReport page(String id, ServerAudit s, FleetResult fleet) {
        if (!(s instanceof ServerAudit.Audited a)) {
            return ServerReports.failed(id, Path.of(fleet.relative(s.path())), OutputTexts.failureMessage(s, locale),
                    fleet.options().target().toString());
        }
        AuditResult r = a.result();
        Secrets secrets;
        try {
            secrets = Secrets.of(MailRoot.open(r.path()));
        } catch (InputException e) {
            // The audit read it a moment ago; if it is gone now, only the audit's own texts are shown, and rules
            // never quote a password.
            secrets = Secrets.NONE;
        }
        return ServerReports.findings(id, fleet.relative(r.path()), r, secrets, locale,
                fleet.options().target().toString());
    }
}
