package org.xmailkit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.xmailkit.model.Catalog;
import org.xmailkit.model.Effective;
import org.xmailkit.model.Entry;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRoots;
import org.xmailkit.model.Problem;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Variable;

/**
 * {@code xmailkit show}: the effective configuration, like {@code postconf -n}: each variable XMail 1.27 would
 * use, its value and where it came from; names XMail ignores and the file's problems after it.
 */
final class ShowCommand implements Command {

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
        o.addOption(Option.builder("a").longOpt("all").desc(CommandContext.message(locale, "opt.show.all")).get());
        o.addOption(Option.builder("f").longOpt("format").hasArg().argName("text|json")
                .desc(CommandContext.message(locale, "opt.show.format")).get());
        return o;
    }

    @Override
    public ExitCode run(CommandLine cl, CommandContext ctx) throws Exception {
        List<Path> inputs = Args.paths(cl, ctx, 1);
        String format = Args.choice(cl, ctx, "format", Set.of("text", "json"), "text");
        boolean all = cl.hasOption("all");
        List<MailRoot> roots = new ArrayList<>();
        for (Path p : MailRoots.discover(inputs)) {
            roots.add(MailRoot.open(p));
        }
        if (format.equals("json")) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode arr = mapper.createArrayNode();
            for (MailRoot r : roots) {
                arr.add(json(mapper, r, all, ctx.locale()));
            }
            PrintStream out = ctx.utf8();
            out.println(mapper.writeValueAsString(arr));
            out.flush();
        } else {
            PrintStream out = ctx.text();
            boolean first = true;
            for (MailRoot r : roots) {
                if (!first) {
                    out.println();
                }
                first = false;
                text(out, r, all, ctx);
            }
        }
        return ExitCode.OK;
    }

    /** The names to show: catalogued variables XMail reads, in XMailCFG page order, then the rest in file order. */
    static List<String> names(ServerTab tab, boolean all) {
        Catalog catalog = tab.catalog();
        Set<String> out = new LinkedHashSet<>();
        List<Variable> known = new ArrayList<>(catalog.all().stream()
                .filter(v -> v.role() == Variable.Role.VARIABLE).toList());
        known.sort(Comparator.comparingInt(v -> v.xmailcfg() == null ? Integer.MAX_VALUE : v.xmailcfg().order()));
        for (Variable v : known) {
            if (all || tab.has(v.name())) {
                out.add(v.name());
            }
        }
        for (Entry e : tab.liveEntries()) {
            catalog.find(e.name()).filter(Variable::readBy127).ifPresent(v -> out.add(e.name()));
        }
        return List.copyOf(out);
    }

    private static void text(PrintStream out, MailRoot root, boolean all, CommandContext ctx) {
        ServerTab tab = root.serverTab();
        Locale locale = ctx.locale();
        out.println("# " + root.serverTabPath() + "  (" + ctx.msg("show.encoding", tab.charset().name(),
                tab.document().dominantEnding(), tab.document().lines().size()) + ")");
        List<String> names = names(tab, all);
        int width = names.stream().mapToInt(n -> tab.printable(n).length()).max().orElse(10);
        for (String name : names) {
            Effective e = tab.effective(name);
            String value = e.value() == null ? "" : tab.printable(e.value());
            StringBuilder line = new StringBuilder();
            line.append(pad(tab.printable(name), width)).append(" = ").append(value);
            List<String> notes = new ArrayList<>();
            if (e.isSet()) {
                notes.add(ctx.msg("show.line", e.line()));
            } else if (e.origin() == Effective.Origin.DEFAULT) {
                notes.add(ctx.msg("show.default"));
            } else {
                notes.add(ctx.msg("show.unset"));
            }
            if (e.reading() != Effective.Reading.AS_WRITTEN) {
                notes.add(ctx.msg("show.reading." + e.reading().name(), tab.printable(e.written())));
            }
            if (e.differsFromDefault()) {
                String def = e.variable().flatMap(Variable::defaultOptional).orElse(null);
                notes.add(def == null ? ctx.msg("show.noDefault") : ctx.msg("show.differs", def));
            }
            e.variable().map(Variable::xmailcfg).ifPresent(f -> notes.add(f.label(locale)));
            line.append("    # ").append(String.join("; ", notes));
            out.println(line);
        }
        List<String> ignored = new ArrayList<>();
        Catalog catalog = tab.catalog();
        for (Entry e : tab.liveEntries()) {
            catalog.find(e.name()).filter(v -> !v.readBy127()).ifPresent(v -> ignored.add(
                    tab.printable(e.name()) + " = " + tab.printable(e.value()) + "    # "
                            + ctx.msg("show.line", e.line()) + "; " + ctx.msg("show.role." + v.role().name(),
                            v.aliasOf().isEmpty() ? v.replacedBy() : v.aliasOf())));
        }
        if (!ignored.isEmpty()) {
            out.println("# " + ctx.msg("show.ignored"));
            ignored.forEach(out::println);
        }
        List<Problem> problems = tab.problems();
        if (!problems.isEmpty()) {
            out.println("# " + ctx.msg("show.problems", problems.size()));
            Path file = root.serverTabPath();
            for (Problem p : problems) {
                out.println(file + ":" + p.format(locale));
            }
        }
    }

    private static ObjectNode json(ObjectMapper mapper, MailRoot root, boolean all, Locale locale) {
        ServerTab tab = root.serverTab();
        ObjectNode o = mapper.createObjectNode();
        o.put("path", root.serverTabPath().toString());
        o.put("encoding", tab.charset().name());
        o.put("lineEnding", tab.document().dominantEnding().name());
        ArrayNode settings = o.putArray("settings");
        for (String name : names(tab, all)) {
            Effective e = tab.effective(name);
            ObjectNode s = settings.addObject();
            s.put("name", tab.printable(name));
            s.put("value", e.value() == null ? null : tab.printable(e.value()));
            s.put("origin", e.origin().name().toLowerCase(Locale.ROOT));
            if (e.isSet()) {
                s.put("line", e.line());
                s.put("written", tab.printable(e.written()));
            }
            s.put("reading", e.reading().name().toLowerCase(Locale.ROOT));
            s.put("default", e.variable().flatMap(Variable::defaultOptional).orElse(null));
            s.put("differsFromDefault", e.differsFromDefault());
            e.variable().map(Variable::xmailcfg).ifPresent(f -> s.put("label", f.label(locale)));
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

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
