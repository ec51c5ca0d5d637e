package org.xmailkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.Auditor;
import org.xmailkit.it.RealXMail.Service;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.XMailPassword;

/**
 * Logins against the real XMail 1.27: CTRL with the accounts of ctrlaccounts.tab (plain and MD5 logins, the account
 * {@code #"admin"} of a line "commented out" with #, stored passwords that do not decode) and POP3 USER/PASS with
 * mailusers.tab (the sample account, a password cut by a NUL pair). What XMail accepts is the password xmailkit's
 * model decodes for each line, and the account rules (SEC-013 sample account, SEC-015 commented CTRL account, SEC-016
 * undecodable or cut password) say exactly that.
 */
class LoginsIT {

    @RegisterExtension
    static final RealXMail XMAIL = RealXMail.of("1.27");

    /** ctrlaccounts.tab of the test: user as written, stored password. */
    private static final Map<String, String> CTRL = Map.of(
            "\"ops\"", XMailPassword.encode("0ps-Secret"),
            "#\"admin\"", XMailPassword.encode("Adm1n-Secret9"),
            "\"oddlen\"", "1d0",
            "\"nothex\"", "1d08zz17",
            "\"nulpair\"", "1d086504");

    @Test
    void ctrlAcceptsThePasswordsXmailkitDecodesAndTheAccountRulesSaySo() throws IOException, InputException {
        Path root = XMAIL.shippedMailRoot("ctrl");
        StringBuilder accounts = new StringBuilder();
        new TreeMap<>(CTRL).forEach((user, stored) -> accounts.append(user)
                .append('\t')
                .append('"')
                .append(stored)
                .append("\"\r\n"));
        Files.writeString(root.resolve("ctrlaccounts.tab"), accounts, StandardCharsets.US_ASCII);
        try (RealXMail.Server xmail = XMAIL.start(root)) {
            MailRoot model = MailRoot.open(xmail.mailRoot());
            int port = xmail.port(Service.CTRL);
            List<String> wrong = new ArrayList<>();
            for (TabFile.Row row :
                    model.file(MailRootFile.CTRL_ACCOUNTS).orElseThrow().rows()) {
                String user = row.column(0);
                String accepted = XMailPassword.decode(row.column(1)).password();
                expect(wrong, user + " with its decoded password", true, ctrlPlain(port, user, accepted));
                expect(wrong, user + " with MD5", true, ctrlMd5(port, user, accepted));
                expect(wrong, user + " with another password", false, ctrlPlain(port, user, accepted + "x"));
            }
            // The line "commented out" as the administrator believes is the account #"admin", not "admin".
            expect(wrong, "admin without the #", false, ctrlPlain(port, "admin", "Adm1n-Secret9"));
            assertEquals(List.of(), wrong);

            Set<String> found = keys(model, "SEC-015", "SEC-016");
            assertEquals(
                    Set.of(
                            "SEC-015 msg.SEC-015.active",
                            "SEC-016 msg.SEC-016.ctrlEmpty",
                            "SEC-016 msg.SEC-016.ctrlPrefix",
                            "SEC-016 msg.SEC-016.nul"),
                    found);
            assertEquals(
                    "", XMailPassword.decode(CTRL.get("\"oddlen\"")).password(), "an odd length decodes to nothing");
            assertEquals("xm", XMailPassword.decode(CTRL.get("\"nothex\"")).password(), "decoding stops at zz");
        }
    }

    @Test
    void pop3AcceptsTheSampleAccountAndACutPassword() throws IOException, InputException {
        Path root = XMAIL.shippedMailRoot("pop3");
        String cut = XMailPassword.encode("ab") + "65" + XMailPassword.encode("cdef");
        Files.writeString(
                root.resolve("mailusers.tab"),
                "\"xmailserver.test\"\t\"cutpass\"\t\"" + cut + "\"\t902\t\"cutpass\"\t\"U\"\n",
                StandardCharsets.US_ASCII,
                StandardOpenOption.APPEND);
        Files.createDirectories(root.resolve("domains/xmailserver.test/cutpass/mailbox"));
        // -Pw 0: no growing wait after a refused password (XMail's own brake on guessing), so that refusals are quick.
        try (RealXMail.Server xmail = XMAIL.on(root).extra("-Pw", "0").start()) {
            MailRoot model = MailRoot.open(xmail.mailRoot());
            int port = xmail.port(Service.POP3);
            List<String> wrong = new ArrayList<>();
            for (TabFile.Row row :
                    model.file(MailRootFile.MAIL_USERS).orElseThrow().rows()) {
                String user = row.column(1) + "@" + row.column(0);
                String accepted = XMailPassword.decode(row.column(2)).password();
                expect(wrong, user + " with its decoded password", true, pop3(port, user, accepted));
                expect(wrong, user + " with another password", false, pop3(port, user, accepted + "x"));
            }
            expect(wrong, "cutpass with the whole password", false, pop3(port, "cutpass@xmailserver.test", "abcdef"));
            assertEquals(List.of(), wrong);
            Set<String> found = keys(model, "SEC-013", "SEC-016");
            assertTrue(
                    found.contains("SEC-013 msg.SEC-013.mailUserRelay")
                            || found.contains("SEC-013 msg.SEC-013.mailUser"),
                    found::toString);
            assertTrue(found.contains("SEC-016 msg.SEC-016.nul"), found::toString);
        }
    }

    private static void expect(List<String> wrong, String what, boolean accepted, String reply) {
        boolean ok = reply != null && (reply.startsWith("+00000") || reply.startsWith("+OK"));
        if (ok != accepted) {
            wrong.add(what + ": expected " + (accepted ? "accepted" : "refused") + ", XMail answered " + reply);
        }
    }

    private static Set<String> keys(MailRoot root, String... rules) {
        Set<String> ids = Set.of(rules);
        return Auditor.standard().audit(root, AuditOptions.defaults()).findings().stream()
                .filter(f -> ids.contains(f.rule().id()))
                .map(f -> f.rule().id() + " " + f.message().key())
                .collect(Collectors.toSet());
    }

    /** A CTRL login as CtrlClnt sends it: the user and password as TAB-separated quoted strings. */
    private static String ctrlPlain(int port, String user, String password) {
        try (LineClient c = LineClient.connect(port)) {
            c.line();
            return c.ask(quote(user) + "\t" + quote(password));
        }
    }

    /** The MD5 login: '#' and the hex MD5 of the greeting's time stamp followed by the password. */
    private static String ctrlMd5(int port, String user, String password) {
        try (LineClient c = LineClient.connect(port)) {
            String greeting = c.line();
            String stamp = greeting.substring(greeting.indexOf('<'), greeting.indexOf('>') + 1);
            return c.ask(quote(user) + "\t" + quote("#" + md5(stamp + password)));
        }
    }

    private static String pop3(int port, String user, String password) {
        try (LineClient c = LineClient.connect(port)) {
            c.line();
            String u = c.ask("USER " + user);
            if (u == null || !u.startsWith("+OK")) {
                return u;
            }
            String p = c.ask("PASS " + password);
            c.ask("QUIT");
            return p;
        }
    }

    /** A user name as written in ctrlaccounts.tab is sent the same way: quoted names quoted, #"admin" verbatim. */
    private static String quote(String s) {
        return s.startsWith("#") || s.startsWith("\"") ? s : "\"" + s + "\"";
    }

    private static String md5(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.ISO_8859_1));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
