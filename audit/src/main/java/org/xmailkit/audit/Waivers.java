package org.xmailkit.audit;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.xmailkit.model.InputException;
import org.xmailkit.model.TextEncoding;
import org.xmailkit.model.fs.ReadPolicy;
import org.xmailkit.model.fs.SafeReader;

/**
 * Waivers from a waiver file: each names a rule, a path glob, a required reason and an optional expiry date.
 * Inline {@code # xmailkit:ignore RULE reason} comments are read by the {@link Auditor} from the audited files.
 *
 * <p>The file has one waiver per line, fields separated by spaces or TABs (docs/waivers.md):
 * <pre>
 * # RULE    PATH-GLOB             [expires=YYYY-MM-DD]  REASON
 * SEC-001   mail01/smtprelay.tab  expires=2026-03-31    the fax gateway relays until it is replaced
 * </pre>
 * Blank lines and lines starting with {@code #} are skipped; a glob with spaces is written in double quotes.
 *
 * @param entries the waivers
 */
public record Waivers(List<Waiver> entries) {

    /** No waivers. */
    public static final Waivers NONE = new Waivers(List.of());

    /** The keyword of an expiry date, e.g. {@code expires=2026-03-31}. */
    public static final String EXPIRES = "expires=";

    public Waivers {
        entries = List.copyOf(entries);
    }

    /**
     * One waiver.
     *
     * @param rule     the rule id
     * @param pathGlob a glob over the finding's file path (see {@link PathGlob})
     * @param reason   why (required)
     * @param expires  the last day it applies, or null
     * @param source   where it is written ({@code file:line})
     */
    public record Waiver(String rule, String pathGlob, String reason, LocalDate expires, String source) {

        public Waiver {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(pathGlob, "pathGlob");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(source, "source");
        }

        /**
         * @param finding a finding
         * @return whether this waiver names its rule and its file
         */
        public boolean covers(Finding finding) {
            return rule.equalsIgnoreCase(finding.rule().id())
                    && new PathGlob(pathGlob).matches(finding.location().file());
        }

        /**
         * @param finding  a probe finding
         * @param mailRoot the MailRoot given with the probe, if any
         * @return whether this waiver names its rule and its endpoint ({@code host:port}), the file it names, or the
         *         MailRoot
         */
        public boolean covers(NetFinding finding, Optional<Path> mailRoot) {
            if (!rule.equalsIgnoreCase(finding.rule().id())) {
                return false;
            }
            PathGlob glob = new PathGlob(pathGlob);
            return glob.matches(finding.endpoint().display())
                    || finding.cause().map(c -> glob.matches(c.file())).orElse(false)
                    || mailRoot.map(glob::matches).orElse(false);
        }

        /**
         * @param today the current date
         * @return the suppression this waiver gives on that day (expired after its expiry date)
         */
        public Suppression suppression(LocalDate today) {
            return new Suppression(
                    Suppression.Kind.WAIVER_FILE,
                    reason,
                    Optional.ofNullable(expires),
                    expires != null && today.isAfter(expires),
                    source);
        }
    }

    /**
     * Reads a waiver file.
     *
     * @param file    the file
     * @param display how to name it in messages and in each waiver's source (usually as the user typed it)
     * @param rules   the rule ids that exist
     * @return the waivers
     * @throws InputException  when the file cannot be read
     * @throws WaiverException at the first unusable line
     */
    public static Waivers read(Path file, String display, Set<String> rules) throws InputException, WaiverException {
        return parse(display, SafeReader.forFile(file).read(file, ReadPolicy.TEXT), rules);
    }

    /**
     * Parses a waiver file. It may be UTF-8 (with or without BOM), Windows-31J or EUC-JP, as Notepad writes it.
     *
     * @param display the file's name in messages and sources
     * @param bytes   its content
     * @param rules   the rule ids that exist
     * @return the waivers
     * @throws WaiverException at the first unusable line
     */
    public static Waivers parse(String display, byte[] bytes, Set<String> rules) throws WaiverException {
        Charset cs = TextEncoding.detect(bytes);
        String text = new String(bytes, cs);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<Waiver> out = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Cursor c = new Cursor(line);
            String rule = c.word();
            String glob = c.glob(display, n);
            if (glob.isEmpty()) {
                throw new WaiverException(display, n, AuditMessages.text("waiver.error.noPath"));
            }
            Body body = body(rule, c.rest(), rules, display, n);
            out.add(new Waiver(body.rule(), glob, body.reason(), body.expires(), display + ":" + n));
        }
        return new Waivers(out);
    }

    /** The part a file line and an inline comment share: rule id, optional expiry, reason. */
    record Body(String rule, LocalDate expires, String reason) {}

    /**
     * @param rule  the rule id as written
     * @param rest  what follows the rule (file: after the glob), e.g. {@code expires=2026-03-31 the reason}
     * @param rules the rule ids that exist
     * @param where the file, for errors
     * @param line  the line, for errors
     * @return the parsed body
     * @throws WaiverException when the rule is unknown, the date bad or the reason missing
     */
    static Body body(String rule, String rest, Set<String> rules, String where, int line) throws WaiverException {
        String id = rule.toUpperCase(Locale.ROOT);
        if (!RuleInfo.ID.matcher(id).matches()) {
            throw new WaiverException(where, line, AuditMessages.text("waiver.error.badRule", rule));
        }
        if (!rules.contains(id)) {
            throw new WaiverException(where, line, AuditMessages.text("waiver.error.unknownRule", id));
        }
        String r = rest.strip();
        LocalDate expires = null;
        if (r.regionMatches(true, 0, EXPIRES, 0, EXPIRES.length())) {
            int end = firstBlank(r);
            String date = r.substring(EXPIRES.length(), end);
            try {
                expires = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new WaiverException(where, line, AuditMessages.text("waiver.error.badDate", date));
            }
            r = r.substring(end).strip();
        }
        if (r.isEmpty()) {
            throw new WaiverException(where, line, AuditMessages.text("waiver.error.noReason", id));
        }
        return new Body(id, expires, r);
    }

    private static int firstBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return s.length();
    }

    /**
     * @param finding a finding
     * @param today   the current date
     * @return the waiver to apply: the first active one that covers the finding, else the first expired one
     */
    public Optional<Waiver> find(Finding finding, LocalDate today) {
        return find(w -> w.covers(finding), today);
    }

    /**
     * @param finding  a probe finding
     * @param mailRoot the MailRoot given with the probe, if any
     * @param today    the current date
     * @return the waiver to apply: the first active one that covers the finding, else the first expired one
     */
    public Optional<Waiver> find(NetFinding finding, Optional<Path> mailRoot, LocalDate today) {
        return find(w -> w.covers(finding, mailRoot), today);
    }

    private Optional<Waiver> find(Predicate<Waiver> covers, LocalDate today) {
        Waiver expired = null;
        for (Waiver w : entries) {
            if (covers.test(w)) {
                if (!w.suppression(today).expired()) {
                    return Optional.of(w);
                }
                if (expired == null) {
                    expired = w;
                }
            }
        }
        return Optional.ofNullable(expired);
    }

    /** Reads the fields of one waiver-file line. */
    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        private void skipBlanks() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        String word() {
            skipBlanks();
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return s.substring(start, i);
        }

        String glob(String where, int line) throws WaiverException {
            skipBlanks();
            if (i < s.length() && s.charAt(i) == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) {
                    throw new WaiverException(where, line, AuditMessages.text("waiver.error.unterminatedQuote"));
                }
                String g = s.substring(i + 1, close);
                i = close + 1;
                return g.strip();
            }
            return word();
        }

        String rest() {
            return s.substring(i);
        }
    }
}
