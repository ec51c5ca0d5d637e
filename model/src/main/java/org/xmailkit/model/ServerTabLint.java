package org.xmailkit.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the problems of a server.tab file: what XMail 1.27's reader (SvrUtils.cpp SvrReadConfig, MiscUtils.cpp
 * MscGetConfigLine, StrUtils.cpp StrGetTabLineStrings and StrDeQuote) reads differently from how it looks.
 */
final class ServerTabLint {

    private ServerTabLint() {}

    static List<Problem> problems(ServerTab tab) {
        List<Problem> out = new ArrayList<>();
        TabDocument doc = tab.document();
        int limit = doc.format().readLimit();
        for (TabLine line : doc.lines()) {
            lineProblems(line, limit, out);
        }
        Map<String, Integer> firstLine = new HashMap<>();
        for (TabRecord r : doc.dataRecords()) {
            recordProblems(tab, r, out);
            if (r.size() >= 2) {
                String name = r.value(0);
                Integer first = firstLine.putIfAbsent(name, r.line());
                if (first != null) {
                    out.add(Problem.of(
                            ProblemCode.DEAD_DUPLICATE,
                            r.line(),
                            r.tokens().get(0).column(),
                            tab.printable(name),
                            Integer.toString(first)));
                }
            }
        }
        out.sort((a, b) ->
                a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
        return out;
    }

    private static void lineProblems(TabLine line, int limit, List<Problem> out) {
        String raw = line.raw();
        if (line.number() == 1 && raw.startsWith("\u00EF\u00BB\u00BF")) {
            out.add(Problem.of(ProblemCode.BOM, 1, 1));
        }
        // The terminator may spill into a second read harmlessly; only content beyond the limit is cut.
        int content = contentLength(raw);
        if (content > limit) {
            out.add(Problem.of(
                    ProblemCode.LONG_LINE,
                    line.number(),
                    limit + 1,
                    Integer.toString(content),
                    Integer.toString(limit)));
        }
        int nul = raw.indexOf('\0');
        if (nul >= 0) {
            out.add(Problem.of(ProblemCode.NUL_BYTE, line.number(), nul + 1));
        }
        int z = raw.indexOf('\u001A');
        if (z >= 0) {
            out.add(Problem.of(ProblemCode.CTRL_Z, line.number(), z + 1));
        }
        String stripped = raw;
        int end = stripped.length();
        while (end > 0 && stripped.charAt(end - 1) == '\r') {
            end--;
        }
        int cr = stripped.substring(0, end).indexOf('\r');
        if (cr >= 0) {
            out.add(Problem.of(ProblemCode.LONE_CR, line.number(), cr + 1));
        }
    }

    /** @return the bytes of a line XMail keeps: without the run of trailing CRs (its LF is already gone) */
    static int contentLength(String raw) {
        int end = raw.length();
        while (end > 0 && raw.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    private static void recordProblems(ServerTab tab, TabRecord r, List<Problem> out) {
        String text = r.text();
        int line = r.line();
        if (text.chars().allMatch(c -> c == ' ' || c == '\t')) {
            return; // only blanks and TABs: XMail ignores the line, and so does the reader
        }
        boolean bom = line == 1 && r.piece() == 0 && text.startsWith("\u00EF\u00BB\u00BF");
        if (r.piece() == 0 && text.charAt(0) == ' ') {
            if (text.strip().startsWith("#")) {
                out.add(Problem.of(ProblemCode.NOT_A_COMMENT, line, 1));
            } else {
                out.add(Problem.of(ProblemCode.LEADING_SPACE, line, 1));
            }
        }
        if (r.size() == 1) {
            out.add(Problem.of(ProblemCode.NO_TAB, line, r.column()));
            return;
        }
        List<Token> tokens = r.tokens();
        boolean tabInQuotes = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (tabInQuotes && closesQuote(t)) {
                continue; // the tail of a value split by a TAB, already reported
            }
            if (t.quoted() && !t.closed()) {
                if (t.raw().endsWith("\\\"") && t.raw().length() > 2) {
                    out.add(Problem.of(ProblemCode.BACKSLASH_BEFORE_CLOSING_QUOTE, line, t.column()));
                } else if (laterTokenClosesQuote(tokens, i)) {
                    out.add(Problem.of(ProblemCode.TAB_IN_QUOTES, line, t.column()));
                    tabInQuotes = true;
                } else {
                    out.add(Problem.of(ProblemCode.UNTERMINATED_QUOTE, line, t.column()));
                }
            } else if (t.quoted() && !t.trailing().isEmpty() && i < 2) {
                out.add(Problem.of(
                        ProblemCode.TEXT_AFTER_QUOTE,
                        line,
                        t.column() + t.raw().length() - t.trailing().length(),
                        i == 1 && Secrets.secretName(r.value(0)) ? Secrets.MASK : tab.printable(t.trailing())));
            }
        }
        if (tokens.size() >= 3 && !tabInQuotes) {
            out.add(Problem.of(
                    ProblemCode.EXTRA_TOKENS, line, tokens.get(2).column(), Integer.toString(tokens.size())));
        }
        if (r.piece() > 0 || bom || text.charAt(0) == ' ') {
            return; // already reported: the name can never match
        }
        String name = r.value(0);
        if (name.isEmpty()) {
            out.add(Problem.of(ProblemCode.EMPTY_NAME, line, tokens.get(0).column()));
            return;
        }
        Catalog catalog = tab.catalog();
        if (catalog.find(name).isPresent()) {
            return;
        }
        Optional<String> suggestion = catalog.suggest(name);
        if (!name.equals(name.strip()) && suggestion.isPresent()) {
            out.add(Problem.of(
                    ProblemCode.NAME_WHITESPACE,
                    line,
                    tokens.get(0).column(),
                    tab.printable(Secrets.name(name)),
                    suggestion.get()));
            return;
        }
        if (suggestion.isPresent()) {
            out.add(Problem.of(
                    ProblemCode.UNKNOWN_NAME,
                    line,
                    tokens.get(0).column(),
                    tab.printable(Secrets.name(name)),
                    suggestion.get()));
        } else {
            out.add(Problem.of(
                    ProblemCode.UNKNOWN_NAME, line, tokens.get(0).column(), tab.printable(Secrets.name(name))));
        }
    }

    private static boolean laterTokenClosesQuote(List<Token> tokens, int from) {
        for (int j = from + 1; j < tokens.size(); j++) {
            if (closesQuote(tokens.get(j))) {
                return true;
            }
        }
        return false;
    }

    /** A token that ends a quote opened in an earlier token: {@code y"}, or a lone {@code "} after a TAB. */
    private static boolean closesQuote(Token t) {
        return t.raw().endsWith("\"") && (!t.quoted() || t.raw().equals("\""));
    }
}
