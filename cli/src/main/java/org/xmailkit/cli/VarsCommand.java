package org.xmailkit.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.xmailkit.model.Catalog;
import org.xmailkit.model.Variable;
import org.xmailkit.model.XMailCfgField;

/** {@code xmailkit vars [NAME]}: the variable catalogue, or everything known about one name, in both languages. */
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
        return new Options();
    }

    @Override
    public ExitCode run(CommandLine cl, CommandContext ctx) throws Exception {
        Catalog catalog = Catalog.builtin();
        PrintStream out = ctx.text();
        List<String> args = cl.getArgList();
        if (args.size() > 1) {
            throw new UsageException(ctx.msg("vars.oneName"));
        }
        if (args.isEmpty()) {
            int width = catalog.all().stream().mapToInt(v -> v.name().length()).max().orElse(20);
            for (Variable v : catalog.all()) {
                String def = v.defaultValue() == null ? "-" : (v.defaultValue().isEmpty() ? "\"\"" : v.defaultValue());
                out.println(pad(v.name(), width) + "  " + pad(ctx.msg("vars.role." + v.role().name()), 12) + "  "
                        + pad(v.kind().name().toLowerCase(Locale.ROOT), 8) + "  " + pad(def, 12) + "  "
                        + v.description(ctx.locale()));
            }
            return ExitCode.OK;
        }
        String name = args.get(0);
        Optional<Variable> found = catalog.find(name);
        if (found.isEmpty()) {
            String hint = catalog.suggest(name).map(s -> " " + ctx.msg("vars.didYouMean", s)).orElse("");
            throw new UsageException(ctx.msg("vars.unknown", name) + hint);
        }
        Variable v = found.get();
        out.println(v.name());
        field(out, ctx, "vars.field.role", ctx.msg("vars.role." + v.role().name()));
        if (!v.aliasOf().isEmpty()) {
            field(out, ctx, "vars.field.aliasOf", v.aliasOf());
        }
        field(out, ctx, "vars.field.kind", v.kind().name().toLowerCase(Locale.ROOT) + " ("
                + v.accessor().name().toLowerCase(Locale.ROOT) + ")");
        field(out, ctx, "vars.field.default", v.defaultValue() == null ? ctx.msg("vars.none")
                : (v.defaultValue().isEmpty() ? "\"\"" : v.defaultValue()));
        field(out, ctx, "vars.field.values", v.values());
        field(out, ctx, "vars.field.since", v.since());
        if (!v.removedIn().isEmpty()) {
            field(out, ctx, "vars.field.removedIn", v.removedIn());
        }
        if (!v.replacedBy().isEmpty()) {
            field(out, ctx, "vars.field.replacedBy", v.replacedBy());
        }
        field(out, ctx, "vars.field.security", ctx.msg("vars.security." + v.security().name()));
        XMailCfgField f = v.xmailcfg();
        if (f != null) {
            field(out, ctx, "vars.field.xmailcfg", ctx.msg("section." + f.section()) + " / " + f.labelJa() + " ("
                    + f.shownAs() + ")" + (f.required() ? " *" : ""));
            field(out, ctx, "vars.field.ui", f.ui());
        }
        field(out, ctx, "vars.field.en", v.descriptionEn());
        field(out, ctx, "vars.field.ja", v.descriptionJa());
        return ExitCode.OK;
    }

    private static void field(PrintStream out, CommandContext ctx, String key, String value) {
        out.println("  " + pad(ctx.msg(key), 16) + " " + value);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
