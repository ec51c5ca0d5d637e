package org.xmailkit.audit.startup;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xmailkit.audit.startup.OptionIssue.Code;
import org.xmailkit.audit.startup.OptionIssue.Treatment;
import org.xmailkit.model.InputException;
import org.xmailkit.model.TextEncoding;

/**
 * How a Unix system starts XMail: a System V init script (the {@code xmail} script XMail ships exports MAIL_ROOT
 * and MAIL_CMD_LINE from XMAIL_ROOT and XMAIL_CMD_LINE and runs the daemon without arguments), a defaults file it
 * sources ({@code /etc/default/xmail}), or a systemd unit ({@code Environment=} and {@code ExecStart=}). Shell files
 * are not run: assignments are followed in order with {@code $NAME}, {@code ${NAME}} and {@code ${NAME:-word}}
 * expanded from earlier assignments; command substitutions and variables set elsewhere are reported, not guessed.
 */
final class ServiceFile {

    /** An assignment at the current position (matched with lookingAt over a region, never over a copied rest). */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "\\s*(?:export\\s+|readonly\\s+|local\\s+|declare\\s+(?:-x\\s+)?)?([A-Za-z_][A-Za-z0-9_]*)=");

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern BRACED = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(:?[-=+])?(.*)");
    private static final Pattern SOLE = Pattern.compile("\"?\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?\"?");
    private static final Pattern LONE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern BRACED_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[(Unit|Service|Install)]\\s*$");
    private static final Set<String> PREFIXES = Set.of("exec", "nohup", "nice", "command", "daemon");

    /**
     * A variable's value and where its text is written.
     *
     * @param unresolved what its value refers to that the file does not set (command substitutions, variables)
     */
    private record Var(String value, int line, String label, Set<String> unresolved) {
        Var(String value, int line, String label) {
            this(value, line, label, Set.of());
        }
    }

    private ServiceFile() {}

    static Startup read(byte[] bytes, Path file, boolean automatic) throws InputException {
        Charset charset = TextEncoding.detect(bytes);
        String text = new String(bytes, charset);
        List<String> lines = text.lines().toList();
        boolean unit = lines.stream().anyMatch(l -> SECTION.matcher(l).matches());
        return unit ? systemd(lines, file, automatic) : shell(lines, file, automatic);
    }

    // ------------------------------------------------------------------ shell

    private static Startup shell(List<String> lines, Path file, boolean automatic) throws InputException {
        Shell sh = new Shell();
        List<String> argv = null;
        Set<String> argvUnresolved = Set.of();
        int argvLine = 0;
        Map<String, Var> atStart = null;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            StringBuilder b = new StringBuilder(lines.get(i));
            while (b.length() > 0 && b.charAt(b.length() - 1) == '\\' && i + 1 < lines.size()) {
                b.setLength(b.length() - 1);
                b.append(lines.get(++i));
            }
            String line = b.toString();
            int pos = 0;
            Matcher m = ASSIGNMENT.matcher(line);
            while (m.region(pos, line.length()).lookingAt()) {
                String name = m.group(1);
                int[] end = new int[1];
                sh.unresolved.clear();
                String value = sh.word(line, m.end(), end);
                Var from = sh.sole(line.substring(m.end(), end[0]));
                sh.vars.put(name, from != null ? from : new Var(value, lineNo, name, Set.copyOf(sh.unresolved)));
                pos = end[0];
            }
            if (argv != null || line.substring(pos).isBlank()) {
                continue;
            }
            sh.unresolved.clear();
            List<String> words = sh.words(line, pos);
            Optional<List<String>> invocation = invocation(words);
            if (invocation.isPresent()) {
                argv = invocation.get();
                argvUnresolved = Set.copyOf(sh.unresolved);
                argvLine = lineNo;
                atStart = new HashMap<>(sh.vars);
            }
        }
        Map<String, Var> vars = atStart != null ? atStart : sh.vars;
        Var cmd = vars.containsKey("MAIL_CMD_LINE") ? vars.get("MAIL_CMD_LINE") : vars.get("XMAIL_CMD_LINE");
        if (argv == null && cmd == null) {
            throw new InputException(file, 0, InputException.Reason.NOT_A_SERVICE_FILE);
        }
        List<OptionIssue> issues = new ArrayList<>();
        Set<String> unresolved = new LinkedHashSet<>(argvUnresolved);
        if (cmd != null) {
            unresolved.addAll(cmd.unresolved());
        }
        for (String name : unresolved) {
            issues.add(OptionIssue.of(Code.NOT_EVALUATED, Treatment.UNDEFINED, -1, name, ""));
        }
        List<Arg> args = new ArrayList<>();
        if (argv != null) {
            Place p = new Place(Optional.of(file), argvLine, "command");
            argv.forEach(a -> args.add(new Arg(a, p, false)));
        }
        String holder = argv != null ? "command" : "";
        if (cmd != null) {
            Place p = new Place(Optional.of(file), cmd.line(), cmd.label());
            Tokens.split(cmd.value()).forEach(t -> args.add(new Arg(t, p, true)));
            holder = argv != null ? "command, " + cmd.label() : cmd.label();
        }
        Var root = vars.containsKey("MAIL_ROOT") ? vars.get("MAIL_ROOT") : vars.get("XMAIL_ROOT");
        Optional<Startup.Value> mailRoot = Optional.ofNullable(root)
                .map(r -> new Startup.Value(r.value(), new Place(Optional.of(file), r.line(), r.label())));
        Startup.Kind kind = argv != null ? Startup.Kind.INIT_SCRIPT : Startup.Kind.DEFAULTS_FILE;
        return new Startup(
                kind, Optional.of(file), automatic, Platform.UNIX, holder, args, mailRoot, issues, List.of());
    }

    /**
     * @param words a simple command
     * @return the arguments XMail gets when the command starts it (directly, after a prefix such as {@code exec},
     *         or through start-stop-daemon's {@code --exec X -- args})
     */
    static Optional<List<String>> invocation(List<String> words) {
        int i = 0;
        while (i < words.size() && PREFIXES.contains(words.get(i))) {
            i++;
        }
        if (i >= words.size()) {
            return Optional.empty();
        }
        if (words.get(i).endsWith("start-stop-daemon")) {
            boolean starts = false;
            for (int j = i + 1; j < words.size(); j++) {
                String w = words.get(j);
                if ((w.equals("--exec") || w.equals("-x") || w.equals("--startas") || w.equals("-a"))
                        && j + 1 < words.size()
                        && isXMail(words.get(j + 1))) {
                    starts = true;
                }
                if ((w.equals("--stop") || w.equals("-K"))) {
                    return Optional.empty();
                }
                if (w.equals("--") && starts) {
                    return Optional.of(untilRedirect(words.subList(j + 1, words.size())));
                }
            }
            return starts ? Optional.of(List.of()) : Optional.empty();
        }
        if (!isXMail(words.get(i))) {
            return Optional.empty();
        }
        return Optional.of(untilRedirect(words.subList(i + 1, words.size())));
    }

    private static boolean isXMail(String word) {
        String name = word.substring(word.lastIndexOf('/') + 1);
        return name.equals("XMail");
    }

    private static List<String> untilRedirect(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (w.startsWith(">") || w.startsWith("<") || w.matches("[0-9]>.*") || w.equals("&")) {
                break;
            }
            out.add(w);
        }
        return out;
    }

    /** Just enough of the POSIX shell's word rules to follow the assignments of a start script. */
    private static final class Shell {

        final Map<String, Var> vars = new HashMap<>();
        final Set<String> unresolved = new LinkedHashSet<>();

        /**
         * The words of a simple command from {@code from}, up to an unquoted {@code ;}, {@code &}, {@code |},
         * redirection or comment.
         */
        List<String> words(String s, int from) {
            List<String> out = new ArrayList<>();
            int i = from;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t') {
                    i++;
                    continue;
                }
                if (c == ';'
                        || c == '|'
                        || c == '#'
                        || c == '&'
                        || c == '<'
                        || c == '>'
                        || (Character.isDigit(c) && i + 1 < s.length() && s.charAt(i + 1) == '>')) {
                    break;
                }
                int[] end = new int[1];
                out.addAll(fields(s, i, end, true));
                i = Math.max(i + 1, end[0]);
            }
            return out;
        }

        /** One word from {@code from} as an assignment's value: expanded but not split; its end in {@code end}. */
        String word(String s, int from, int[] end) {
            return String.join(" ", fields(s, from, end, false));
        }

        private List<String> fields(String s, int from, int[] end, boolean split) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean any = false;
            int i = from;
            loop:
            while (i < s.length()) {
                char c = s.charAt(i);
                switch (c) {
                    case ' ', '\t', ';', '|', '&', '<', '>', '(', ')' -> {
                        break loop;
                    }
                    case '\\' -> {
                        if (i + 1 < s.length()) {
                            cur.append(s.charAt(i + 1));
                        }
                        i += 2;
                        any = true;
                    }
                    case '\'' -> {
                        int close = s.indexOf('\'', i + 1);
                        close = close < 0 ? s.length() : close;
                        cur.append(s, i + 1, close);
                        i = close + 1;
                        any = true;
                    }
                    case '"' -> {
                        i++;
                        while (i < s.length() && s.charAt(i) != '"') {
                            char d = s.charAt(i);
                            if (d == '\\' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
                                cur.append(s.charAt(i + 1));
                                i += 2;
                            } else if (d == '$' || d == '`') {
                                int[] e = new int[1];
                                cur.append(expand(s, i, e));
                                i = Math.max(i + 1, e[0]);
                            } else {
                                cur.append(d);
                                i++;
                            }
                        }
                        i++;
                        any = true;
                    }
                    case '$', '`' -> {
                        int[] e = new int[1];
                        boolean command = c == '`' || s.startsWith("$(", i);
                        String v = expand(s, i, e);
                        i = Math.max(i + 1, e[0]);
                        any = true;
                        if (!split || command) {
                            cur.append(v);
                        } else {
                            String[] parts = v.split("[ \t\n]+", -1);
                            for (int k = 0; k < parts.length; k++) {
                                if (k > 0) {
                                    if (any || cur.length() > 0) {
                                        out.add(cur.toString());
                                    }
                                    cur.setLength(0);
                                    any = false;
                                }
                                cur.append(parts[k]);
                                any |= !parts[k].isEmpty();
                            }
                        }
                    }
                    default -> {
                        cur.append(c);
                        i++;
                        any = true;
                    }
                }
            }
            if (any || cur.length() > 0) {
                out.add(cur.toString());
            }
            end[0] = Math.min(i, s.length());
            return out;
        }

        /**
         * {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-word}} at {@code at}; command substitutions stay as written.
         * The end of the expansion goes to {@code end}.
         */
        private String expand(String s, int at, int[] end) {
            if (s.startsWith("`", at) || s.startsWith("$(", at)) {
                int close = s.indexOf(s.charAt(at) == '`' ? '`' : ')', at + 1);
                close = close < 0 ? s.length() - 1 : close;
                end[0] = close + 1;
                String text = s.substring(at, close + 1);
                unresolved.add(text);
                return text;
            }
            if (s.startsWith("${", at)) {
                int close = s.indexOf('}', at);
                if (close < 0) {
                    end[0] = s.length();
                    return s.substring(at);
                }
                end[0] = close + 1;
                Matcher m = BRACED.matcher(s.substring(at + 2, close));
                if (!m.matches()) {
                    return "";
                }
                Var v = vars.get(m.group(1));
                String op = m.group(2);
                if (op == null) {
                    return value(m.group(1), v);
                }
                boolean colon = op.startsWith(":");
                boolean empty = v == null || (colon && v.value().isEmpty());
                return switch (op.charAt(op.length() - 1)) {
                    case '-', '=' -> empty ? m.group(3) : v.value();
                    default -> empty ? "" : m.group(3);
                };
            }
            Matcher m = NAME.matcher(s);
            if (at + 1 < s.length() && m.region(at + 1, s.length()).lookingAt()) {
                end[0] = m.end();
                return value(m.group(), vars.get(m.group()));
            }
            if (at + 1 < s.length() && "0123456789@*#?$!-".indexOf(s.charAt(at + 1)) >= 0) {
                end[0] = at + 2;
                unresolved.add(s.substring(at, at + 2));
                return "";
            }
            end[0] = at + 1;
            return "$";
        }

        private String value(String name, Var v) {
            if (v == null) {
                unresolved.add("$" + name);
                return "";
            }
            return v.value();
        }

        /** The variable a value consists of alone ({@code $X}, {@code "$X"}, {@code ${X}}), to keep its origin. */
        Var sole(String raw) {
            Matcher m = SOLE.matcher(raw.strip());
            return m.matches() ? vars.get(m.group(1)) : null;
        }
    }

    // ------------------------------------------------------------------ systemd

    private static Startup systemd(List<String> lines, Path file, boolean automatic) throws InputException {
        Map<String, Var> env = new HashMap<>();
        List<OptionIssue> issues = new ArrayList<>();
        String section = "";
        String exec = null;
        int execLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            StringBuilder b = new StringBuilder(lines.get(i).strip());
            while (b.length() > 0 && b.charAt(b.length() - 1) == '\\' && i + 1 < lines.size()) {
                b.setLength(b.length() - 1);
                b.append(' ').append(lines.get(++i).strip());
            }
            String l = b.toString();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) {
                continue;
            }
            Matcher s = SECTION.matcher(l);
            if (s.matches()) {
                section = s.group(1);
                continue;
            }
            int eq = l.indexOf('=');
            if (!section.equals("Service") || eq < 0) {
                continue;
            }
            String key = l.substring(0, eq).strip();
            String value = l.substring(eq + 1).strip();
            switch (key) {
                case "Environment" -> {
                    for (String assignment : unitWords(value)) {
                        int e = assignment.indexOf('=');
                        if (e > 0) {
                            String name = assignment.substring(0, e);
                            env.put(name, new Var(assignment.substring(e + 1), lineNo, name));
                        }
                    }
                }
                case "EnvironmentFile" ->
                    issues.add(OptionIssue.of(
                            Code.ENVIRONMENT_FILE,
                            Treatment.UNDEFINED,
                            -1,
                            value.startsWith("-") ? value.substring(1) : value));
                case "ExecStart" -> {
                    if (value.isEmpty()) {
                        exec = null;
                    } else if (exec == null) {
                        exec = value;
                        execLine = lineNo;
                    }
                }
                default -> {}
            }
        }
        Var cmd = env.get("MAIL_CMD_LINE");
        List<Arg> args = new ArrayList<>();
        boolean starts = false;
        if (exec != null) {
            String e = exec;
            while (!e.isEmpty() && "-@:+!".indexOf(e.charAt(0)) >= 0) {
                e = e.substring(1);
            }
            List<String> words = new ArrayList<>();
            for (String w : unitWords(e.replace("%%", "%"))) {
                words.addAll(expandUnit(w, env, issues));
            }
            Place p = new Place(Optional.of(file), execLine, "ExecStart");
            Optional<List<String>> inv = invocation(words);
            starts = inv.isPresent();
            inv.ifPresent(list -> list.forEach(w -> args.add(new Arg(w, p, false))));
        }
        if (!starts && cmd == null) {
            throw new InputException(file, 0, InputException.Reason.NOT_A_SERVICE_FILE);
        }
        if (cmd != null) {
            Place p = new Place(Optional.of(file), cmd.line(), "MAIL_CMD_LINE");
            Tokens.split(cmd.value()).forEach(t -> args.add(new Arg(t, p, true)));
        }
        Optional<Startup.Value> root = Optional.ofNullable(env.get("MAIL_ROOT"))
                .map(r -> new Startup.Value(r.value(), new Place(Optional.of(file), r.line(), "MAIL_ROOT")));
        String holder = starts
                ? (cmd != null ? "ExecStart, Environment=MAIL_CMD_LINE" : "ExecStart")
                : "Environment=MAIL_CMD_LINE";
        return new Startup(
                Startup.Kind.SYSTEMD_UNIT,
                Optional.of(file),
                automatic,
                Platform.UNIX,
                holder,
                args,
                root,
                issues,
                List.of());
    }

    /** systemd's word splitting: blanks separate, double and single quotes group, a backslash escapes. */
    static List<String> unitWords(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean any = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
                any = true;
            } else if (c == ' ' || c == '\t') {
                if (any) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(cur.toString());
        }
        return out;
    }

    /** {@code ${NAME}} stays one word, a lone {@code $NAME} word splits at blanks (systemd.service, Command lines). */
    private static List<String> expandUnit(String word, Map<String, Var> env, List<OptionIssue> issues) {
        Matcher lone = LONE.matcher(word);
        if (lone.matches()) {
            Var v = env.get(lone.group(1));
            if (v == null) {
                issues.add(OptionIssue.of(Code.NOT_EVALUATED, Treatment.UNDEFINED, -1, word, ""));
                return List.of();
            }
            return unitWords(v.value());
        }
        Matcher braced = BRACED_REF.matcher(word);
        StringBuilder out = new StringBuilder();
        while (braced.find()) {
            Var v = env.get(braced.group(1));
            if (v == null) {
                issues.add(OptionIssue.of(Code.NOT_EVALUATED, Treatment.UNDEFINED, -1, braced.group(), ""));
            }
            braced.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v.value()));
        }
        braced.appendTail(out);
        return List.of(out.toString());
    }
}
