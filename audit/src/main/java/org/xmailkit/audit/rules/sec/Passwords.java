package org.xmailkit.audit.rules.sec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a stored password weak: XMail's published sample credentials (the MailRoot of the 1.27 distribution and of
 * early, about 0.5x, releases; passwords decoded as StrUtils.cpp StrDeCrypt does), a password
 * equal to the user name, a short one, one from a small bundled list of common passwords. Only verdicts leave this
 * class, never the passwords.
 */
final class Passwords {

    /** Shorter than this many bytes is "short". The facts set no threshold; 8 is the usual minimum. */
    static final int MIN_LENGTH = 8;

    /**
     * A sample account shipped with some XMail release.
     *
     * @param kind     the file
     * @param domain   the domain (mail users), compared case-insensitively, or null for any
     * @param user     the user, or null for any
     * @param password the published password
     * @param shipped  which releases shipped it, for messages
     */
    record Sample(Accounts.Kind kind, String domain, String user, String password, String shipped) {
        boolean matches(Accounts.Account a) {
            if (a.kind() != kind || !password.equals(a.password())) {
                return false;
            }
            if (a.decoded() != null && !a.decoded().ok()) {
                return false;
            }
            if (domain != null && !domain.equalsIgnoreCase(a.domain())) {
                return false;
            }
            if (user == null) {
                return true;
            }
            // smtpauth.tab compares user names with strcmp; the other files ignore case.
            return kind == Accounts.Kind.SMTP_AUTH ? user.equals(a.user()) : user.equalsIgnoreCase(a.user());
        }
    }

    static final List<Sample> SAMPLES = List.of(
            new Sample(Accounts.Kind.MAIL_USER, "xmailserver.test", "xmailuser", "xmail", "1.2x-1.27"),
            new Sample(Accounts.Kind.MAIL_USER, "home.bogus", "dlibenzi", "foopasswd", "0.5x"),
            new Sample(Accounts.Kind.MAIL_USER, "home.bogus", "all", "foopasswd", "0.5x"),
            new Sample(Accounts.Kind.MAIL_USER, "home.bogus", "extauth", "foopasswd", "0.5x"),
            new Sample(Accounts.Kind.MAIL_USER, "home.bogus", "psync-errors", "foopasswd", "0.5x"),
            new Sample(Accounts.Kind.CTRL, null, "davide.libenzi", "davidel@maticad.it", "0.5x"),
            new Sample(Accounts.Kind.SMTP_AUTH, null, "davide.libenzi", "change-this-password", "0.5x"),
            new Sample(Accounts.Kind.SMTP_AUTH, null, "spacecowboy", "erase-this-asap", "0.5x"),
            new Sample(Accounts.Kind.POP3_LINK, null, null, "foopasswd", "0.5x"));

    /** Why a password is weak, most serious first. */
    enum Weakness {
        EMPTY,
        SAME_AS_USER,
        SAMPLE,
        COMMON,
        SHORT
    }

    private static final Set<String> COMMON = load();

    private Passwords() {}

    /**
     * @param a an account
     * @return the sample it still is (same account, published password), if any
     */
    static Optional<Sample> sample(Accounts.Account a) {
        for (Sample s : SAMPLES) {
            if (s.matches(a)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * @param a an account whose password decodes cleanly
     * @return the most serious weakness, if any
     */
    static Optional<Weakness> weakness(Accounts.Account a) {
        String p = a.password();
        if (p.isEmpty()) {
            return Optional.of(Weakness.EMPTY);
        }
        String lower = p.toLowerCase(Locale.ROOT);
        if (!a.user().isEmpty()
                && (lower.equals(a.user().toLowerCase(Locale.ROOT))
                        || lower.equals((a.user() + "@" + a.domain()).toLowerCase(Locale.ROOT)))) {
            return Optional.of(Weakness.SAME_AS_USER);
        }
        for (Sample s : SAMPLES) {
            if (s.password().equals(p)) {
                return Optional.of(Weakness.SAMPLE);
            }
        }
        if (COMMON.contains(lower)) {
            return Optional.of(Weakness.COMMON);
        }
        if (p.length() < MIN_LENGTH) {
            return Optional.of(Weakness.SHORT);
        }
        return Optional.empty();
    }

    /** @return whether the bundled list has the password (case-insensitive) */
    static boolean common(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    /** @return how many passwords the bundled list holds */
    static int commonCount() {
        return COMMON.size();
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (InputStream in = Passwords.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
