package org.xmailkit.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.xmailkit.model.XMailPassword;

/**
 * An account the tests add to a copy of XMail's shipped MailRoot: {@code probe@xmailserver.test} in mailusers.tab,
 * with no user.tab of its own, so that DefaultSmtpPerms and MaxMessageSize of server.tab decide what it may do.
 */
final class ProbeAccount {

    /** The account as AUTH names it, and its password. */
    static final SmtpProbe.Account ACCOUNT = new SmtpProbe.Account("probe@xmailserver.test", "probe-Pass1");

    private ProbeAccount() {}

    /**
     * @param mailRoot a copy of the shipped MailRoot (its domain xmailserver.test exists there)
     * @return the account
     */
    static SmtpProbe.Account add(Path mailRoot) {
        String line = "\"xmailserver.test\"\t\"probe\"\t\"" + XMailPassword.encode(ACCOUNT.password())
                + "\"\t901\t\"probe\"\t\"U\"\n";
        try {
            Path users = mailRoot.resolve("mailusers.tab");
            byte[] bytes = Files.readAllBytes(users);
            boolean newline = bytes.length == 0 || bytes[bytes.length - 1] == '\n';
            Files.writeString(
                    users, (newline ? "" : "\n") + line, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ACCOUNT;
    }
}
