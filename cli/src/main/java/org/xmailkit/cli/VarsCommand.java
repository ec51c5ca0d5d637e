package org.xmailkit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.xmailkit.model.Catalog;
import org.xmailkit.model.Variable;
import org.xmailkit.model.XMailCfgField;
import org.xmailkit.report.JsonDocument;
import org.xmailkit.report.text.Columns;

/**
 * {@code xmailkit vars [NAME]}: the variable catalogue as a table, or everything known about one name (type,
 * default, values, history, security relevance, XMailCFG's field, both descriptions). A NAME may also be given in
 * another case, as a misspelling, or as XMailCFG's Japanese label.
 */
final class VarsCommand implements Command {

    @Override
    public String name() {
        return "vars";
    }

    @Override
    public String operands() {
        return "[NAME]";
    }

    @Override
    public Options options(Locale locale) {
        Options o = new Options();
        o.addOption(Args.valued("f", "format", "text|json", locale, "opt.vars.format"));
        return o;
    }

    @Override
    public ExitCode run(CommandLine cl, CommandContext ctx) throws Exception {
        Catalog catalog = Catalog.builtin();
        List<String> args = cl.getArgList();
        String format = Args.choice(cl, ctx, "format", Set.of("text", "json"), "text");
        if (args.size() > 1) {
            throw new UsageException(ctx.msg("vars.oneName"));
        }
        List<Variable> chosen;
        if (args.isEmpty()) {
            chosen = catalog.all();
        } else {
            chosen = List.of(lookup(catalog, args.get(0), ctx));
        }
        if (format.equals("json")) {
            ObjectMapper mapper = JsonDocument.mapper();
            ArrayNode arr = mapper.createArrayNode();
            chosen.forEach(v -> arr.add(json(mapper, v)));
            PrintStream out = ctx.utf8();
            out.println(mapper.writeValueAsString(args.isEmpty() ? arr : arr.get(0)));
            out.flush();
        } else if (args.isEmpty()) {
            table(ctx.text(), catalog, ctx);
        } else {
            detail(ctx.text(), chosen.get(0), ctx);
        }
        return ExitCode.OK;
    }

    private static Variable lookup(Catalog catalog, String name, CommandContext ctx) throws UsageException {
        Optional<Variable> found = catalog.find(name);
        if (found.isEmpty()) {
            found = catalog.all().stream()
                    .filter(v -> v.xmailcfg() != null
                            && (v.xmailcfg().labelJa().equals(name)
                                    || v.xmailcfg().labelEn().equalsIgnoreCase(name)))
                    .findFirst();
        }
        if (found.isEmpty()) {
            Optional<String> suggestion = catalog.suggest(name);
            if (suggestion.isPresent() && suggestion.get().equalsIgnoreCase(name.strip())) {
                found = catalog.find(suggestion.get());
            } else {
                String hint =
                        suggestion.map(s -> " " + ctx.msg("vars.didYouMean", s)).orElse("");
                throw new UsageException(ctx.msg("vars.unknown", name) + hint);
            }
        }
        return found.get();
    }

    private static void table(PrintStream out, Catalog catalog, CommandContext ctx) {
        Locale locale = ctx.locale();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            ctx.msg("vars.head.name"),
            ctx.msg("vars.head.type"),
            ctx.msg("vars.head.default"),
            ctx.msg("vars.head.about")
        });
        for (Variable v : catalog.all()) {
            String about = v.xmailcfg() != null ? v.xmailcfg().label(locale) : firstSentence(v.description(locale));
            if (v.role() != Variable.Role.VARIABLE) {
                about = "[" + ctx.msg("vars.role." + v.role().name()) + "] " + about;
            }
            rows.add(new String[] {v.name(), v.kind().name().toLowerCase(Locale.ROOT), defaultText(v, ctx), about});
        }
        int[] widths = new int[3];
        for (String[] r : rows) {
            for (int i = 0; i < 3; i++) {
                widths[i] = Math.max(widths[i], Columns.width(r[i]));
            }
        }
        widths[2] = Math.min(widths[2], 24);
        for (String[] r : rows) {
            out.println(Columns.pad(r[0], widths[0]) + "  " + Columns.pad(r[1], widths[1]) + "  "
                    + Columns.pad(r[2], widths[2]) + "  " + r[3]);
        }
    }

    private static void detail(PrintStream out, Variable v, CommandContext ctx) {
        out.println(v.name());
        field(out, ctx, "vars.field.role", ctx.msg("vars.role." + v.role().name()));
        if (!v.aliasOf().isEmpty()) {
            field(out, ctx, "vars.field.aliasOf", v.aliasOf());
        }
        field(
                out,
                ctx,
                "vars.field.kind",
                v.kind().name().toLowerCase(Locale.ROOT) + " ("
                        + ctx.msg("vars.accessor." + v.accessor().name()) + ")");
        field(out, ctx, "vars.field.default", defaultText(v, ctx));
        field(out, ctx, "vars.field.values", v.values());
        field(out, ctx, "vars.field.since", v.since());
        if (!v.removedIn().isEmpty()) {
            field(out, ctx, "vars.field.removedIn", v.removedIn());
        }
        if (!v.replacedBy().isEmpty()) {
            field(out, ctx, "vars.field.replacedBy", v.replacedBy());
        }
        field(
                out,
                ctx,
                "vars.field.security",
                ctx.msg("vars.security." + v.security().name()));
        XMailCfgField f = v.xmailcfg();
        if (f != null) {
            field(
                    out,
                    ctx,
                    "vars.field.xmailcfg",
                    ctx.msg("section." + f.section()) + " / " + f.labelJa() + " (" + f.shownAs() + ")"
                            + (f.required() ? " *" : ""));
            field(out, ctx, "vars.field.labelEn", f.labelEn());
            field(out, ctx, "vars.field.ui", ui(f, ctx));
        }
        field(out, ctx, "vars.field.en", v.descriptionEn());
        field(out, ctx, "vars.field.ja", v.descriptionJa());
    }

    private static String ui(XMailCfgField f, CommandContext ctx) {
        String control = ctx.msg("vars.control." + f.control());
        if (!f.choices().isEmpty()) {
            return control + ": "
                    + String.join(
                            ", ",
                            f.choices().stream()
                                    .map(c -> c.label() + " \u2192 " + c.value())
                                    .toList());
        }
        return f.detail().isEmpty() ? control : control + " (" + f.detail() + ")";
    }

    private static String defaultText(Variable v, CommandContext ctx) {
        if (v.defaultValue() == null) {
            return ctx.msg("vars.none");
        }
        return v.defaultValue().isEmpty() ? "\"\"" : v.defaultValue();
    }

    private static String firstSentence(String text) {
        int dot = text.indexOf(". ");
        int maru = text.indexOf('。');
        int end = dot >= 0 ? dot + 1 : (maru >= 0 ? maru + 1 : text.length());
        return text.substring(0, end);
    }

    private static ObjectNode json(ObjectMapper mapper, Variable v) {
        ObjectNode o = mapper.createObjectNode();
        o.put("name", v.name());
        o.put("role", v.role().name().toLowerCase(Locale.ROOT));
        o.put("kind", v.kind().name().toLowerCase(Locale.ROOT));
        o.put("accessor", v.accessor().name().toLowerCase(Locale.ROOT));
        o.put("default", v.defaultValue());
        o.put("values", v.values());
        o.put("since", v.since());
        o.put("removedIn", v.removedIn().isEmpty() ? null : v.removedIn());
        o.put("replacedBy", v.replacedBy().isEmpty() ? null : v.replacedBy());
        o.put("aliasOf", v.aliasOf().isEmpty() ? null : v.aliasOf());
        o.put("security", v.security().name().toLowerCase(Locale.ROOT));
        o.put("secret", v.secret());
        o.put("readBy127", v.readBy127());
        XMailCfgField f = v.xmailcfg();
        if (f == null) {
            o.putNull("xmailcfg");
        } else {
            ObjectNode x = o.putObject("xmailcfg");
            x.put("section", f.section());
            x.put("order", f.order());
            x.put("shownAs", f.shownAs());
            x.put("labelJa", f.labelJa());
            x.put("labelEn", f.labelEn());
            x.put("required", f.required());
            x.put("control", f.control());
            ArrayNode choices = x.putArray("choices");
            f.choices().forEach(c -> choices.addObject().put("label", c.label()).put("value", c.value()));
        }
        o.put("descriptionEn", v.descriptionEn());
        o.put("descriptionJa", v.descriptionJa());
        return o;
    }

    private static void field(PrintStream out, CommandContext ctx, String key, String value) {
        out.println("  " + Columns.pad(ctx.msg(key), 16) + " " + value);
    }
}
