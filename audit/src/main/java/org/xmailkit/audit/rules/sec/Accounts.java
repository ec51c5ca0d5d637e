package org.xmailkit.audit.rules.sec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.AuditRun;
import org.xmailkit.audit.Evidence;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabDocument;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.TabFormat;
import org.xmailkit.model.TabRecord;
import org.xmailkit.model.XMailPassword;
import org.xmailkit.model.fs.ReadPolicy;
import org.xmailkit.model.fs.SafeReader;

/**
 * The accounts of a MailRoot that carry a password: mailusers.tab (XMCrypt), ctrlaccounts.tab (XMCrypt, no comment
 * support), smtpauth.tab (clear text) and pop3links.tab (XMCrypt, the remote password). Passwords stay inside this
 * class and the checks; nothing here renders them.
 */
final class Accounts {

    /** Where an account comes from, and the 0-based column of its password. */
    enum Kind {
        MAIL_USER(MailRootFile.MAIL_USERS, 2, true),
        CTRL(MailRootFile.CTRL_ACCOUNTS, 1, true),
        SMTP_AUTH(MailRootFile.SMTP_AUTH, 1, false),
        POP3_LINK(MailRootFile.POP3_LINKS, 4, true);

        final MailRootFile file;
        final int passwordColumn;
        final boolean encoded;

        Kind(MailRootFile file, int passwordColumn, boolean encoded) {
            this.file = file;
            this.passwordColumn = passwordColumn;
            this.encoded = encoded;
        }
    }

    /**
     * One account line.
     *
     * @param kind    the file it comes from
     * @param file    the file
     * @param row     the line
     * @param user    the user name as XMail compares it (mailusers: the account; pop3links: the local account)
     * @param domain  the domain (mailusers, pop3links), else empty
     * @param decoded for encoded passwords, how XMail decodes the stored text; null for clear-text smtpauth.tab
     */
    record Account(
            Kind kind, TabFile file, TabFile.Row row, String user, String domain, XMailPassword.Decoded decoded) {
        Account {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(domain, "domain");
        }

        /** @return the password XMail compares against (decoded, cut at a NUL; for failed decodes the prefix) */
        String password() {
            return decoded == null ? row.column(kind.passwordColumn) : decoded.password();
        }

        /** @return the stored text of the password column */
        String stored() {
            return row.column(kind.passwordColumn);
        }

        /** @return the account as shown in messages: {@code user@domain} for mail users, else the user name */
        String display() {
            String u = file.display(user);
            return kind == Kind.MAIL_USER ? u + "@" + file.display(domain) : u;
        }

        /** @return the line with the password masked */
        String evidence() {
            return Evidence.line(file, row.line());
        }

        /** @return the 1-based line */
        int line() {
            return row.line();
        }
    }

    /**
     * SMTP permissions and where they come from.
     *
     * @param letters the permission letters as XMail reads them
     * @param origin  {@code DefaultSmtpPerms} or the user.tab path and line, relative to the MailRoot
     */
    record Perms(String letters, String origin) {
        /** @return whether the letters grant relaying ({@code R}; XMail 1.27 compares the exact upper-case letter) */
        boolean relay() {
            return letters.indexOf('R') >= 0;
        }
    }

    private Accounts() {}

    /**
     * @param ctx  the audit
     * @param kind which file
     * @return its account lines in file order (none when the file is missing)
     */
    static List<Account> of(AuditContext ctx, Kind kind) {
        return ctx.derived(READ.get(kind));
    }

    /** Each kind's accounts, read and decoded once per MailRoot: several rules go through them. */
    private static final Map<Kind, AuditRun.Derived<List<Account>>> READ = new EnumMap<>(Kind.class);

    static {
        for (Kind k : Kind.values()) {
            READ.put(k, new AuditRun.Derived<>(ctx -> read(ctx, k)));
        }
    }

    private static List<Account> read(AuditContext ctx, Kind kind) {
        Optional<TabFile> f = ctx.root().file(kind.file);
        if (f.isEmpty()) {
            return List.of();
        }
        List<Account> out = new ArrayList<>();
        for (TabFile.Row row : f.get().rows()) {
            String user;
            String domain = "";
            switch (kind) {
                case MAIL_USER -> {
                    domain = row.column(0);
                    user = row.column(1);
                }
                case POP3_LINK -> {
                    domain = row.column(0);
                    user = row.column(1);
                }
                default -> user = row.column(0);
            }
            XMailPassword.Decoded d = kind.encoded ? XMailPassword.decode(row.column(kind.passwordColumn)) : null;
            out.add(new Account(kind, f.get(), row, user, domain, d));
        }
        return List.copyOf(out);
    }

    /** @return every account of every kind, in kind then file order */
    static List<Account> all(AuditContext ctx) {
        List<Account> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            out.addAll(of(ctx, k));
        }
        return out;
    }

    /**
     * The SMTP permissions a mailusers.tab account gets after SMTP AUTH or POP-before-SMTP
     * (SMTPSvr.cpp SMTPGetUserSmtpPerms): the user's {@code SmtpPerms} in its user.tab, else DefaultSmtpPerms.
     *
     * @param ctx     the audit
     * @param account a mail user
     * @return the permissions
     */
    static Perms smtpPerms(AuditContext ctx, Account account) {
        Optional<Path> userTab = userTab(ctx, account);
        if (userTab.isPresent()) {
            try {
                byte[] bytes = ctx.root().read(userTab.get(), ReadPolicy.TEXT);
                // user.tab is read with MscFGets plus a '#' check; its buffer size is not recorded, 2048 assumed.
                TabDocument doc = TabDocument.parse(bytes, TabFormat.withBuffer(2048, true));
                for (TabRecord r : doc.dataRecords()) {
                    // First line wins; the facts do not record how user.tab treats a repeated name.
                    if (r.size() >= 2 && "SmtpPerms".equals(r.value(0))) {
                        return new Perms(r.value(1), Sec.relative(ctx, userTab.get()) + ":" + r.line());
                    }
                }
            } catch (InputException e) {
                // Unreadable or refused user.tab: the default applies here, and the MailRoot's read errors name it.
            }
        }
        return new Perms(ctx.tab().effective("DefaultSmtpPerms").value(), "DefaultSmtpPerms");
    }

    /** The account directory: domains/&lt;domain&gt;/&lt;account-dir&gt;/user.tab (as written, else lower case). */
    private static Optional<Path> userTab(AuditContext ctx, Account account) {
        String dir = account.row().column(4);
        if (!safeSegment(dir) || !safeSegment(account.domain())) {
            return Optional.empty();
        }
        Optional<Path> p = ctx.root().path("domains/" + account.domain() + "/" + dir + "/user.tab");
        if (p.isEmpty()) {
            p = ctx.root().path("domains/" + account.domain().toLowerCase(Locale.ROOT) + "/" + dir + "/user.tab");
        }
        return p.filter(f -> ctx.root().kind(f) != SafeReader.Kind.DIRECTORY);
    }

    /** Only plain directory names: the audit never follows a MailRoot file out of the MailRoot. */
    private static boolean safeSegment(String s) {
        return !s.isEmpty() && !s.contains("..") && s.indexOf('/') < 0 && s.indexOf('\\') < 0 && s.indexOf(':') < 0;
    }
}
