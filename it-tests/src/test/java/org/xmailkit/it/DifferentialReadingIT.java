package org.xmailkit.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmailkit.audit.behaviour.Reply;
import org.xmailkit.audit.behaviour.SmtpBehaviour;
import org.xmailkit.audit.behaviour.SmtpConditions;
import org.xmailkit.audit.behaviour.TlsLibrary;
import org.xmailkit.it.RealXMail.Service;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;

/**
 * Differential reading of server.tab: arbitrary server.tab files (quoting forms, TABs inside quotes, duplicates,
 * names in the wrong case, a byte order mark, CR, CRLF and LF mixed, lines longer than XMail reads at once, numbers
 * such as {@code 0x10}, {@code " 5"}, {@code -1} or {@code 5k}, empty values) go to one running XMail 1.27 in turn
 * (it reads server.tab again for every session), and for each the replies that show the SMTP-observable variables
 * are what {@link SmtpBehaviour} predicts from xmailkit's effective values: SmtpServerDomain (greeting), RootDomain,
 * MaxMessageSize, EnableSMTP-TLS and SmtpNoTLSAuths (EHLO), AllowSmtpVRFY, AllowSmtpETRN and CustomSMTPMessage
 * (VRFY, ETRN), AllowNullSender, SmtpConfig and CheckMailerDomain (MAIL), DefaultSmtpPerms (after AUTH). The files
 * are drawn with jqwik's generators; a failure prints every differing file, escaped, to replay it.
 */
class DifferentialReadingIT {

    /** How many files each build tries. */
    static final int CASES = 320;

    @RegisterExtension
    static final RealXMail XMAIL = RealXMail.of("1.27");

    @Test
    void everyObservableVariableReadsAsXMailReadsIt() throws InputException {
        Path shipped = XMAIL.shippedMailRoot("differential");
        SmtpProbe.Account account = ProbeAccount.add(shipped);
        List<String> failures = new ArrayList<>();
        int replies = 0;
        try (RealXMail.Server xmail = XMAIL.start(shipped)) {
            int port = xmail.port(Service.SMTP);
            SmtpConditions where =
                    SmtpConditions.loopback(XMailVersion.parse("1.27"), true, TlsLibrary.OPENSSL_3_LEVEL_2, port);
            List<byte[]> files = serverTabs().sampleStream().limit(CASES).toList();
            for (byte[] file : files) {
                xmail.serverTab(file);
                SmtpBehaviour expected = SmtpBehaviour.of(MailRoot.open(xmail.mailRoot()), where);
                List<SmtpProbe.Check> checks = probe(port, expected, account);
                replies += checks.size();
                List<SmtpProbe.Check> wrong =
                        checks.stream().filter(c -> !c.ok()).toList();
                if (!wrong.isEmpty()) {
                    failures.add("server.tab \"" + escape(file) + "\":\n  "
                            + wrong.stream().map(Object::toString).collect(Collectors.joining("\n  ")));
                }
            }
            System.out.printf(
                    "%d server.tab files, %d replies compared with xmailkit's reading%n", files.size(), replies);
            assertTrue(files.size() >= 300, "at least 300 cases per build");
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + CASES + " files read differently by xmailkit and XMail:\n"
                    + String.join("\n", failures));
        }
    }

    /** One session for the plain probes, one for the authenticated ones; every reply compared. */
    static List<SmtpProbe.Check> probe(int port, SmtpBehaviour expected, SmtpProbe.Account account) {
        List<SmtpProbe.Check> out = new ArrayList<>();
        try (LineClient c = LineClient.connect(port)) {
            String greeting = String.valueOf(c.line());
            String domain = greeting.startsWith("220 ") && greeting.indexOf(" <", 3) >= 4
                    ? greeting.substring(4, greeting.indexOf(" <", 3))
                    : greeting;
            out.add(new SmtpProbe.Check("greeting domain", expected.greetingDomain(), domain));
            compare(out, "EHLO", c.smtp("EHLO " + SmtpBehaviour.PROBE_HELO), expected.ehlo());
            expected.vrfy().ifPresent(r -> ask(out, c, "VRFY " + SmtpBehaviour.PROBE_ADDRESS, r));
            ask(out, c, "ETRN " + SmtpBehaviour.PROBE_DOMAIN, expected.etrn());
            Reply mail = expected.mail(true, 0);
            if (ask(out, c, "MAIL FROM:<>", mail) && mail.positive()) {
                expected.rcpt().ifPresent(r -> ask(out, c, "RCPT TO:<" + SmtpBehaviour.PROBE_RECIPIENT + ">", r));
                c.smtp("RSET");
            }
            Reply sender = expected.mail(false, 0);
            if (ask(out, c, "MAIL FROM:<" + SmtpBehaviour.PROBE_SENDER + ">", sender) && sender.positive()) {
                c.smtp("RSET");
            }
        }
        Optional<SmtpBehaviour.Auth> auth = expected.authPlain(account.user(), account.password());
        if (expected.ehloAccepted() && auth.isPresent()) {
            try (LineClient c = LineClient.connect(port)) {
                c.line();
                c.smtp("EHLO " + SmtpBehaviour.PROBE_HELO);
                String plain = Base64.getEncoder()
                        .encodeToString(("\0" + account.user() + "\0" + account.password())
                                .getBytes(StandardCharsets.ISO_8859_1));
                if (ask(out, c, "AUTH PLAIN " + plain, auth.get().reply())
                        && auth.get().after().isPresent()) {
                    SmtpBehaviour after = auth.get().after().get();
                    after.vrfy().ifPresent(r -> ask(out, c, "VRFY " + SmtpBehaviour.PROBE_ADDRESS, r));
                    ask(out, c, "ETRN " + SmtpBehaviour.PROBE_DOMAIN, after.etrn());
                }
            }
        }
        return out;
    }

    /** Sends a command and compares its reply; true when it matched. */
    private static boolean ask(List<SmtpProbe.Check> out, LineClient c, String command, Reply expected) {
        List<String> got = c.smtp(command);
        SmtpProbe.Check check = new SmtpProbe.Check(
                command, expected.text(), got.isEmpty() ? SmtpProbe.CLOSED : String.join("\n", got));
        out.add(check);
        return check.ok();
    }

    private static void compare(List<SmtpProbe.Check> out, String probe, List<String> got, List<Reply> expected) {
        for (int i = 0; i < Math.max(got.size(), expected.size()); i++) {
            out.add(new SmtpProbe.Check(
                    probe + " line " + (i + 1),
                    i < expected.size() ? expected.get(i).text() : SmtpProbe.CLOSED,
                    i < got.size() ? got.get(i) : SmtpProbe.CLOSED));
        }
    }

    // ------------------------------------------------------------------ generators

    /** The variables whose values a session shows, with the values to try. */
    private static final List<String> INTS = List.of(
            "0",
            "1",
            "10",
            "-1",
            " 5",
            "5k",
            "0x10",
            "+3",
            "",
            "  ",
            "abc",
            "99999999999",
            "2147483648",
            "-2147483649",
            "4294967297",
            " ".repeat(70) + "7",
            "0".repeat(70) + "9");

    private static final List<String> FLAGS = List.of(
            "0",
            "1",
            "",
            "2",
            "-1",
            " 1",
            "1x",
            "yes",
            "0x1",
            "00",
            "+1",
            "\t1",
            "0".repeat(64) + "1",
            " ".repeat(61) + "1",
            " ".repeat(62) + "1");
    private static final List<String> DOMAINS = List.of(
            "mail.example.jp",
            "",
            "  spaced ",
            "x\\\"y",
            "a\\",
            "with space",
            "d".repeat(90) + ".example",
            "#hash",
            "\u00e3\u0082\u0086.example.jp",
            "MiXeD.Example");
    private static final List<String> AUTHS = List.of(
            "",
            "PLAIN",
            "LOGIN",
            "PLAIN,LOGIN",
            "LOGIN,PLAIN",
            ",PLAIN",
            "plain",
            "PLAINPLAIN",
            "CRAM-MD5,PLAIN",
            " PLAIN",
            "PLAIN ",
            "LOGIN,LOGIN",
            "XPLAIN",
            "CRAM-MD5",
            "PLAIN,CRAM-MD5,LOGIN",
            ",");
    private static final List<String> CONFIGS = List.of(
            "mail-auth",
            "MailAuth",
            "Mail-Auth",
            "WantTLS",
            "mail-auth,WantTLS",
            "mail-auth, WantTLS",
            "WantTLS=0",
            "mail-auth=1",
            "wanttls",
            "",
            ",",
            "MailAuth=x",
            "WantTLS,mail-auth=0",
            "MAIL-AUTH",
            "mail-auth=2,WantTLS=1");
    private static final List<String> MESSAGES =
            List.of("call us", "", "a - b", "\u0093\u00fa\u0096{", "m".repeat(120));
    private static final List<String> PERMS = List.of("MR", "MRVZ", "", "V", "T", "mrvz", "MRVTZS", "R", "VT", " V");

    private static Arbitrary<String[]> variable() {
        return Arbitraries.oneOf(
                values("SmtpServerDomain", DOMAINS),
                values("RootDomain", DOMAINS),
                values("MaxMessageSize", INTS),
                values("EnableSMTP-TLS", FLAGS),
                values("AllowSmtpVRFY", FLAGS),
                values("AllowSmtpETRN", FLAGS),
                values("SmtpNoTLSAuths", AUTHS),
                values("CustomSMTPMessage", MESSAGES),
                values("AllowNullSender", FLAGS),
                values("SmtpConfig", CONFIGS),
                values("CheckMailerDomain", FLAGS),
                values("DefaultSmtpPerms", PERMS));
    }

    private static Arbitrary<String[]> values(String name, List<String> values) {
        return Arbitraries.of(values).map(v -> new String[] {name, v});
    }

    /** A line setting a variable, written in one of the ways people and tools write server.tab. */
    private static Arbitrary<String> line() {
        Arbitrary<String> nameForm = Arbitraries.of(
                "\"%s\"", "\"%s\"", "\"%s\"", "%s", "\"lower\"", " \"%s\"", "\"%s \"", "\"%s\"junk", "\t\"%s\"");
        Arbitrary<String> separator = Arbitraries.of("\t", "\t", "\t", "\t\t", " ", " \t");
        Arbitrary<String> valueForm = Arbitraries.of(
                "\"%s\"",
                "\"%s\"", "\"%s\"", "%s", "\"%s", "\"%s\"x", "\"%s\"\t\"third\"", "\"%s\tafter-tab\"", "\"%s\"\t");
        return Combinators.combine(variable(), nameForm, separator, valueForm).as((v, n, s, f) -> {
            String name = n.equals("\"lower\"") ? "\"" + v[0].toLowerCase(Locale.ROOT) + "\"" : n.replace("%s", v[0]);
            return name + s + f.replace("%s", v[1]);
        });
    }

    /** A line XMail skips or splits: comments, blanks, a NUL, a comment longer than one read that hides a line. */
    private static Arbitrary<String> noise() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "# a comment",
                        "",
                        "   ",
                        "#\"AllowSmtpVRFY\"\t\"1\"",
                        "\"Unknown\"\t\"1\"",
                        "\"RootDomain\"",
                        "\"AllowSmtpETRN\"\u0000\t\"1\""),
                variable().map(v -> "#" + "x".repeat(2045) + "\"" + v[0] + "\"\t\"" + v[1] + "\""),
                // Not SmtpServerDomain: XMail's greeting buffers hold 255 bytes of it (and overflow beyond).
                variable()
                        .filter(v -> !v[0].equals("SmtpServerDomain"))
                        .map(v -> "\"" + v[0] + "\"\t\"" + "v".repeat(2100) + "\""));
    }

    private static Arbitrary<byte[]> serverTabs() {
        Arbitrary<List<String>> lines = Arbitraries.oneOf(line(), line(), line(), noise())
                .list()
                .ofMinSize(1)
                .ofMaxSize(12);
        Arbitrary<String> ending = Arbitraries.of("\n", "\n", "\r\n", "\r\n", "\r", "\r\r\n");
        Arbitrary<List<String>> endings = ending.list().ofSize(12);
        Arbitrary<Boolean> bom = Arbitraries.of(false, false, false, true);
        Arbitrary<Boolean> finalEnding = Arbitraries.of(true, true, false);
        return Combinators.combine(lines, endings, bom, finalEnding).as((ls, es, b, last) -> {
            StringBuilder s = new StringBuilder(b ? "\u00ef\u00bb\u00bf" : "");
            for (int i = 0; i < ls.size(); i++) {
                s.append(ls.get(i));
                if (i < ls.size() - 1 || last) {
                    s.append(es.get(i));
                }
            }
            return s.toString().getBytes(StandardCharsets.ISO_8859_1);
        });
    }

    /** The bytes as Java string escapes, to replay a failing file. */
    static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c >= 0x7F) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        }
        String s = out.toString();
        return s.length() > 600 ? s.replaceAll("(.)\\1{40,}", "$1...") : s;
    }
}
