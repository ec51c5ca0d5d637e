package org.xmailkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;
import org.xmailkit.audit.WaiverException;
import org.xmailkit.model.EditException;
import org.xmailkit.model.InputException;
import org.xmailkit.model.fs.WriteRefusedException;
import org.xmailkit.report.text.Columns;

/**
 * Parses {@code xmailkit <command> [options] [operands]}, runs the command and maps every outcome to an
 * {@link ExitCode}. Errors are one line on stderr; stack traces only with {@code --verbose}. Never calls
 * {@code System.exit}: {@link Main} does.
 */
public final class Cli {

    /** The program name used in messages. */
    public static final String PROGRAM = "xmailkit";

    private static final String VERSION = readVersion();

    private final Map<String, Command> commands = new LinkedHashMap<>();

    /** Creates the CLI with every command. */
    public Cli() {
        this(List.<Command>of(
                new AuditCommand(),
                new ExplainCommand(),
                new ShowCommand(),
                new VarsCommand(),
                new MigrateCommand(),
                new ReportCommand(),
                new ProbeCommand(),
                new DemoCommand()));
    }

    /** @param commands the commands, in help order (tests give commands built over test rules) */
    Cli(List<Command> commands) {
        for (Command c : commands) {
            this.commands.put(c.name(), c);
        }
    }

    /** @return the commands, in help order */
    public List<Command> commands() {
        return List.copyOf(commands.values());
    }

    /**
     * @param args the arguments after the program name
     * @param base the context (its locale is the default language; {@code --lang} overrides it)
     * @return the exit code
     */
    public ExitCode run(String[] args, CommandContext base) {
        CommandContext ctx = base;
        PrintStream err = ctx.errors();
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        Locale lang = langFrom(rest, ctx.locale());
        boolean verbose = rest.contains("--verbose") || rest.contains("-v");
        ctx = new CommandContext(
                ctx.out(), ctx.err(), ctx.textCharset(), lang, ctx.terminal(), verbose, ctx.clock(), ctx.workingDir());
        if (rest.isEmpty()) {
            printUsage(ctx, ctx.errors());
            return ExitCode.USAGE;
        }
        // --lang and --verbose may precede --help and --version as well as a command.
        int globals = 0;
        while (globals < rest.size() && isGlobalOption(rest, globals)) {
            globals += rest.get(globals).equals("--lang") || rest.get(globals).equals("-l") ? 2 : 1;
        }
        if (globals > 0
                && globals < rest.size()
                && Set.of("--help", "-h", "--version", "-V").contains(rest.get(globals))) {
            rest = new ArrayList<>(rest.subList(globals, rest.size()));
        }
        String first = rest.get(0);
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            if (first.equals("help") && rest.size() > 1 && commands.containsKey(rest.get(1))) {
                printCommandHelp(commands.get(rest.get(1)), ctx);
                return ExitCode.OK;
            }
            printUsage(ctx, ctx.text());
            return ExitCode.OK;
        }
        if (first.equals("--version") || first.equals("-V")) {
            ctx.text().println(PROGRAM + " " + version());
            return ExitCode.OK;
        }
        if (first.startsWith("-")) {
            // Options before the command: only --lang and --verbose are allowed there.
            int i = 0;
            while (i < rest.size() && rest.get(i).startsWith("-")) {
                String o = rest.get(i);
                if (o.equals("--verbose") || o.equals("-v")) {
                    i++;
                } else if (o.equals("--lang") || o.equals("-l")) {
                    i += 2;
                } else if (o.startsWith("--lang=")) {
                    i++;
                } else {
                    return usageError(ctx, ctx.msg("cli.unknownOption", o), null);
                }
            }
            if (i >= rest.size()) {
                printUsage(ctx, ctx.errors());
                return ExitCode.USAGE;
            }
            List<String> moved = new ArrayList<>(rest.subList(i, rest.size()));
            moved.addAll(1, rest.subList(0, i));
            rest = moved;
            first = rest.get(0);
        }
        Command command = commands.get(first);
        if (command == null) {
            return usageError(ctx, ctx.msg("cli.unknownCommand", first), null);
        }
        Options options = withCommon(command.options(ctx.locale()), ctx.locale());
        CommandLine cl;
        try {
            cl = DefaultParser.builder()
                    .setStripLeadingAndTrailingQuotes(false)
                    .get()
                    .parse(options, rest.subList(1, rest.size()).toArray(String[]::new));
        } catch (UnrecognizedOptionException e) {
            return usageError(ctx, ctx.msg("cli.unknownOption", e.getOption()), command);
        } catch (MissingArgumentException e) {
            return usageError(
                    ctx, ctx.msg("cli.missingArgument", "--" + e.getOption().getLongOpt()), command);
        } catch (ParseException e) {
            return usageError(ctx, e.getMessage(), command);
        }
        if (cl.hasOption("help")) {
            printCommandHelp(command, ctx);
            return ExitCode.OK;
        }
        try {
            return command.run(cl, ctx);
        } catch (UsageException e) {
            return usageError(ctx, e.getMessage(), command);
        } catch (InputException e) {
            ctx.errors().println(e.oneLine(ctx.locale()));
            trace(ctx, e);
            return ExitCode.INPUT;
        } catch (WaiverException e) {
            // A bad waiver entry: its one line names the waiver file and line; no stack trace, even with --verbose.
            ctx.errors().println(e.oneLine(ctx.locale()));
            return ExitCode.INPUT;
        } catch (EditException e) {
            ctx.errors().println(PROGRAM + ": " + e.message(ctx.locale()));
            trace(ctx, e);
            return ExitCode.INPUT;
        } catch (WriteRefusedException e) {
            // A file the write policy would not write (a link, a file outside, one xmailkit did not write).
            ctx.errors().println(e.oneLine(ctx.locale()));
            trace(ctx, e);
            return ExitCode.INPUT;
        } catch (Exception | Error e) {
            ctx.errors().println(PROGRAM + ": " + ctx.msg("cli.internalError", String.valueOf(e)));
            if (!ctx.verbose()) {
                ctx.errors().println(ctx.msg("cli.verboseHint"));
            }
            trace(ctx, e);
            return ExitCode.INTERNAL;
        } finally {
            err.flush();
        }
    }

    private static boolean isGlobalOption(List<String> args, int i) {
        String a = args.get(i);
        return a.equals("--verbose")
                || a.equals("-v")
                || a.startsWith("--lang=")
                || ((a.equals("--lang") || a.equals("-l")) && i + 1 < args.size());
    }

    private static Locale langFrom(List<String> args, Locale fallback) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String v = null;
            if ((a.equals("--lang") || a.equals("-l")) && i + 1 < args.size()) {
                v = args.get(i + 1);
            } else if (a.startsWith("--lang=")) {
                v = a.substring("--lang=".length());
            }
            if (v != null) {
                return v.toLowerCase(Locale.ROOT).startsWith("ja") ? Locale.JAPANESE : Locale.ENGLISH;
            }
        }
        return "ja".equals(fallback.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
    }

    static Options withCommon(Options own, Locale locale) {
        Options all = new Options();
        for (Option o : own.getOptions()) {
            all.addOption(o);
        }
        all.addOption(Args.valued("l", "lang", "ja|en", locale, "opt.lang"));
        all.addOption(Args.flag("v", "verbose", locale, "opt.verbose"));
        all.addOption(Args.flag("h", "help", locale, "opt.help"));
        return all;
    }

    private ExitCode usageError(CommandContext ctx, String message, Command command) {
        PrintStream e = ctx.errors();
        e.println(PROGRAM + ": " + message);
        e.println(command == null ? ctx.msg("cli.seeHelp") : ctx.msg("cli.seeCommandHelp", command.name()));
        return ExitCode.USAGE;
    }

    private static void trace(CommandContext ctx, Throwable t) {
        if (ctx.verbose()) {
            t.printStackTrace(ctx.errors());
        }
    }

    /** Prints the general usage: commands, common options and exit codes. */
    void printUsage(CommandContext ctx, PrintStream out) {
        out.println(ctx.msg("cli.usage"));
        out.println();
        out.println(ctx.msg("cli.commands"));
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(8) + 2;
        for (Command c : commands.values()) {
            out.println("  " + Columns.cell(c.name(), width) + ctx.msg("cmd." + c.name() + ".summary"));
        }
        out.println();
        out.println(ctx.msg("cli.commonOptions"));
        out.println("  -l, --lang ja|en   " + ctx.msg("opt.lang"));
        out.println("  -v, --verbose      " + ctx.msg("opt.verbose"));
        out.println("  -h, --help         " + ctx.msg("opt.help"));
        out.println("  -V, --version      " + ctx.msg("opt.version"));
        out.println();
        out.println(ctx.msg("cli.exitCodes"));
        for (ExitCode c : ExitCode.values()) {
            out.println("  " + c.code() + "  " + ctx.msg("exit." + c.name()));
        }
        out.println();
        out.println(ctx.msg("cli.commandHelp"));
    }

    /** Prints a command's help, generated from its options, in the context's language. */
    private void printCommandHelp(Command command, CommandContext ctx) {
        PrintStream out = ctx.text();
        out.println(ctx.msg("cli.commandUsage", command.name(), command.operands()));
        out.println();
        out.println(ctx.msg("cmd." + command.name() + ".summary"));
        out.println();
        out.println(ctx.msg("cli.options"));
        List<String[]> rows = new ArrayList<>();
        for (Option o : withCommon(command.options(ctx.locale()), ctx.locale()).getOptions()) {
            String flags = (o.getOpt() == null ? "    " : "-" + o.getOpt() + ", ") + "--" + o.getLongOpt()
                    + (o.hasArg() ? " " + (o.getArgName() == null ? "VALUE" : o.getArgName()) : "");
            rows.add(new String[] {flags, o.getDescription()});
        }
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10) + 2;
        for (String[] r : rows) {
            out.println("  " + Columns.cell(r[0], width) + r[1]);
        }
        out.println();
        out.println(ctx.msg("cli.exitCodes"));
        for (ExitCode c : ExitCode.values()) {
            out.println("  " + c.code() + "  " + ctx.msg("exit." + c.name()));
        }
    }

    /** @return the project's version, which the build writes into {@code version.properties} */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = Cli.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }
}
