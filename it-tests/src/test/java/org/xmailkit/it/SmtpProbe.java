package org.xmailkit.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.xmailkit.audit.behaviour.Reply;
import org.xmailkit.audit.behaviour.SmtpBehaviour;
import org.xmailkit.audit.behaviour.SmtpBehaviour.TlsOutcome;

/**
 * Runs the probes of {@link SmtpBehaviour} against a real XMail on 127.0.0.1 and compares every reply with what
 * xmailkit's view predicts. One session per probe, each ending at its first negative reply (so that SMTP-MaxErrors
 * never cuts a probe short), MAIL and RCPT always followed by RSET, never DATA:
 * <ol>
 * <li>the greeting (or the refusal), then {@code EHLO};</li>
 * <li>{@code VRFY} of an address that exists nowhere; 3. {@code ETRN};</li>
 * <li>{@code MAIL FROM:<>} and {@code RCPT TO:} an outside recipient: the relay decision;</li>
 * <li>{@code MAIL FROM:} a sender whose domain has no DNS;</li>
 * <li>{@code STARTTLS} and, after a handshake, {@code EHLO} and {@code MAIL FROM:<>} again;</li>
 * <li>with an account: {@code AUTH PLAIN}, then VRFY, ETRN, the relay decision and a MAIL over the size limit, each
 * in a session of its own.</li>
 * </ol>
 */
final class SmtpProbe {

    /**
     * An account to log in with.
     *
     * @param user     the user name as AUTH sends it
     * @param password the password
     */
    record Account(String user, String password) {}

    /**
     * One compared reply.
     *
     * @param probe    what was sent
     * @param expected what xmailkit predicted
     * @param actual   what XMail sent ({@value #CLOSED} when it closed the connection)
     */
    record Check(String probe, String expected, String actual) {

        boolean ok() {
            return new Reply(expected).matches(actual);
        }

        @Override
        public String toString() {
            return (ok() ? "ok   " : "DIFF ") + probe + ": expected [" + expected + "] got [" + actual + "]";
        }
    }

    /** What XMail answered, probe by probe, for the claims of the audit's findings. */
    static final class Observed {
        final List<Check> checks = new ArrayList<>();
        /** Predictions the view left open (it does not follow what the files hold there). */
        final List<String> open = new ArrayList<>();

        String greeting;
        List<String> ehlo = List.of();
        String vrfy;
        String etrn;
        String mailNull;
        String rcpt;
        String mailSender;
        String startTls;
        Boolean handshake;
        String auth;
        String authVrfy;
        String authEtrn;
        String authRcpt;
        String authSize;

        List<Check> differences() {
            return checks.stream().filter(c -> !c.ok()).toList();
        }

        /**
         * @return what a client sees, probe by probe, with the release number in XMail's replies left out (so that two
         *         releases can be compared); the greeting by its domain, or whole when it is a refusal
         */
        Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            String g = greeting == null
                    ? null
                    : refused() ? greeting : greeting.substring(4, Math.max(4, greeting.indexOf(" <", 3)));
            f.put("greeting", g);
            f.put("EHLO", String.join("|", ehlo));
            f.put("VRFY", vrfy);
            f.put("ETRN", etrn);
            f.put("MAIL FROM:<>", mailNull);
            f.put("RCPT (relay)", rcpt);
            f.put("MAIL FROM:<sender>", mailSender);
            f.put("STARTTLS", startTls);
            f.put("TLS handshake", String.valueOf(handshake));
            f.put("AUTH", auth);
            f.put("VRFY after AUTH", authVrfy);
            f.put("ETRN after AUTH", authEtrn);
            f.put("RCPT after AUTH (relay)", authRcpt);
            f.put("MAIL SIZE after AUTH", authSize);
            f.replaceAll((k, v) -> v == null ? null : v.replaceAll("XMail 1\\.2[0-9]", "XMail"));
            return f;
        }

        /** @return whether the session was refused at the greeting */
        boolean refused() {
            return greeting != null && !greeting.startsWith("220 ");
        }
    }

    /** What {@link Check#actual} says when XMail closed the connection instead of answering. */
    static final String CLOSED = "<closed>";

    /** The SIZE of the authenticated MAIL probe: 1000 MB, above any limit a real server sets. */
    static final long SIZE = 1_048_576_000L;

    private final int port;
    private final SmtpBehaviour expected;
    private final Observed seen = new Observed();

    private SmtpProbe(int port, SmtpBehaviour expected) {
        this.port = port;
        this.expected = expected;
    }

    /**
     * @param port     XMail's SMTP port on 127.0.0.1
     * @param expected xmailkit's prediction for that server
     * @param account  an account to log in with, if the probes should include an authenticated session
     * @return every reply compared
     */
    static Observed run(int port, SmtpBehaviour expected, Optional<Account> account) {
        SmtpProbe p = new SmtpProbe(port, expected);
        p.greetingAndEhlo();
        if (p.seen.refused()) {
            return p.seen;
        }
        p.vrfyAndEtrn();
        p.relay();
        p.sender();
        p.startTls();
        account.ifPresent(p::authenticated);
        return p.seen;
    }

    private LineClient open() {
        return LineClient.connect(port, (expected.commandDelay() + 5) * 1000);
    }

    private void greetingAndEhlo() {
        try (LineClient c = open()) {
            String greeting = read(c.line());
            seen.greeting = greeting;
            if (expected.refusal().isPresent()) {
                check("greeting", expected.refusal().get().text(), greeting);
                check("after the refusal", CLOSED, read(c.line()));
                return;
            }
            String domain = greeting.startsWith("220 ")
                    ? greeting.substring(4, Math.max(4, greeting.indexOf(" <", 3)))
                    : greeting;
            check("greeting domain", expected.greetingDomain(), domain);
            check("greeting server name", "true", String.valueOf(greeting.contains(expected.serverName())));
            seen.ehlo = ehlo(c, "EHLO", expected.ehlo());
        }
    }

    private void vrfyAndEtrn() {
        Optional<Reply> vrfy = expected.vrfy();
        if (vrfy.isPresent()) {
            try (LineClient c = open()) {
                c.line();
                seen.vrfy = ask(c, "VRFY " + SmtpBehaviour.PROBE_ADDRESS, vrfy.get());
            }
        } else {
            seen.open.add("VRFY");
        }
        try (LineClient c = open()) {
            c.line();
            seen.etrn = ask(c, "ETRN " + SmtpBehaviour.PROBE_DOMAIN, expected.etrn());
        }
    }

    private void relay() {
        try (LineClient c = open()) {
            c.line();
            if (!helo(c)) {
                return;
            }
            Reply mail = expected.mail(true, 0);
            seen.mailNull = ask(c, "MAIL FROM:<>", mail);
            if (mail.positive() && mail.matches(seen.mailNull)) {
                rcpt(c, expected, r -> seen.rcpt = r);
                c.smtp("RSET");
            }
        }
    }

    private void sender() {
        try (LineClient c = open()) {
            c.line();
            if (helo(c)) {
                Reply mail = expected.mail(false, 0);
                seen.mailSender = ask(c, "MAIL FROM:<" + SmtpBehaviour.PROBE_SENDER + ">", mail);
                if (mail.positive()) {
                    c.smtp("RSET");
                }
            }
        }
    }

    private void startTls() {
        try (LineClient c = open()) {
            c.line();
            if (!helo(c)) {
                return;
            }
            SmtpBehaviour.StartTls tls = expected.startTls();
            seen.startTls = ask(c, "STARTTLS", tls.reply());
            if (!tls.reply().matches(seen.startTls) || tls.outcome() == TlsOutcome.REFUSED) {
                return;
            }
            boolean done;
            try {
                c.startTls();
                done = true;
            } catch (SSLException e) {
                done = false;
            }
            seen.handshake = done;
            check(
                    "TLS handshake after STARTTLS",
                    String.valueOf(tls.outcome() == TlsOutcome.HANDSHAKE),
                    String.valueOf(done));
            if (done && tls.after().isPresent()) {
                SmtpBehaviour after = tls.after().get();
                ehlo(c, "EHLO under TLS", after.ehlo());
                ask(c, "MAIL FROM:<> under TLS", "MAIL FROM:<>", after.mail(true, 0));
                c.smtp("RSET");
            }
        }
    }

    private void authenticated(Account account) {
        String plain = Base64.getEncoder()
                .encodeToString(
                        ("\0" + account.user() + "\0" + account.password()).getBytes(StandardCharsets.ISO_8859_1));
        Optional<SmtpBehaviour.Auth> auth = expected.authPlain(account.user(), account.password());
        if (auth.isEmpty()) {
            seen.open.add("AUTH");
            return;
        }
        SmtpBehaviour after = auth.get().after().orElse(null);
        try (LineClient c = open()) {
            c.line();
            if (!helo(c)) {
                return;
            }
            seen.auth = ask(
                    c,
                    "AUTH PLAIN (" + account.user() + ")",
                    "AUTH PLAIN " + plain,
                    auth.get().reply());
            if (after == null || !auth.get().reply().matches(seen.auth)) {
                return;
            }
            Optional<Reply> vrfy = after.vrfy();
            if (vrfy.isPresent()) {
                seen.authVrfy = ask(c, "VRFY after AUTH", "VRFY " + SmtpBehaviour.PROBE_ADDRESS, vrfy.get());
            }
        }
        loggedIn(
                plain,
                c -> seen.authEtrn = ask(c, "ETRN after AUTH", "ETRN " + SmtpBehaviour.PROBE_DOMAIN, after.etrn()));
        loggedIn(plain, c -> {
            Reply mail = after.mail(true, 0);
            String got = ask(c, "MAIL FROM:<> after AUTH", "MAIL FROM:<>", mail);
            if (mail.positive() && mail.matches(got)) {
                rcpt(c, after, r -> seen.authRcpt = r);
                c.smtp("RSET");
            }
        });
        loggedIn(plain, c -> {
            Reply mail = after.mail(false, SIZE);
            seen.authSize = ask(
                    c,
                    "MAIL FROM with SIZE after AUTH",
                    "MAIL FROM:<" + SmtpBehaviour.PROBE_SENDER + "> SIZE=" + SIZE,
                    mail);
            if (mail.positive()) {
                c.smtp("RSET");
            }
        });
    }

    /** Runs a probe in a new session after EHLO and a successful AUTH PLAIN (compared in the first one). */
    private void loggedIn(String plain, Consumer<LineClient> probe) {
        try (LineClient c = open()) {
            c.line();
            if (helo(c) && positive(c.smtp("AUTH PLAIN " + plain))) {
                probe.accept(c);
            }
        }
    }

    private void rcpt(LineClient c, SmtpBehaviour session, Consumer<String> into) {
        Optional<Reply> rcpt = session.rcpt();
        if (rcpt.isPresent()) {
            into.accept(ask(c, "RCPT TO:<" + SmtpBehaviour.PROBE_RECIPIENT + ">", rcpt.get()));
        } else {
            seen.open.add("RCPT");
        }
    }

    /** Sends EHLO (the reply was compared in the first session); false when XMail did not accept it. */
    private boolean helo(LineClient c) {
        return expected.ehloAccepted() && positive(c.smtp("EHLO " + SmtpBehaviour.PROBE_HELO));
    }

    private List<String> ehlo(LineClient c, String probe, List<Reply> expectedLines) {
        List<String> got = c.smtp("EHLO " + SmtpBehaviour.PROBE_HELO);
        int n = Math.max(got.size(), expectedLines.size());
        for (int i = 0; i < n; i++) {
            check(
                    probe + " line " + (i + 1),
                    i < expectedLines.size() ? expectedLines.get(i).text() : CLOSED,
                    i < got.size() ? got.get(i) : CLOSED);
        }
        return got;
    }

    private String ask(LineClient c, String command, Reply reply) {
        return ask(c, command, command, reply);
    }

    private String ask(LineClient c, String probe, String command, Reply reply) {
        List<String> got = c.smtp(command);
        String actual = got.isEmpty() ? CLOSED : String.join("\n", got);
        check(probe, reply.text(), actual);
        return actual;
    }

    private void check(String probe, String expectedText, String actual) {
        seen.checks.add(new Check(probe, expectedText, actual));
    }

    private static boolean positive(List<String> reply) {
        return !reply.isEmpty() && (reply.get(0).startsWith("2") || reply.get(0).startsWith("3"));
    }

    private static String read(String line) {
        return line == null ? CLOSED : line;
    }
}
