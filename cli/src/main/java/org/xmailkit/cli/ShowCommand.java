package org.xmailkit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.model.Catalog;
import org.xmailkit.model.Effective;
import org.xmailkit.model.Entry;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRoots;
import org.xmailkit.model.Messages;
import org.xmailkit.model.OrderedBatch;
import org.xmailkit.model.Printable;
import org.xmailkit.model.Problem;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TerminalStream;
import org.xmailkit.model.Variable;
import org.xmailkit.model.XMailCfgField;
import org.xmailkit.model.ctrl.Origins;
import org.xmailkit.report.JsonDocument;
import org.xmailkit.report.text.Columns;

/**
 * {@code xmailkit show}: the effective configuration, like {@code postconf -n}: each variable XMail 1.27 would
 * use, its value and where it came from, grouped as on XMailCFG's settings page and marked when it differs from
 * the 1.27 default; then the names XMail ignores and the file's problems.
 */
final class ShowCommand implements Command {

    /** The group for variables XMailCFG's page does not show ({@code SmtpConfig} and its per-address forms). */
    static final String OTHER_SECTION = "other";

    @Override
    public String name() {
        return "show";
    }

    @Override
    public String operands() {
        return "PATH...";
    }

    @Override
    public Options options(Locale locale) {
        Options o = new Options();
        o.addOption(Args.flag("a", "all", locale, "opt.show.all"));
        o.addOption(Args.valued("f", "format", "text|json", locale, "opt.show.format"));
        Args.addStartupOptions(o, locale);
        RemoteInputs.addOptions(o, locale);
        return o;
    }

    @Override
    public ExitCode run(CommandLine cl, CommandContext ctx) throws Exception {
        try (RemoteInputs inputs = RemoteInputs.of(cl, ctx, 1)) {
            return run(cl, ctx, inputs);
        }
    }

    private ExitCode run(CommandLine cl, CommandContext ctx, RemoteInputs inputs) throws Exception {
        String format = Args.choice(cl, ctx, "format", Set.of("text", "json"), "text");
        boolean all = cl.hasOption("all");
        Args.oneServer(cl, inputs, ctx);
        Optional<Startup> given = Args.startup(cl, ctx);
        List<Path> servers = new ArrayList<>();
        List<InputException> failures = new ArrayList<>();
        for (Path input : inputs.local()) {
            try {
                MailRoots.Discovery found = MailRoots.discover(List.of(input));
                servers.addAll(found.servers());
                failures.addAll(found.skipped());
            } catch (InputException e) {
                failures.add(e);
            }
        }
        for (RemoteInputs.Collected c : inputs.collect(ctx, true)) {
            servers.add(c.directory()); // a remote MailRoot's local copy, read as the others are
        }
        if (servers.isEmpty() && failures.size() == 1) {
            throw failures.get(0);
        }
        Args.oneServer(given, servers, ctx);
        AuditOptions startupOptions = AuditOptions.defaults().withStartup(given);
        // One server that cannot be read is an input error, as one file is.
        boolean single = servers.size() == 1 && failures.isEmpty();
        PrintStream err = ctx.errors();
        for (InputException e : failures) {
            err.println(e.oneLine(ctx.locale()));
        }
        boolean json = format.equals("json");
        ObjectMapper mapper = JsonDocument.mapper();
        int[] shown = {0};
        int[] failed = {failures.size()};
        InputException[] only = {null};
        // Each server is read and rendered on a worker thread and printed in order as soon as it can be, then
        // forgotten.
        try (JsonGenerator g = json ? JsonDocument.generator(ctx.out(), 0) : null) {
            OrderedBatch.run(
                    servers,
                    Runtime.getRuntime().availableProcessors(),
                    i -> {
                        try {
                            MailRoot root = MailRoot.open(servers.get(i));
                            View view = View.of(root, all);
                            // The command line XMail runs with, given or kept in the MailRoot; a file of it that cannot
                            // be
                            // used is shown as an error beside the server.
                            List<InputException> startupErrors = new ArrayList<>();
                            Optional<Startup> startup = Auditor.startup(root, startupOptions, startupErrors);
                            if (json) {
                                ObjectNode server = json(mapper, view, ctx.locale());
                                StartupView.json(server, root, startup, ctx.locale());
                                return new Shown(server, startupErrors);
                            }
                            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                            TerminalStream text = new TerminalStream(bytes, ctx.textCharset(), false);
                            text(text, view, ctx);
                            StartupView.text(text, root, startup, ctx);
                            text.flush();
                            return new Shown(bytes.toByteArray(), startupErrors);
                        } catch (InputException e) {
                            return e;
                        } catch (OutOfMemoryError e) {
                            return InputException.outOfMemory(servers.get(i));
                        }
                    },
                    r -> r instanceof InputException e && e.reason() == InputException.Reason.OUT_OF_MEMORY,
                    (i, r) -> {
                        if (r instanceof InputException e) {
                            failed[0]++;
                            if (single) {
                                only[0] = e;
                            } else {
                                err.println(e.oneLine(ctx.locale()));
                            }
                            return;
                        }
                        Shown done = (Shown) r;
                        for (InputException e : done.errors()) {
                            failed[0]++;
                            err.println(e.oneLine(ctx.locale()));
                        }
                        if (json) {
                            if (shown[0] == 0) {
                                g.writeStartArray();
                            }
                            mapper.writeTree(g, (ObjectNode) done.output());
                        } else {
                            if (shown[0] > 0) {
                                ctx.out().write(System.lineSeparator().getBytes(ctx.textCharset()));
                            }
                            ctx.out().write((byte[]) done.output());
                        }
                        shown[0]++;
                    });
            if (only[0] != null) {
                throw only[0];
            }
            if (json) {
                if (shown[0] == 0) {
                    g.writeStartArray();
                }
                g.writeEndArray();
            }
        }
        if (json) {
            ctx.out().write(System.lineSeparator().getBytes(StandardCharsets.UTF_8));
        }
        ctx.out().flush();
        if (failed[0] == 0) {
            return ExitCode.OK;
        }
        return shown[0] == 0 ? ExitCode.INPUT : ExitCode.PARTIAL;
    }

    /** One setting as {@code show} prints it. */
    record Row(String name, Effective effective, String section, int order) {}

    /** What {@code show} prints for one server: settings grouped by page section, ignored names, problems. */
    record View(
            MailRoot root,
            ServerTab tab,
            Map<String, List<Row>> sections,
            List<Entry> ignored,
            List<String> requiredUnset) {

        static View of(MailRoot root, boolean all) {
            ServerTab tab = root.serverTab();
            Catalog catalog = tab.catalog();
            List<Row> rows = new ArrayList<>();
            for (Variable v : catalog.all()) {
                if (v.role() == Variable.Role.VARIABLE && (all || tab.has(v.name()))) {
                    rows.add(row(tab, v.name(), v));
                }
            }
            for (Entry e : tab.liveEntries()) {
                Optional<Variable> v = catalog.find(e.name());
                if (v.isPresent() && v.get().role() == Variable.Role.PATTERN) {
                    rows.add(row(tab, e.name(), v.get()));
                }
            }
            rows.sort(Comparator.comparingInt((Row r) -> sectionIndex(r.section()))
                    .thenComparingInt(Row::order));
            Map<String, List<Row>> sections = new LinkedHashMap<>();
            for (Row r : rows) {
                sections.computeIfAbsent(r.section(), k -> new ArrayList<>()).add(r);
            }
            List<Entry> ignored = tab.liveEntries().stream()
                    .filter(e -> catalog.find(e.name()).map(v -> !v.readBy127()).orElse(false))
                    .toList();
            List<String> requiredUnset = catalog.all().stream()
                    .filter(v -> v.xmailcfg() != null && v.xmailcfg().required() && v.role() == Variable.Role.VARIABLE)
                    .sorted(Comparator.comparingInt(v -> v.xmailcfg().order()))
                    .map(Variable::name)
                    .filter(n -> !tab.has(n))
                    .toList();
            return new View(root, tab, sections, ignored, requiredUnset);
        }

        private static Row row(ServerTab tab, String name, Variable v) {
            XMailCfgField f = v.xmailcfg();
            return new Row(
                    name,
                    tab.effective(name),
                    f == null ? OTHER_SECTION : f.section(),
                    f == null ? Integer.MAX_VALUE : f.order());
        }

        private static int sectionIndex(String section) {
            int i = Catalog.SECTIONS.indexOf(section);
            return i < 0 ? Catalog.SECTIONS.size() : i;
        }

        int settingsInFile() {
            return (int) sections.values().stream()
                    .flatMap(List::stream)
                    .filter(r -> r.effective().isSet())
                    .count();
        }

        int differing() {
            return (int) sections.values().stream()
                    .flatMap(List::stream)
                    .filter(r -> r.effective().differsFromDefault())
                    .count();
        }

        List<Integer> deadLines(String name) {
            return tab.deadDuplicates().stream()
                    .filter(e -> e.name().equals(name))
                    .map(Entry::line)
                    .toList();
        }
    }

    // ------------------------------------------------------------------ text

    /** One server as shown (JSON tree or text bytes), and what of its command line could not be read. */
    private record Shown(Object output, List<InputException> errors) {}

    private static void text(PrintStream out, View view, CommandContext ctx) {
        ServerTab tab = view.tab();
        Locale locale = ctx.locale();
        out.println("# " + Origins.display(view.root().serverTabPath()));
        out.println("# "
                + ctx.msg(
                        "show.summary",
                        tab.charset().name(),
                        tab.document().dominantEnding().name(),
                        tab.document().lines().size(),
                        view.settingsInFile(),
                        view.differing()));
        if (view.root().bare()) {
            out.println("# " + ctx.msg("show.bare"));
        }
        if (!view.requiredUnset().isEmpty()) {
            out.println("# " + ctx.msg("show.requiredUnset", String.join(", ", view.requiredUnset())));
        }
        out.println("# " + ctx.msg("show.legend"));
        int nameWidth = view.sections().values().stream()
                .flatMap(List::stream)
                .mapToInt(r -> Columns.width(tab.printable(r.name())))
                .max()
                .orElse(10);
        int valueWidth = Math.min(
                32,
                view.sections().values().stream()
                        .flatMap(List::stream)
                        .mapToInt(r -> Columns.width(display(tab, r.effective())))
                        .max()
                        .orElse(10));
        for (Map.Entry<String, List<Row>> section : view.sections().entrySet()) {
            out.println();
            out.println("## " + ctx.msg("section." + section.getKey()));
            for (Row r : section.getValue()) {
                Effective e = r.effective();
                String marker = e.differsFromDefault() ? "* " : "  ";
                String value = display(tab, e);
                out.println(marker + Columns.pad(tab.printable(r.name()), nameWidth) + " = "
                        + Columns.pad(value, valueWidth) + "  # " + String.join("; ", notes(view, e, ctx, locale)));
            }
        }
        if (view.sections().isEmpty()) {
            out.println();
            out.println("# " + ctx.msg("show.nothingSet"));
        }
        if (!view.ignored().isEmpty()) {
            out.println();
            out.println("## " + ctx.msg("show.ignored"));
            for (Entry e : view.ignored()) {
                Variable v = tab.catalog().get(e.name());
                String target = v.aliasOf().isEmpty() ? v.replacedBy() : v.aliasOf();
                out.println("  " + tab.printable(e.name()) + " = " + quoteIfNeeded(shownValue(tab, e.name(), e.value()))
                        + "  # " + ctx.msg("show.line", e.line()) + "; "
                        + ctx.msg("show.role." + v.role().name(), target));
            }
        }
        List<Problem> problems = tab.problems();
        if (!problems.isEmpty()) {
            out.println();
            out.println("## " + ctx.msg("show.problems", problems.size()));
            String file = Origins.display(view.root().serverTabPath());
            for (Problem p : problems) {
                out.println(file + ":" + p.format(locale));
            }
        }
    }

    private static List<String> notes(View view, Effective e, CommandContext ctx, Locale locale) {
        ServerTab tab = view.tab();
        List<String> notes = new ArrayList<>();
        switch (e.origin()) {
            case FILE -> notes.add(ctx.msg("show.line", e.line()));
            case DEFAULT -> notes.add(ctx.msg("show.default"));
            case UNSET -> notes.add(ctx.msg("show.unset"));
        }
        Optional<XMailCfgField> field = e.variable().map(Variable::xmailcfg);
        field.ifPresent(f -> {
            // XMailCFG users know their settings by the page's label and, for radio groups, the checked button.
            boolean showChoice = Messages.isJapanese(locale)
                    && e.value() != null
                    && f.control().equals("radio");
            Optional<String> choice = showChoice ? f.choiceLabel(e.value()) : Optional.empty();
            notes.add(choice.map(c -> f.label(locale) + ": " + c).orElse(f.label(locale)));
        });
        if (e.reading() != Effective.Reading.AS_WRITTEN) {
            notes.add(ctx.msg("show.reading." + e.reading().name(), shownValue(tab, e.name(), e.written())));
        }
        if (e.differsFromDefault()) {
            String def = e.variable().flatMap(Variable::defaultOptional).orElse(null);
            notes.add(def == null ? ctx.msg("show.noDefault") : ctx.msg("show.differs", def));
        }
        for (int dead : view.deadLines(e.name())) {
            notes.add(ctx.msg("show.deadDuplicate", dead));
        }
        return notes;
    }

    /** The value as shown: {@code ""} for an empty string (present, unlike an unset one). */
    static String display(ServerTab tab, Effective e) {
        if (e.value() == null) {
            return "";
        }
        return quoteIfNeeded(shownValue(tab, e.name(), e.value()));
    }

    private static String quoteIfNeeded(String s) {
        if (s.isEmpty() || !s.equals(s.strip())) {
            return "\"" + s + "\"";
        }
        return s;
    }

    /** A value as {@link Secrets#value} allows it to be shown, control characters escaped. */
    private static String shownValue(ServerTab tab, String name, String value) {
        return value == null ? null : Printable.of(Secrets.value(name, Entry.decode(value, tab.charset())));
    }

    // ------------------------------------------------------------------ json

    private static ObjectNode json(ObjectMapper mapper, View view, Locale locale) {
        ServerTab tab = view.tab();
        ObjectNode o = mapper.createObjectNode();
        o.put("path", Origins.display(view.root().serverTabPath()));
        o.put("bare", view.root().bare());
        o.put("encoding", tab.charset().name());
        o.put("lineEnding", tab.document().dominantEnding().name());
        o.put("lines", tab.document().lines().size());
        ArrayNode required = o.putArray("requiredUnset");
        view.requiredUnset().forEach(required::add);
        ArrayNode settings = o.putArray("settings");
        for (Map.Entry<String, List<Row>> section : view.sections().entrySet()) {
            for (Row r : section.getValue()) {
                Effective e = r.effective();
                ObjectNode s = settings.addObject();
                s.put("name", tab.printable(r.name()));
                s.put("value", shownValue(tab, r.name(), e.value()));
                s.put("origin", e.origin().name().toLowerCase(Locale.ROOT));
                if (e.isSet()) {
                    s.put("line", e.line());
                    s.put("written", shownValue(tab, r.name(), e.written()));
                } else {
                    s.putNull("line");
                    s.putNull("written");
                }
                s.put("reading", e.reading().name().toLowerCase(Locale.ROOT));
                s.put("default", e.variable().flatMap(Variable::defaultOptional).orElse(null));
                s.put("differsFromDefault", e.differsFromDefault());
                s.put("section", section.getKey());
                Optional<XMailCfgField> f = e.variable().map(Variable::xmailcfg);
                s.put("label", f.map(x -> x.label(locale)).orElse(null));
                ArrayNode dead = s.putArray("deadDuplicateLines");
                view.deadLines(r.name()).forEach(dead::add);
            }
        }
        ArrayNode ignored = o.putArray("ignored");
        for (Entry e : view.ignored()) {
            Variable v = tab.catalog().get(e.name());
            ObjectNode n = ignored.addObject();
            n.put("name", tab.printable(e.name()));
            n.put("value", shownValue(tab, e.name(), e.value()));
            n.put("line", e.line());
            n.put("role", v.role().name().toLowerCase(Locale.ROOT));
            n.put("xmailReads", v.aliasOf().isEmpty() ? v.replacedBy() : v.aliasOf());
        }
        ArrayNode problems = o.putArray("problems");
        for (Problem p : tab.problems()) {
            ObjectNode n = problems.addObject();
            n.put("line", p.line());
            n.put("column", p.column());
            n.put("code", p.code().name());
            n.put("message", p.message(locale));
        }
        return o;
    }

    // ------------------------------------------------------------------ layout
}
