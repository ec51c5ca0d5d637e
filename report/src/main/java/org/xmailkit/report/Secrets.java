package org.xmailkit.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.xmailkit.model.Entry;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.XMailPassword;
import org.xmailkit.model.fs.ReadPolicy;

/**
 * The secrets of one MailRoot, so that no report text shows them: the stored and decoded passwords of
 * {@code mailusers.tab}, {@code ctrlaccounts.tab} and {@code pop3links.tab}, the cleartext passwords of
 * {@code smtpauth.tab}, the credentials in a {@code DynDnsSetup} value, and the private key. Rules already promise never
 * to quote a password; this is the second line of defence for every text the HTML report shows.
 */
public final class Secrets {

    /** What replaces a secret. */
    public static final String MASK = "********";

    /** Secrets at least this long are removed wherever they appear; shorter ones only as a whole word. */
    static final int ANYWHERE = 8;
    /** Shorter secrets are left alone: they would match ordinary words and carry little. */
    static final int SHORTEST = 3;

    private static final Pattern PEM_PRIVATE = Pattern.compile(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|\\z)", Pattern.DOTALL);
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(pass|pwd|secret|credential).*");

    /** No secrets: for tests and for servers that could not be opened. */
    public static final Secrets NONE = new Secrets(List.of());

    /** Base of the rolling hash. */
    private static final long BASE = 1_000_003L;

    /** The secrets by length, then by rolling hash (several secrets may share one). */
    private final Map<Integer, Map<Long, List<String>>> byLength;
    /** The lengths present, shortest first, and BASE to the power of each. */
    private final int[] lengths;
    private final long[] powers;

    private Secrets(List<String> secrets) {
        Map<Integer, Map<Long, List<String>>> m = new TreeMap<>();
        for (String s : new LinkedHashSet<>(secrets)) {
            if (s.strip().length() < SHORTEST) {
                continue;
            }
            m.computeIfAbsent(s.length(), k -> new HashMap<>()).computeIfAbsent(hash(s, 0, s.length()),
                    k -> new ArrayList<>(1)).add(s);
        }
        this.byLength = m;
        this.lengths = m.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.powers = new long[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            long p = 1;
            for (int k = 0; k < lengths[i]; k++) {
                p *= BASE;
            }
            powers[i] = p;
        }
    }

    private static long hash(CharSequence s, int from, int to) {
        long h = 0;
        for (int i = from; i < to; i++) {
            h = h * BASE + s.charAt(i);
        }
        return h;
    }

    /**
     * @param secrets the secret texts
     * @return a scrubber for them
     */
    public static Secrets of(List<String> secrets) {
        return new Secrets(secrets);
    }

    /**
     * Collects the secrets of a MailRoot. Files that cannot be read hold no secret the report could show.
     *
     * @param root the MailRoot
     * @return its secrets
     */
    public static Secrets of(MailRoot root) {
        List<String> out = new ArrayList<>();
        collect(root, MailRootFile.MAIL_USERS, 2, true, out);
        collect(root, MailRootFile.CTRL_ACCOUNTS, 1, true, out);
        collect(root, MailRootFile.POP3_LINKS, 4, true, out);
        collect(root, MailRootFile.SMTP_AUTH, 1, false, out);
        for (Entry e : root.serverTab().entries()) {
            if (secretName(e.name())) {
                String v = root.serverTab().printable(e.value());
                out.add(v);
                String[] fields = v.split(",", -1);
                // DynDnsSetup: server,port,HTTP-GET-string[,user,password]: the password, and whatever follows it.
                for (int i = 4; i < fields.length; i++) {
                    out.add(fields[i]);
                }
            }
        }
        root.serverKey().ifPresent(p -> keyLines(root, p, out));
        return new Secrets(out);
    }

    /**
     * @param name a server.tab variable name
     * @return whether its value may hold credentials and must never be shown: {@code DynDnsSetup}, and names XMail
     *         does not know that look like they hold a password
     */
    public static boolean secretName(String name) {
        if (name.equals("DynDnsSetup")) {
            return true;
        }
        return org.xmailkit.model.Catalog.builtin().find(name).isEmpty() && SECRET_NAME.matcher(name).matches();
    }

    private static void collect(MailRoot root, MailRootFile kind, int column, boolean encoded, List<String> out) {
        Optional<TabFile> file = root.file(kind);
        if (file.isEmpty()) {
            return;
        }
        TabFile f = file.get();
        for (org.xmailkit.model.TabRecord r : f.document().dataRecords()) {
            List<String> cols = r.tokens().stream().map(org.xmailkit.model.Token::value).toList();
            if (cols.size() <= column || cols.get(column).isEmpty()) {
                continue;
            }
            String stored = cols.get(column);
            String plain = encoded ? XMailPassword.decode(stored).password() : stored;
            // A password that is just the account's own name (or domain) is no secret the report could keep: the
            // finding about it names the account, and masking the name everywhere would hide which account it is.
            boolean ownName = false;
            for (int i = 0; i < column; i++) {
                ownName |= !plain.isEmpty() && cols.get(i).toLowerCase(Locale.ROOT).contains(plain.toLowerCase(Locale.ROOT));
            }
            if (encoded) {
                out.add(f.display(stored));
            }
            if (!plain.isEmpty() && !ownName) {
                out.add(f.display(plain));
            }
        }
    }

    private static void keyLines(MailRoot root, Path key, List<String> out) {
        try {
            String text = new String(root.read(key, ReadPolicy.PEM), StandardCharsets.ISO_8859_1);
            for (String line : text.split("\r?\n")) {
                String t = line.strip();
                if (t.length() >= 16 && !t.startsWith("-----")) {
                    out.add(t);
                }
            }
        } catch (InputException e) {
            // An unreadable or refused key (a FIFO, a link leaving the MailRoot) cannot leak into the report either.
        }
    }

    /**
     * @param text any text headed for the report
     * @return it with every secret and any PEM private key block replaced by {@link #MASK}
     */
    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (out.contains("PRIVATE KEY-----")) {
            out = PEM_PRIVATE.matcher(out).replaceAll(MASK);
        }
        // One rolling-hash pass over the text per length of secret, whatever the number of secrets: a MailRoot with
        // a million passwords costs no more per text than one with ten. Every occurrence is masked, overlapping
        // ones together.
        boolean[] hidden = null;
        int n = out.length();
        for (int li = 0; li < lengths.length && lengths[li] <= n; li++) {
            int len = lengths[li];
            Map<Long, List<String>> table = byLength.get(len);
            long h = hash(out, 0, len);
            for (int i = 0; ; i++) {
                List<String> candidates = table.get(h);
                if (candidates != null && occurs(out, i, len, candidates)) {
                    if (hidden == null) {
                        hidden = new boolean[n];
                    }
                    Arrays.fill(hidden, i, i + len, true);
                }
                if (i + len >= n) {
                    break;
                }
                h = h * BASE + out.charAt(i + len) - powers[li] * out.charAt(i);
            }
        }
        if (hidden == null) {
            return out;
        }
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            if (!hidden[i]) {
                b.append(out.charAt(i));
            } else if (i == 0 || !hidden[i - 1]) {
                b.append(MASK);
            }
        }
        return b.toString();
    }

    /**
     * Whether a secret of the candidates is at {@code at}: long ones anywhere, shorter ones only as a whole word
     * (no ASCII letter or digit right before or after).
     */
    private static boolean occurs(String text, int at, int len, List<String> candidates) {
        for (String s : candidates) {
            if (text.regionMatches(at, s, 0, len)
                    && (len >= ANYWHERE || !alnum(text, at - 1) && !alnum(text, at + len))) {
                return true;
            }
        }
        return false;
    }

    private static boolean alnum(String text, int i) {
        if (i < 0 || i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

}
