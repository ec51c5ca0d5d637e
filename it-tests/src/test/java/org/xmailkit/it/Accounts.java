package org.xmailkit.it;

import java.util.Optional;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.XMailPassword;

/** Accounts of a MailRoot that a test can log in with, their passwords recovered as xmailkit's model reads them. */
final class Accounts {

    private Accounts() {}

    /**
     * @param root a MailRoot
     * @return {@link ProbeAccount} when the test added it, else the first mailusers.tab account whose stored password
     *         decodes to a non-empty one, else the first smtpauth.tab line, as {@code account@domain} (or the
     *         smtpauth.tab user name) and password
     */
    static Optional<SmtpProbe.Account> smtp(MailRoot root) {
        if (inMailUsers(root, ProbeAccount.ACCOUNT.user())) {
            return Optional.of(ProbeAccount.ACCOUNT);
        }
        Optional<SmtpProbe.Account> user = mailUser(root);
        if (user.isPresent()) {
            return user;
        }
        Optional<TabFile> auth = root.file(MailRootFile.SMTP_AUTH);
        return auth.flatMap(f -> f.rows().stream().findFirst())
                .map(r -> new SmtpProbe.Account(r.column(0), r.column(1)));
    }

    /**
     * @param root a MailRoot
     * @param user a user name as AUTH sends it
     * @return whether it is {@code account@domain} of a mailusers.tab line (as written there)
     */
    static boolean inMailUsers(MailRoot root, String user) {
        Optional<TabFile> users = root.file(MailRootFile.MAIL_USERS);
        return users.isPresent()
                && users.get().rows().stream().anyMatch(r -> user.equals(r.column(1) + "@" + r.column(0)));
    }

    /**
     * @param root a MailRoot
     * @return the first mailusers.tab account whose stored password decodes to a non-empty one
     */
    static Optional<SmtpProbe.Account> mailUser(MailRoot root) {
        Optional<TabFile> users = root.file(MailRootFile.MAIL_USERS);
        if (users.isEmpty()) {
            return Optional.empty();
        }
        for (TabFile.Row r : users.get().rows()) {
            XMailPassword.Decoded d = XMailPassword.decode(r.column(2));
            if (d.ok() && !d.password().isEmpty()) {
                return Optional.of(new SmtpProbe.Account(r.column(1) + "@" + r.column(0), d.password()));
            }
        }
        return Optional.empty();
    }
}
