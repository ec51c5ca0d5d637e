package org.xmailkit.report;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.Suppression;
import org.xmailkit.model.Catalog;
import org.xmailkit.model.Effective;
import org.xmailkit.model.Entry;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.Messages;
import org.xmailkit.model.Printable;
import org.xmailkit.model.Reference;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Text;
import org.xmailkit.model.Variable;
import org.xmailkit.model.XMailCfgField;
import org.xmailkit.model.ctrl.CtrlUrl;
import org.xmailkit.model.ctrl.Origins;
import org.xmailkit.model.syntax.OptionList;
import org.xmailkit.report.ServerReport.CategoryGroup;
import org.xmailkit.report.ServerReport.FindingView;
import org.xmailkit.report.ServerReport.IgnoredEntry;
import org.xmailkit.report.ServerReport.OutcomeView;
import org.xmailkit.report.ServerReport.RuleGroup;
import org.xmailkit.report.ServerReport.SettingRow;
import org.xmailkit.report.ServerReport.SettingSection;
import org.xmailkit.report.ServerReport.SuppressionView;

/** Builds a {@link ServerReport} (a server page's model) and the {@link ServerSummary} the fleet page keeps. */
public final class ServerReports {

    private ServerReports() {}

    /**
     * @param id        the server id
     * @param root      the server
     * @param audit     its audit
     * @param migration its migration plan
     * @param secrets   what must not be shown
     * @param locale    the report's language
     * @return the page model
     */
    public static ServerReport build(
            String id, MailRoot root, AuditResult audit, MigrationView migration, Secrets secrets, Locale locale) {
        Path base = root.bare() ? root.serverTabPath().toAbsolutePath().getParent() : root.directory();
        ServerTab tab = root.serverTab();
        List<String> evidence = evidence(audit, secrets, locale);
        List<GradeCap> caps = caps(audit, base, locale);
        List<String> readErrors = readErrors(audit, locale);
        return new ServerReport(
                id,
                Origins.display(audit.path()),
                audit.bare(),
                null,
                encoding(tab.charset()),
                tab.document().dominantEnding().name(),
                audit.source().display(),
                audit.source().given(),
                evidence,
                Grading.grade(caps),
                caps,
                counts(audit.findings()),
                (int) audit.findings().stream().filter(Finding::suppressed).count(),
                groups(audit.findings(), base, secrets, locale),
                notRun(audit, locale),
                skipped(audit),
                sections(tab, secrets, locale),
                otherSettings(tab, secrets, locale),
                ignored(tab, secrets, locale),
                migration,
                readErrors,
                ServicesView.of(
                        audit.startup(),
                        Optional.of(root.serverCert().isPresent()
                                && root.serverKey().isPresent()),
                        p -> name(base, p, locale),
                        secrets,
                        locale),
                probe(audit, locale));
    }

    /** The evidence for the server's source version, secrets masked (the full page and the findings page). */
    private static List<String> evidence(AuditResult audit, Secrets secrets, Locale locale) {
        return audit.source().evidence().stream()
                .map(t -> secrets.scrub(render(t, locale)))
                .toList();
    }

    /** What caps the server's grade, each finding placed relative to {@code base}. */
    private static List<GradeCap> caps(AuditResult audit, Path base, Locale locale) {
        return Grading.caps(
                audit.findings(),
                ruleId -> title(audit, ruleId, locale),
                f -> where(base, f, locale),
                incomplete(audit, locale));
    }

    private static List<String> readErrors(AuditResult audit, Locale locale) {
        return audit.readErrors().stream().map(e -> e.oneLine(locale)).toList();
    }

    /**
     * A server's findings and grade only, for the single page of {@code audit --format html}: no settings and no
     * migration plan.
     *
     * @param id      the server id
     * @param path    the path to show
     * @param audit   its audit
     * @param secrets what must not be shown
     * @param locale  the report's language
     * @param target  the migration target
     * @return the page model
     */
    public static ServerReport findings(
            String id, String path, AuditResult audit, Secrets secrets, Locale locale, String target) {
        Path base = audit.bare() ? audit.path().toAbsolutePath().getParent() : audit.path();
        List<String> evidence = evidence(audit, secrets, locale);
        List<GradeCap> caps = caps(audit, base, locale);
        List<String> readErrors = readErrors(audit, locale);
        return new ServerReport(
                id,
                path,
                audit.bare(),
                null,
                "",
                "",
                audit.source().display(),
                audit.source().given(),
                evidence,
                Grading.grade(caps),
                caps,
                counts(audit.findings()),
                (int) audit.findings().stream().filter(Finding::suppressed).count(),
                groups(audit.findings(), base, secrets, locale),
                notRun(audit, locale),
                skipped(audit),
                List.of(),
                List.of(),
                List.of(),
                MigrationView.notPlanned(target),
                readErrors,
                ServicesView.of(audit.startup(), Optional.empty(), p -> name(base, p, locale), secrets, locale),
                probe(audit, locale));
    }

    /**
     * The page of a server that could not be audited.
     *
     * @param id     the server id
     * @param path   the path given
     * @param error  why, one line, translated
     * @param target the migration target
     * @return the page model (grade F: nothing about the server is known)
     */
    public static ServerReport failed(String id, Path path, String error, String target) {
        return new ServerReport(
                id,
                Origins.display(path),
                false,
                error,
                "",
                "",
                "?",
                false,
                List.of(),
                Grade.F,
                List.of(),
                counts(List.of()),
                0,
                List.of(),
                List.of(),
                0,
                List.of(),
                List.of(),
                List.of(),
                MigrationView.failed(target, error),
                List.of(),
                ServicesView.unknown(),
                null);
    }

    /**
     * @param page a server page model
     * @return what the fleet page keeps of it
     */
    public static ServerSummary summary(ServerReport page) {
        return summary(page, null);
    }

    /**
     * @param page a server page model
     * @param root the directory to show the path relative to, or null
     * @return what the fleet page keeps of it
     */
    public static ServerSummary summary(ServerReport page, Path root) {
        String path = page.path();
        if (root != null && !CtrlUrl.looksLike(path)) {
            Path p = Path.of(page.path()).toAbsolutePath().normalize();
            if (p.startsWith(root) && !p.equals(root)) {
                path = root.relativize(p).toString().replace('\\', '/');
            }
        }
        Map<Severity, Integer> n = new EnumMap<>(Severity.class);
        page.counts().forEach(c -> n.put(c.severity(), c.count()));
        return new ServerSummary(
                page.id(),
                path,
                page.version(),
                page.grade(),
                page.caps(),
                page.caps().size(),
                n.getOrDefault(Severity.CRITICAL, 0),
                n.getOrDefault(Severity.HIGH, 0),
                n.getOrDefault(Severity.MEDIUM, 0),
                n.getOrDefault(Severity.LOW, 0),
                n.getOrDefault(Severity.INFO, 0),
                page.suppressed(),
                page.migration().readiness(),
                page.error());
    }

    /** A charset's name as administrators know it. */
    static String encoding(Charset cs) {
        return switch (cs.name()) {
            case "windows-31j", "Shift_JIS" -> "Shift_JIS (CP932)";
            case "US-ASCII" -> "ASCII";
            default -> cs.name();
        };
    }

    // ------------------------------------------------------------------ findings

    private static String title(AuditResult audit, String ruleId, Locale locale) {
        return audit.findings().stream()
                .filter(f -> f.rule().id().equals(ruleId))
                .findFirst()
                .map(f -> f.rule().title(locale))
                .orElse(ruleId);
    }

    private static String incomplete(AuditResult audit, Locale locale) {
        long notApplicable = audit.outcomes().stream()
                .filter(o -> o.status() == RuleOutcome.Status.NOT_APPLICABLE
                        && o.rule().needs().contains(RuleInfo.Need.MAILROOT))
                .count();
        if (audit.bare()) {
            return ReportMessages.get(locale, "grading.incomplete.bare", notApplicable);
        }
        if (!audit.readErrors().isEmpty()) {
            return ReportMessages.get(
                    locale, "grading.incomplete.unreadable", audit.readErrors().size());
        }
        return null;
    }

    static List<SeverityCount> counts(List<Finding> findings) {
        return countsOf(findings.stream()
                .filter(f -> !f.suppressed())
                .map(Finding::severity)
                .toList());
    }

    /**
     * @param active the severities of the unsuppressed findings
     * @return the count per severity, most serious first, with bar lengths
     */
    static List<SeverityCount> countsOf(List<Severity> active) {
        Map<Severity, Integer> n = new EnumMap<>(Severity.class);
        for (Severity s : active) {
            n.merge(s, 1, Integer::sum);
        }
        int max = n.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<SeverityCount> out = new ArrayList<>();
        for (Severity s : Severity.values()) {
            int c = n.getOrDefault(s, 0);
            out.add(new SeverityCount(s, c, Charts.bar(c, max)));
        }
        return out;
    }

    /**
     * @param base   the MailRoot directory
     * @param f      a finding
     * @param locale the language
     * @return its file relative to the MailRoot, with the line when there is one
     */
    static String where(Path base, Finding f, Locale locale) {
        String name = name(base, f.location().file(), locale);
        return f.location().line() > 0 ? name + ":" + f.location().line() : name;
    }

    /**
     * @param base   the MailRoot
     * @param file   a file
     * @param locale the language
     * @return the file relative to the MailRoot, "MailRoot" for the MailRoot itself, or its name alone when it lies
     *         outside (a registry export given on the command line)
     */
    static String name(Path base, Path file, Locale locale) {
        Path abs = file.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        if (abs.equals(b)) {
            return ReportMessages.get(locale, "where.mailroot");
        }
        if (abs.startsWith(b)) {
            return b.relativize(abs).toString().replace('\\', '/');
        }
        Path fn = file.getFileName();
        return fn == null ? file.toString() : fn.toString();
    }

    private static List<CategoryGroup> groups(List<Finding> findings, Path base, Secrets secrets, Locale locale) {
        return groups(findings, Finding::rule, f -> view(f, base, secrets, locale), locale);
    }

    /**
     * Groups findings of any kind for a page: by category, then rule (in order of first appearance, as the audit
     * sorts them by severity), each rule's active findings first.
     *
     * @param findings the findings, in order
     * @param rule     a finding's rule
     * @param view     a finding as the page shows it
     * @param locale   the language
     * @param <T>      the kind of finding
     * @return the groups
     */
    static <T> List<CategoryGroup> groups(
            List<T> findings, Function<T, RuleInfo> rule, Function<T, FindingView> view, Locale locale) {
        Map<Category, Map<String, List<T>>> by = new EnumMap<>(Category.class);
        for (T f : findings) {
            RuleInfo r = rule.apply(f);
            by.computeIfAbsent(r.category(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.id(), k -> new ArrayList<>())
                    .add(f);
        }
        List<CategoryGroup> out = new ArrayList<>();
        by.forEach((c, rules) -> {
            List<RuleGroup> groups = new ArrayList<>();
            int active = 0;
            int total = 0;
            for (List<T> list : rules.values()) {
                RuleInfo r = rule.apply(list.get(0));
                List<FindingView> views = new ArrayList<>();
                for (T f : list) {
                    views.add(view.apply(f));
                }
                // What counts first, suppressed findings after.
                views.sort(Comparator.comparing(FindingView::suppressed));
                int a = (int) views.stream().filter(v -> !v.suppressed()).count();
                groups.add(new RuleGroup(
                        r.id(),
                        r.severity(),
                        r.title(locale),
                        r.remediation(locale),
                        r.remediationLines(),
                        r.references().stream().map(Reference::display).toList(),
                        r.fix() != RuleInfo.Fix.NONE,
                        views,
                        a));
                active += a;
                total += views.size();
            }
            groups.sort(Comparator.comparing(RuleGroup::severity)
                    .thenComparing(g -> g.active() == 0)
                    .thenComparing(RuleGroup::ruleId));
            out.add(new CategoryGroup(c, ReportMessages.get(locale, "category." + c.id()), groups, active, total));
        });
        return out;
    }

    private static ProbeView probe(AuditResult audit, Locale locale) {
        return audit.probe().map(p -> ProbeViews.of(p, "", locale)).orElse(null);
    }

    private static FindingView view(Finding f, Path base, Secrets secrets, Locale locale) {
        RuleInfo r = f.rule();
        SuppressionView sv = f.suppression().map(s -> suppression(s, secrets)).orElse(null);
        return new FindingView(
                r.id(),
                r.severity(),
                r.title(locale),
                secrets.scrub(f.message(locale)),
                where(base, f, locale),
                f.location().variable(),
                f.evidence().stream().map(secrets::scrub).toList(),
                sv);
    }

    static SuppressionView suppression(Suppression s, Secrets secrets) {
        return new SuppressionView(
                s.kind() == Suppression.Kind.INLINE,
                secrets.scrub(s.reason()),
                s.expires().map(Object::toString).orElse(""),
                s.active(),
                s.source());
    }

    private static int skipped(AuditResult audit) {
        return (int) audit.outcomes().stream()
                .filter(o -> o.status() == RuleOutcome.Status.SKIPPED)
                .count();
    }

    private static List<OutcomeView> notRun(AuditResult audit, Locale locale) {
        List<OutcomeView> out = new ArrayList<>();
        for (RuleOutcome o : audit.outcomes()) {
            if (o.status() == RuleOutcome.Status.NOT_APPLICABLE) {
                out.add(new OutcomeView(
                        o.rule().id(),
                        o.rule().title(locale),
                        o.status().name().toLowerCase(Locale.ROOT),
                        o.reason().map(t -> render(t, locale)).orElse("")));
            }
        }
        return out;
    }

    private static String render(Text t, Locale locale) {
        return t.render(locale);
    }

    // ------------------------------------------------------------------ settings

    /**
     * The XMailCFG page's settings, section by section in page order, with the values XMail 1.27 uses.
     *
     * @param tab     server.tab
     * @param secrets what must not be shown
     * @param locale  the language
     * @return the sections
     */
    static List<SettingSection> sections(ServerTab tab, Secrets secrets, Locale locale) {
        Layout layout = Layout.of(tab.catalog());
        List<SettingSection> out = new ArrayList<>();
        for (int i = 0; i < Catalog.SECTIONS.size(); i++) {
            String section = Catalog.SECTIONS.get(i);
            List<SettingRow> rows = new ArrayList<>();
            for (PageRow r : layout.rows().get(i)) {
                rows.add(row(tab, r.variable(), r.spellings(), secrets, locale));
            }
            out.add(new SettingSection(section, ReportMessages.get(locale, "section." + section), rows));
        }
        return out;
    }

    /**
     * The XMailCFG page as a catalogue lays it out, the same for every server: found once per catalogue, not once per
     * server and row.
     *
     * @param catalog   the catalogue
     * @param rows    per section of {@link Catalog#SECTIONS}, its rows in page order
     */
    private record Layout(Catalog catalog, List<List<PageRow>> rows) {

        /** The last layout found: a run reads every server.tab with the same catalogue. */
        private static volatile Layout last;

        static Layout of(Catalog catalog) {
            Layout l = last;
            if (l == null || l.catalog() != catalog) {
                l = make(catalog);
                last = l;
            }
            return l;
        }

        @SuppressWarnings("ReferenceEquality") // identity: this catalogue entry itself
        private static Layout make(Catalog catalog) {
            List<List<PageRow>> rows = new ArrayList<>();
            for (String section : Catalog.SECTIONS) {
                // One row per row of the page. Where the catalogue has several entries for a row (the variable XMail
                // reads and XMailCFG's name for it), show the page's split parts, else the variable XMail reads.
                Map<Integer, Variable> byRow = new TreeMap<>();
                for (Variable v : catalog.all()) {
                    if (v.xmailcfg() == null || !v.xmailcfg().section().equals(section)) {
                        continue;
                    }
                    byRow.merge(v.xmailcfg().order(), v, (a, b) -> rank(b) < rank(a) ? b : a);
                }
                List<PageRow> page = new ArrayList<>();
                for (Variable v : byRow.values()) {
                    String realName = realName(v);
                    // Lines that spell the setting the way XMailCFG shows it: XMail never reads them.
                    List<Variable> mine = new ArrayList<>();
                    for (Variable other : catalog.all()) {
                        if (v.role() == Variable.Role.XMAILCFG_PART
                                ? other == v
                                : other.role() == Variable.Role.ALIAS
                                        && other.aliasOf().equals(realName)) {
                            mine.add(other);
                        }
                    }
                    page.add(new PageRow(v, List.copyOf(mine)));
                }
                rows.add(List.copyOf(page));
            }
            return new Layout(catalog, List.copyOf(rows));
        }
    }

    /**
     * @param variable  the catalogue entry that stands for a row of the page
     * @param spellings the entries whose lines XMail never reads though they spell that setting
     */
    private record PageRow(Variable variable, List<Variable> spellings) {}

    /** The variable XMail reads for a page row's catalogue entry. */
    private static String realName(Variable v) {
        boolean indirect = (v.role() == Variable.Role.ALIAS || v.role() == Variable.Role.XMAILCFG_PART)
                && !v.aliasOf().isEmpty();
        return indirect ? v.aliasOf() : v.name();
    }

    /** Which catalogue entry stands for a page row: lower is preferred. */
    private static int rank(Variable v) {
        return switch (v.role()) {
            case XMAILCFG_PART -> 0;
            case VARIABLE, LOCALIZED -> 1;
            case ALIAS -> 2;
            case REMOVED, PATTERN -> 3;
        };
    }

    private static SettingRow row(ServerTab tab, Variable v, List<Variable> spellings, Secrets secrets, Locale locale) {
        XMailCfgField cfg = v.xmailcfg();
        String realName = realName(v);
        String shownAs = cfg.shownAs().equals(realName) || v.role() == Variable.Role.XMAILCFG_PART ? "" : cfg.shownAs();
        String label = cfg.label(locale);
        List<String> notes = new ArrayList<>();
        for (Variable other : spellings) {
            if (tab.has(other.name())) {
                notes.add(ReportMessages.get(
                        locale,
                        "settings.ignoredSpelling",
                        tab.printable(other.name()),
                        tab.entry(other.name()).map(Entry::line).orElse(0),
                        realName));
            }
        }
        if (v.role() == Variable.Role.XMAILCFG_PART && v.name().startsWith(realName + "-")) {
            String option = v.name().substring(realName.length() + 1);
            Effective e = tab.effective(realName);
            Optional<OptionList.Option> opt = e.value() == null
                    ? Optional.empty()
                    : OptionList.parse(e.value()).get(option);
            boolean set = opt.isPresent();
            String value = opt.map(o -> o.value() == null ? "" : tab.printable(o.value()))
                    .orElse("");
            if (opt.isPresent() && !opt.get().hasValue()) {
                notes.add(ReportMessages.get(locale, "settings.optionWithoutValue", option));
            }
            String choice = opt.filter(OptionList.Option::hasValue)
                    .map(o -> uiChoice(cfg, o.value(), locale))
                    .orElse("");
            String source = set
                    ? ReportMessages.get(locale, "settings.inOption", realName, e.line())
                    : ReportMessages.get(locale, "settings.unset");
            boolean nonDefault =
                    set && opt.get().hasValue() && !"0".equals(opt.get().value());
            return new SettingRow(
                    label,
                    realName + " " + option,
                    "",
                    secrets.scrub(value) + (choice.isEmpty() ? "" : " (" + choice + ")"),
                    "",
                    source,
                    set ? e.line() : 0,
                    set,
                    nonDefault,
                    String.join(" ", notes));
        }
        return plainRow(tab, realName, label, shownAs, notes, secrets, locale, cfg);
    }

    private static SettingRow plainRow(
            ServerTab tab,
            String name,
            String label,
            String shownAs,
            List<String> notes,
            Secrets secrets,
            Locale locale,
            XMailCfgField cfg) {
        Effective e = tab.effective(name);
        String value;
        if (e.value() == null) {
            value = "";
        } else if (Secrets.secretName(name)) {
            value = Printable.of(Secrets.value(name, Entry.decode(e.value(), tab.charset())));
        } else {
            value = secrets.scrub(tab.printable(e.value()));
            String choice = uiChoice(cfg, e.value(), locale);
            if (!choice.isEmpty()) {
                value = cfg.control().equals("number") ? value + " " + choice : value + " (" + choice + ")";
            }
        }
        String def = e.variable().flatMap(Variable::defaultOptional).orElse(null);
        String source =
                switch (e.origin()) {
                    case FILE -> ReportMessages.get(locale, "settings.line", e.line());
                    case DEFAULT -> ReportMessages.get(locale, "settings.default");
                    case UNSET -> ReportMessages.get(locale, "settings.unset");
                };
        List<String> allNotes = new ArrayList<>(notes);
        if (e.reading() != Effective.Reading.AS_WRITTEN && e.written() != null) {
            allNotes.add(ReportMessages.get(
                    locale,
                    "settings.reading." + e.reading().name(),
                    Secrets.secretName(name) ? Secrets.MASK : secrets.scrub(tab.printable(e.written()))));
        }
        return new SettingRow(
                label,
                tab.printable(name),
                shownAs,
                value,
                def == null ? "" : def,
                source,
                e.line(),
                e.isSet(),
                e.differsFromDefault(),
                String.join(" ", allNotes));
    }

    /**
     * How XMailCFG's form shows a value ({@link XMailCfgField#shown}): the checked radio button, the checked boxes
     * or the unit. These are XMailCFG's own Japanese words, so only a Japanese report shows them.
     *
     * @param cfg    where the page shows the setting, or null when it does not
     * @param value  the effective value
     * @param locale the language
     * @return the text, or empty
     */
    static String uiChoice(XMailCfgField cfg, String value, Locale locale) {
        if (!Messages.isJapanese(locale) || cfg == null || value == null) {
            return "";
        }
        return cfg.shown(value).orElse("");
    }

    /**
     * Settings XMail 1.27 reads that the XMailCFG page does not show: those without a page row, and
     * {@code SmtpConfig-<address>} entries.
     */
    static List<SettingRow> otherSettings(ServerTab tab, Secrets secrets, Locale locale) {
        Catalog catalog = tab.catalog();
        List<SettingRow> out = new ArrayList<>();
        for (Variable v : catalog.all()) {
            if (v.role() == Variable.Role.VARIABLE && v.xmailcfg() == null) {
                out.add(plainRow(tab, v.name(), "", "", List.of(), secrets, locale, null));
            }
        }
        for (Entry e : tab.liveEntries()) {
            Optional<Variable> v = catalog.find(e.name());
            if (v.isPresent() && v.get().role() == Variable.Role.PATTERN) {
                out.add(plainRow(tab, e.name(), "", "", List.of(), secrets, locale, null));
            }
        }
        return out;
    }

    /** Lines XMail 1.27 does not use: unknown, removed or misspelled names, XMailCFG part names, dead duplicates. */
    @SuppressWarnings("ReferenceEquality") // identity: the entry XMail reads is this very line
    static List<IgnoredEntry> ignored(ServerTab tab, Secrets secrets, Locale locale) {
        Catalog catalog = tab.catalog();
        List<IgnoredEntry> out = new ArrayList<>();
        for (Entry e : tab.entries()) {
            String name = tab.printable(Secrets.name(e.name()));
            String value = secrets.scrub(Printable.of(Secrets.value(e.name(), Entry.decode(e.value(), tab.charset()))));
            Entry live = tab.entry(e.name()).orElse(e);
            if (live != e) {
                out.add(new IgnoredEntry(
                        name, value, e.line(), ReportMessages.get(locale, "settings.why.duplicate", live.line())));
                continue;
            }
            Optional<Variable> v = catalog.find(e.name());
            String why;
            if (v.isEmpty()) {
                why = catalog.suggest(e.name())
                        .map(s -> ReportMessages.get(locale, "settings.why.unknownSuggest", s))
                        .orElse(ReportMessages.get(locale, "settings.why.unknown"));
            } else {
                why = switch (v.get().role()) {
                    case REMOVED ->
                        v.get().replacedBy().isEmpty()
                                ? ReportMessages.get(
                                        locale, "settings.why.removed", v.get().removedIn())
                                : ReportMessages.get(
                                        locale,
                                        "settings.why.replaced",
                                        v.get().removedIn(),
                                        v.get().replacedBy());
                    case ALIAS ->
                        ReportMessages.get(locale, "settings.why.alias", v.get().aliasOf());
                    case XMAILCFG_PART ->
                        ReportMessages.get(locale, "settings.why.part", v.get().aliasOf());
                    case VARIABLE, PATTERN, LOCALIZED -> null;
                };
            }
            if (why != null) {
                out.add(new IgnoredEntry(name, value, e.line(), why));
            }
        }
        return out;
    }
}
