package org.xmailkit.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.xmailkit.model.fs.ReadPolicy;

/**
 * What xmailkit never shows, and the one place that decides it: every output (audit text, JSON, SARIF and HTML, the
 * report, the migration plan and diff, {@code show}) asks this class.
 *
 * <ul>
 *   <li>A server.tab variable is secret when the catalogue says so ({@link Variable#secret()}: {@code DynDnsSetup}),
 *       or, for a name XMail does not know, when the name says it holds a password, secret, key or token
 *       ({@code SmtpPassword}, {@code SMTP-AuthPassword}, {@code ApiSecret} ...). Its value is shown as
 *       {@link #MASK}; {@code DynDnsSetup} keeps only its first field, the provider's host.</li>
 *   <li>In any text: a URL's user information ({@code https://user:pass@host}), {@code user:pass@host}, a
 *       password-like parameter ({@code ...&pass=...}, {@code token=...}, {@code password: ...}) and a PEM private
 *       key block.</li>
 *   <li>Per MailRoot ({@link #of(MailRoot)}): the stored and decoded passwords of {@code mailusers.tab},
 *       {@code ctrlaccounts.tab} and {@code pop3links.tab}, the passwords of {@code smtpauth.tab}, the secret values
 *       above and the lines of {@code server.key}, wherever they appear ({@link #scrub(String)}).</li>
 * </ul>
 *
 * <p>One mask, {@link #MASK}, of fixed length, so it does not reveal a secret's length either.
 */
public final class Secrets {

    /** What replaces a secret, everywhere. */
    public static final String MASK = "********";

    /** No per-MailRoot secrets (the name policy and the forms still apply): for servers that could not be opened. */
    public static final Secrets NONE = new Secrets(List.of());

    /** Known secrets at least this long are removed wherever they appear; shorter ones only as a whole word. */
    static final int ANYWHERE = 8;
    /** Shorter known secrets are left to the name and form policies: they would match ordinary words. */
    static final int SHORTEST = 3;

    /** The variable whose first field (the provider's host) stays visible: server,port,GET-string[,user,password]. */
    private static final String DYNDNS = "DynDnsSetup";

    private static final Pattern SECRET_WORD = Pattern.compile("(?i)pass|pwd|secret|credential|token|key|dyndns");
    private static final Pattern GLUE = Pattern.compile("[\\s=:]");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private static final Pattern PEM_PRIVATE = Pattern.compile(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|\\z)", Pattern.DOTALL);
    /** {@code scheme://userinfo@}: group 1 is the user information. */
    private static final Pattern URL_USERINFO = Pattern.compile("://([^/\\s@\"'<>?#]++)@");
    /** {@code user:pass@host} without a scheme: group 1 is {@code user:pass}. */
    private static final Pattern USER_PASS_AT =
            Pattern.compile("(?<![^\\s\"'<>,;(=])([^\\s:@/\"'<>,;=&?#]++:[^\\s@/\"'<>,;&?#]++)@(?=[\\w\\[])");
    /** {@code name=}: group 1 is the name; the value that follows is a secret when the name says so. */
    private static final Pattern ASSIGNED = Pattern.compile("(?<![\\w.-])([\\w.-]++)=");

    private static final Pattern ASSIGNED_SECRET = Pattern.compile("(?i)pass|pwd|secret|token|key|credential");
    /** The words {@link #ASSIGNED_SECRET} looks for: a text without one has no secret name to find. */
    private static final String[] ASSIGNED_WORDS = {"pass", "pwd", "secret", "token", "key", "credential"};
    /** Per Latin-1 character, whether an {@link #ASSIGNED_WORDS} word starts with it. */
    private static final boolean[] ASSIGNED_FIRST = firsts(ASSIGNED_WORDS);
    /** {@code name:} (or a full-width colon): group 1 is the name, a label for a secret when it says so. */
    private static final Pattern LABELLED =
            Pattern.compile("(?<![\\w.-])([\\w.-]++|\u30D1\u30B9\u30EF\u30FC\u30C9)\\s*+[:\uFF1A]\\s*+");

    private static final Pattern LABELLED_SECRET =
            Pattern.compile("(?i)pass|pwd|secret|\u30D1\u30B9\u30EF\u30FC\u30C9");
    /** The words {@link #LABELLED_SECRET} looks for. */
    private static final String[] LABELLED_WORDS = {"pass", "pwd", "secret", "\u30D1\u30B9\u30EF\u30FC\u30C9"};
    /** Per Latin-1 character, whether a {@link #LABELLED_WORDS} word starts with it. */
    private static final boolean[] LABELLED_FIRST = firsts(LABELLED_WORDS);

    /** The columns of the files that set variables: server.tab and userdef.tab. */
    private static final List<String> NAME_VALUE = List.of("name", "value");

    /** A {@code #} line re-read as data, to find a commented-out setting. */
    private static final TabFormat COMMENTED = new TabFormat(false, Integer.MAX_VALUE);

    /** Finds the known secrets; null when there are none. */
    private final SecretMatcher known;

    private Secrets(List<String> secrets) {
        Set<String> unique = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s != null && s.strip().length() >= SHORTEST && !s.equals(MASK)) {
                unique.add(s);
            }
        }
        this.known = unique.isEmpty() ? null : new SecretMatcher(unique, ANYWHERE);
    }

    /**
     * @param secrets secret texts, e.g. for tests
     * @return a scrubber for them
     */
    public static Secrets of(List<String> secrets) {
        return new Secrets(secrets);
    }

    // ------------------------------------------------------------------ the name policy

    /**
     * The decision for every output: whether a server.tab name's value is a secret.
     *
     * @param name a variable name as written (Latin-1 byte text or decoded)
     * @return whether its value must never be shown
     */
    public static boolean secretName(String name) {
        String clean = clean(name);
        Catalog catalog = Catalog.builtin();
        Optional<Variable> v = catalog.find(clean);
        if (v.isPresent()) {
            return v.get().secret();
        }
        if (SecretNames.FOLDED.contains(fold(clean))) {
            return true;
        }
        return SECRET_WORD.matcher(clean).find();
    }

    /** The catalogue's secret names, {@link #fold folded}: looked up once per name, not compared one by one. */
    private static final class SecretNames {
        static final Set<String> FOLDED = Catalog.builtin().all().stream()
                .filter(Variable::secret)
                .map(v -> fold(v.name()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The text with each character as {@link String#equalsIgnoreCase} compares it: equal texts but for case fold
     * alike.
     */
    private static String fold(String s) {
        char[] c = new char[s.length()];
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toLowerCase(Character.toUpperCase(s.charAt(i)));
        }
        return new String(c);
    }

    /**
     * @param name  a variable name
     * @param value its value as text
     * @return the value as it may be shown: {@link #MASK} for a secret (for {@code DynDnsSetup}, its host and the
     *         mask), otherwise the value with the password forms of {@link #forms(String)} masked
     */
    public static String value(String name, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (!secretName(name)) {
            return forms(value);
        }
        if (clean(name).equalsIgnoreCase(DYNDNS)) {
            int comma = value.indexOf(',');
            String host = comma < 0 ? value : value.substring(0, comma);
            if (HOST.matcher(host).matches()) {
                return comma < 0 ? host : host + "," + MASK;
            }
        }
        return MASK;
    }

    /**
     * A name XMail does not know that says it holds a secret and has text glued to it ({@code SmtpPassword hunter2},
     * a line written without a TAB) shows only its first word.
     *
     * @param name a name as written
     * @return it as it may be shown
     */
    public static String name(String name) {
        int cut = gluedAt(name);
        return cut < 0 ? name : name.substring(0, cut) + " " + MASK;
    }

    private static int gluedAt(String name) {
        if (name == null
                || !secretName(name)
                || Catalog.builtin().find(clean(name)).isPresent()) {
            return -1;
        }
        Matcher word = SECRET_WORD.matcher(name);
        if (!word.find()) {
            return -1;
        }
        Matcher sep = GLUE.matcher(name);
        return sep.find(word.end()) ? sep.start() : -1;
    }

    /** A name without a byte order mark, surrounding white space or quotes, as a catalogue look-up needs it. */
    private static String clean(String name) {
        String s = name;
        if (s.startsWith("\u00EF\u00BB\u00BF")) {
            s = s.substring(3);
        } else if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        s = s.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    // ------------------------------------------------------------------ lines

    /** A part of a physical line to replace: {@code [start, end)} in the raw line, what to show, what it hid. */
    private record Span(int start, int end, String shown, String secret) {}

    /**
     * A physical line of a MailRoot file with its secrets replaced: in server.tab and {@code userdef.tab} the value
     * of every secret variable ({@link #secretName}), in the account files the password column; commented-out lines
     * included ({@code #"SmtpPassword"<TAB>"..."}).
     *
     * @param line the line
     * @param kind the file it belongs to
     * @return the raw line (Latin-1 byte text) with the secrets masked
     */
    public static String maskedRaw(TabLine line, MailRootFile kind) {
        return maskedRaw(null, line, kind);
    }

    /**
     * @param doc  the document the line belongs to, whose reads are reused when it is read as {@code kind} is
     * @param line the line
     * @param kind the file it belongs to
     * @return the raw line with the secrets masked, as {@link #maskedRaw(TabLine, MailRootFile)}
     */
    public static String maskedRaw(TabDocument doc, TabLine line, MailRootFile kind) {
        List<Span> spans = spans(doc, line, kind);
        if (spans.isEmpty()) {
            return line.raw();
        }
        StringBuilder b = new StringBuilder(line.raw());
        for (int i = spans.size() - 1; i >= 0; i--) {
            Span s = spans.get(i);
            b.replace(s.start(), Math.min(s.end(), b.length()), s.shown());
        }
        return b.toString();
    }

    /**
     * @param file   a MailRoot file
     * @param number a 1-based line of it
     * @return the line as it may be shown: secrets masked ({@link #maskedRaw}), decoded, password forms masked
     *         ({@link #forms}); not yet escaped for a terminal ({@link Printable})
     */
    public static String line(TabFile file, int number) {
        TabDocument doc = file.document();
        return forms(Entry.decode(maskedRaw(doc, doc.line(number), file.kind()), file.charset()));
    }

    /**
     * @param tab    server.tab
     * @param number a 1-based line of it
     * @return the line as it may be shown, as {@link #line(TabFile, int)}
     */
    public static String line(ServerTab tab, int number) {
        TabDocument doc = tab.document();
        return forms(Entry.decode(maskedRaw(doc, doc.line(number), MailRootFile.SERVER_TAB), tab.charset()));
    }

    @SuppressWarnings("ReferenceEquality") // identity: the document's own line, not an equal one
    private static List<Span> spans(TabDocument doc, TabLine line, MailRootFile kind) {
        // The document's reads, made once, when the line is its own and it is read the same way.
        boolean own = doc != null
                && doc.format().equals(kind.format())
                && line.number() >= 1
                && line.number() <= doc.lines().size()
                && doc.line(line.number()) == line;
        List<TabRecord> reads = own ? doc.reads(line.number()) : line.reads(kind.format());
        int offset = 0;
        if (reads.get(0).kind() == TabRecord.Kind.COMMENT && commentedSetting(line.raw())) {
            reads = new TabLine(line.number(), line.raw().substring(1), LineEnding.NONE).reads(COMMENTED);
            offset = 1;
        }
        TabRecord first = reads.get(0);
        if (first.kind() != TabRecord.Kind.DATA || first.tokens().isEmpty()) {
            return List.of();
        }
        int password = kind.columns().indexOf("password");
        if (password >= 0) {
            List<Span> out = new ArrayList<>();
            for (TabRecord r : reads) {
                for (int i = 0; i < r.tokens().size(); i++) {
                    if (r != first || i == password) {
                        out.add(span(
                                offset,
                                r.tokens().get(i),
                                MASK,
                                r.tokens().get(i).value()));
                    }
                }
            }
            return out;
        }
        Token name = first.tokens().get(0);
        if (!kind.columns().equals(NAME_VALUE) || !secretName(name.value())) {
            return List.of();
        }
        List<Span> out = new ArrayList<>();
        int glued = gluedAt(name.value());
        if (glued >= 0) {
            out.add(span(
                    offset,
                    name,
                    name(name.value()),
                    name.value().substring(glued).strip()));
        }
        for (TabRecord r : reads) {
            for (int i = r == first ? 1 : 0; i < r.tokens().size(); i++) {
                Token t = r.tokens().get(i);
                String shown = r == first && i == 1 ? value(name.value(), t.value()) : MASK;
                out.add(span(offset, t, shown, t.value()));
            }
        }
        return out;
    }

    /** A {@code #} line that looks like a setting put out of use ({@code #"Name"<TAB>...}), not prose. */
    private static boolean commentedSetting(String raw) {
        return raw.length() > 1 && (raw.charAt(1) == '"' || raw.indexOf('\t') > 0);
    }

    private static Span span(int offset, Token t, String shown, String secret) {
        int start = offset + t.column() - 1;
        return new Span(start, start + t.raw().length(), t.quoted() ? "\"" + shown + "\"" : shown, secret);
    }

    // ------------------------------------------------------------------ forms in any text

    /**
     * @param text any text
     * @return it with URL user information, {@code user:pass@}, password-like parameters and labels, and PEM
     *         private key blocks masked; linear in the text's length
     */
    public static String forms(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (out.contains("PRIVATE KEY-----")) {
            out = PEM_PRIVATE.matcher(out).replaceAll(MASK);
        }
        List<int[]> cuts = cuts(out);
        if (cuts.isEmpty()) {
            return out;
        }
        StringBuilder b = new StringBuilder(out.length());
        int copied = 0;
        for (int[] c : cuts) {
            b.append(out, copied, c[0]).append(MASK);
            copied = c[1];
        }
        return b.append(out, copied, out.length()).toString();
    }

    /** @return the parts of a text {@link #forms} masks, in order, without overlaps, as {start, end} */
    private static List<int[]> cuts(String text) {
        List<int[]> found = new ArrayList<>();
        if (text.indexOf('@') >= 0) {
            // User information needs "://" before it; user:pass needs a colon before an at sign.
            if (text.contains("://")) {
                groups(URL_USERINFO, text, found);
            }
            int colon = text.indexOf(':');
            if (colon >= 0 && colon < text.lastIndexOf('@')) {
                groups(USER_PASS_AT, text, found);
            }
        }
        // A name says it holds a secret only if the text holds one of the words that say so: most texts do not.
        if (text.indexOf('=') >= 0 && mentions(text, ASSIGNED_WORDS, ASSIGNED_FIRST)) {
            values(text, ASSIGNED, ASSIGNED_SECRET, "&\"'<>;", found);
        }
        if ((text.indexOf(':') >= 0 || text.indexOf('\uFF1A') >= 0) && mentions(text, LABELLED_WORDS, LABELLED_FIRST)) {
            values(text, LABELLED, LABELLED_SECRET, "\"'<>", found);
        }
        if (found.isEmpty()) {
            return found; // the usual text: nothing to sort or merge
        }
        found.sort(Comparator.comparingInt((int[] c) -> c[0]));
        List<int[]> out = new ArrayList<>(found.size());
        int end = -1;
        for (int[] c : found) {
            if (c[0] >= end && c[1] > c[0]) {
                out.add(c);
                end = c[1];
            }
        }
        return out;
    }

    /** Adds where each match's first group is. */
    private static void groups(Pattern p, String text, List<int[]> out) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(1), m.end(1)});
        }
    }

    /**
     * @param text  a text
     * @param words lower-case words
     * @param first their {@link #firsts}
     * @return whether one of the words occurs in the text, letters in any case (ASCII or not)
     */
    private static boolean mentions(String text, String[] words, boolean[] first) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < first.length && !first[c]) {
                continue; // a Latin-1 character no word starts with, whatever its case
            }
            char lower = Character.toLowerCase(c);
            for (String w : words) {
                if (w.charAt(0) == lower && text.regionMatches(true, i, w, 0, w.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return per Latin-1 character, whether a word starts with it in lower case */
    private static boolean[] firsts(String[] words) {
        boolean[] first = new boolean[256];
        for (char c = 0; c < first.length; c++) {
            char lower = Character.toLowerCase(c);
            for (String w : words) {
                first[c] |= w.charAt(0) == lower;
            }
        }
        return first;
    }

    /**
     * Finds {@code name=value} (or {@code name: value}) where the name says it holds a secret, and adds the value's
     * span: up to white space or one of {@code stops}. Each name is read once, so this is linear.
     */
    private static void values(String text, Pattern name, Pattern secret, String stops, List<int[]> out) {
        Matcher m = name.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            from = m.end();
            if (!secret.matcher(m.group(1)).find()) {
                continue;
            }
            int end = from;
            while (end < text.length()
                    && !Character.isWhitespace(text.charAt(end))
                    && stops.indexOf(text.charAt(end)) < 0) {
                end++;
            }
            if (end > from) {
                out.add(new int[] {from, end});
                from = end;
            }
        }
    }

    /** Adds what {@link #forms} would mask in a text to the known secrets; for {@code user:pass} the password too. */
    private static void formSecrets(String text, List<String> out) {
        for (int[] c : cuts(text)) {
            String s = text.substring(c[0], c[1]);
            out.add(s);
            int colon = s.indexOf(':');
            if (colon >= 0 && s.indexOf('@') < 0 && text.startsWith("@", c[1])) {
                out.add(s.substring(colon + 1));
            }
        }
    }

    // ------------------------------------------------------------------ one MailRoot

    /**
     * Collects the secrets of a MailRoot. Files that cannot be read hold no secret an output could show.
     *
     * @param root the MailRoot
     * @return its secrets
     */
    public static Secrets of(MailRoot root) {
        // Every output of a server asks: collected once per MailRoot (a copy with other content has its own).
        Secrets known = root.secrets;
        if (known == null) {
            known = collect(root);
            root.secrets = known;
        }
        return known;
    }

    private static Secrets collect(MailRoot root) {
        List<String> out = new ArrayList<>();
        accounts(root, MailRootFile.MAIL_USERS, 2, true, out);
        accounts(root, MailRootFile.CTRL_ACCOUNTS, 1, true, out);
        accounts(root, MailRootFile.POP3_LINKS, 4, true, out);
        accounts(root, MailRootFile.SMTP_AUTH, 1, false, out);
        ServerTab tab = root.serverTab();
        TabDocument doc = tab.document();
        for (TabLine line : doc.lines()) {
            for (Span s : spans(doc, line, MailRootFile.SERVER_TAB)) {
                String secret = Entry.decode(s.secret(), tab.charset());
                out.add(secret);
                // DynDnsSetup shows its host: every other field is a secret of its own.
                String[] fields = secret.split(",", -1);
                for (int i = 1; i < fields.length; i++) {
                    out.add(fields[i]);
                }
            }
            formSecrets(Entry.decode(line.raw(), tab.charset()), out);
        }
        root.serverKey().ifPresent(p -> {
            try {
                // Through the MailRoot's reader: a key that is a FIFO or a link leaving the MailRoot is not read.
                String text = new String(root.read(p, ReadPolicy.PEM), StandardCharsets.ISO_8859_1);
                for (String l : text.split("\r?\n")) {
                    String t = l.strip();
                    if (t.length() >= 16 && !t.startsWith("-----")) {
                        out.add(t);
                    }
                }
            } catch (InputException e) {
                // A key that cannot be read cannot reach an output either.
            }
        });
        return new Secrets(out);
    }

    private static void accounts(MailRoot root, MailRootFile kind, int column, boolean encoded, List<String> out) {
        Optional<TabFile> file = root.file(kind);
        if (file.isEmpty()) {
            return;
        }
        TabFile f = file.get();
        for (TabRecord r : f.document().dataRecords()) {
            List<Token> tokens = r.tokens();
            if (tokens.size() <= column || tokens.get(column).value().isEmpty()) {
                continue;
            }
            String stored = tokens.get(column).value();
            String plain = encoded ? XMailPassword.decode(stored).password() : stored;
            // A password that is just the account's own name (or domain) is no secret an output could keep: the
            // finding about it names the account, and masking the name everywhere would hide which account it is.
            boolean ownName = false;
            for (int i = 0; i < column; i++) {
                ownName |= !plain.isEmpty()
                        && tokens.get(i).value().toLowerCase(Locale.ROOT).contains(plain.toLowerCase(Locale.ROOT));
            }
            if (encoded) {
                out.add(f.display(stored));
            }
            if (!plain.isEmpty() && !ownName) {
                out.add(f.display(plain));
            }
        }
    }

    // ------------------------------------------------------------------ scrubbing

    /**
     * @param text any text headed for an output
     * @return it with the password forms ({@link #forms}) and every known secret of the MailRoot replaced by
     *         {@link #MASK}; linear in the text's length
     */
    public String scrub(String text) {
        String formed = forms(text);
        if (formed == null || formed.length() < SHORTEST || known == null) {
            return formed;
        }
        List<int[]> cuts = known.find(formed);
        if (cuts.isEmpty()) {
            return formed;
        }
        StringBuilder out = new StringBuilder(formed.length());
        int copied = 0;
        for (int[] c : cuts) {
            out.append(formed, copied, c[0]).append(MASK);
            copied = c[1];
        }
        return out.append(formed, copied, formed.length()).toString();
    }
}
