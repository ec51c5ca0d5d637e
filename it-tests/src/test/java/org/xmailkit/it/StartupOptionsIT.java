package org.xmailkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.startup.Group;
import org.xmailkit.audit.startup.Listener;
import org.xmailkit.audit.startup.OptionIssue;
import org.xmailkit.audit.startup.Startups;
import org.xmailkit.audit.startup.XMailOptions;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailPassword;

/**
 * xmailkit's model of XMail 1.27's command line held against the real server: for several command lines (every
 * listener on 127.0.0.1), the ports that answer are exactly those of xmailkit's listener table, a line xmailkit says
 * stops XMail does stop it, and {@code -Cl} writes the password of a clear-text CTRL login to the CTRL log but only
 * a digest for an MD5 login. A command line that would bind every address is never run: its table is computed, and
 * only its variant bound to 127.0.0.1 runs.
 */
class StartupOptionsIT {

    @RegisterExtension
    static final RealXMail XMAIL = RealXMail.of("1.27");

    private static final Duration EXIT = Duration.ofSeconds(30);

    /** The ports xmailkit says answer on 127.0.0.1, for a command line given to XMail as its arguments. */
    private static Set<Integer> predicted(List<String> commandLine) {
        XMailOptions o = XMailCommandLine.options(commandLine);
        Set<Integer> out = new TreeSet<>();
        for (Listener l : o.listening()) {
            assertEquals("127.0.0.1", l.address(), "every listener of these tests binds 127.0.0.1: " + l);
            out.add(l.port());
        }
        return out;
    }

    /** The ports among the candidates that accept a connection on 127.0.0.1. */
    private static Set<Integer> answering(Set<Integer> candidates) {
        Set<Integer> out = new TreeSet<>();
        for (int p : candidates) {
            if (RealXMail.answers(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static int[] ports(int n) {
        Set<Integer> seen = new TreeSet<>();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int p;
            do {
                p = RealXMail.freePort();
            } while (!seen.add(p));
            out[i] = p;
        }
        return out;
    }

    /**
     * Runs XMail with the command line and compares the ports that answer with xmailkit's table.
     *
     * @param name       the run folder
     * @param options    the service options (after the fixture's -Ms COPY -Md)
     * @param candidates every port the command line mentions or could reach
     */
    private static void listensAsPredicted(String name, List<String> options, Set<Integer> candidates)
            throws IOException {
        try (RealXMail.Server xmail = XMAIL.on(XMAIL.shippedMailRoot(name))
                .name(name)
                .custom(options.toArray(String[]::new))
                .start()) {
            Set<Integer> predicted = predicted(xmail.commandLine());
            assertFalse(predicted.isEmpty());
            assertTrue(candidates.containsAll(predicted), () -> predicted + " outside the candidates " + candidates);
            assertEquals(
                    predicted,
                    answering(candidates),
                    () -> "command line " + xmail.commandLine() + "\nxmailkit: "
                            + XMailCommandLine.options(xmail.commandLine()).listening());
        }
    }

    @Test
    void everyServiceBoundWithAddressAndPort() throws IOException {
        int[] p = ports(7);
        List<String> line = List.of(
                "-SI",
                "127.0.0.1:" + p[0],
                "-PI",
                "127.0.0.1:" + p[1],
                "-CI",
                "127.0.0.1:" + p[2],
                "-XI",
                "127.0.0.1:" + p[3],
                "-BI",
                "127.0.0.1:" + p[4],
                "-WI",
                "127.0.0.1:" + p[5],
                "-FI",
                "127.0.0.1:" + p[6],
                "-Y-");
        listensAsPredicted("all-seven", line, set(p));
    }

    @Test
    void xmailCfgsRecommendedLineWithItsPortsBoundToLoopbackAndTheSslServicesClosed() throws IOException {
        // XMailCFG: -Cl -Mr 24 -Pl -Ql -Sl, then -Cp -Wp -Fp -Pp -Bp -Sp -Xp; as typed it binds every address, so
        // xmailkit's table for it is checked without running it, and the variant with -xI 127.0.0.1 runs.
        int[] p = ports(7);
        List<String> xmailcfg = List.of(
                "-Cl", "-Mr", "24", "-Pl", "-Ql", "-Sl", "-Cp", "" + p[0], "-Wp", "" + p[1], "-Fp", "" + p[2], "-Pp",
                "" + p[3], "-Bp", "" + p[4], "-Sp", "" + p[5], "-Xp", "" + p[6]);
        XMailOptions asTyped = XMailCommandLine.options(xmailcfg);
        assertEquals(7, asTyped.listening().size());
        assertTrue(asTyped.listening().stream().allMatch(Listener::everyAddress));
        List<String> bound = new ArrayList<>(xmailcfg);
        bound.addAll(List.of(
                "-SI",
                "127.0.0.1",
                "-PI",
                "127.0.0.1",
                "-CI",
                "127.0.0.1",
                "-FI",
                "127.0.0.1",
                "-X-",
                "-B-",
                "-W-",
                "-Y-"));
        listensAsPredicted("xmailcfg", bound, set(p));
        assertEquals(Set.of(p[0], p[2], p[3], p[5]), predicted(withFixture(bound)), "SMTPS, POP3S, CTRLS closed");
    }

    @Test
    void optionsXMailMisreadsOrIgnores() throws IOException {
        // A port above 65535 wraps, '|' separates a port, a zero port means the service's, -cl and a word no option
        // takes are ignored, and nothing after -X- is read for SMTPS.
        int[] p = ports(4);
        List<String> line = List.of(
                "-SI",
                "127.0.0.1",
                "-Sp",
                Integer.toString(p[0] + 65536),
                "-PI",
                "127.0.0.1|" + p[1],
                "-CI",
                "127.0.0.1:0",
                "-Cp",
                "" + p[2],
                "-FI",
                "127.0.0.1:" + p[3],
                "-cl",
                "stray",
                "-X-",
                "-XI",
                "::1",
                "-B-",
                "-W-",
                "-Y-");
        XMailOptions o = XMailCommandLine.options(withFixture(line));
        List<OptionIssue.Code> codes =
                o.issues().stream().map(OptionIssue::code).toList();
        assertTrue(
                codes.containsAll(List.of(
                        OptionIssue.Code.PORT_WRAPS,
                        OptionIssue.Code.UNKNOWN_OPTION,
                        OptionIssue.Code.STRAY_ARGUMENT,
                        OptionIssue.Code.AFTER_DISABLE)),
                codes::toString);
        listensAsPredicted("misread", line, set(p));
    }

    @Test
    void aNonNumericPortLetsTheSystemPickOne() throws IOException {
        int[] p = ports(1);
        List<String> line = List.of(
                "-SI", "127.0.0.1:" + p[0], "-PI", "127.0.0.1", "-Pp", "pop", "-C-", "-X-", "-B-", "-W-", "-F-", "-Y-");
        try (RealXMail.Server xmail = XMAIL.on(XMAIL.shippedMailRoot("any-port"))
                .name("any-port")
                .custom(line.toArray(String[]::new))
                .start()) {
            XMailOptions o = XMailCommandLine.options(xmail.commandLine());
            assertTrue(o.issues().stream().anyMatch(i -> i.code() == OptionIssue.Code.ANY_PORT));
            assertEquals(0, o.service(Group.POP3).listeners().get(0).port());
            assertTrue(RealXMail.answers(p[0]));
            assertTrue(xmail.stdout().contains("POP3 Server] started"), xmail::stdout);
        }
    }

    @Test
    void commandLinesXMailkitSaysStopXMailDoStopIt() throws IOException {
        int[] p = ports(2);
        List<List<String>> lines = new ArrayList<>();
        // two services on one address and port
        lines.add(List.of(
                "-SI", "127.0.0.1:" + p[0], "-PI", "127.0.0.1:" + p[0], "-C-", "-X-", "-B-", "-W-", "-F-", "-Y-"));
        // 33 addresses for POP3
        List<String> many = new ArrayList<>(List.of("-S-", "-C-", "-X-", "-B-", "-W-", "-F-", "-Y-"));
        for (int i = 1; i <= 33; i++) {
            many.addAll(List.of("-PI", "127.0.0." + i + ":" + p[1]));
        }
        lines.add(many);
        // an IPv4 address while -M6 asks for IPv6
        lines.add(List.of("-M6", "-SI", "127.0.0.1:" + p[0], "-P-", "-C-", "-X-", "-B-", "-W-", "-F-", "-Y-"));
        // an IPv6 address without -M6 (IPv4 only is the default)
        lines.add(List.of("-SI", "[::1]:" + p[0], "-P-", "-C-", "-X-", "-B-", "-W-", "-F-", "-Y-"));
        for (int i = 0; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            XMailOptions o = XMailCommandLine.options(withFixture(line));
            assertTrue(o.startFailure().isPresent(), () -> "xmailkit says XMail starts with " + line);
            assertEquals(List.of(), o.listening());
            RealXMail.Server xmail = XMAIL.on(XMAIL.shippedMailRoot("stops-" + i))
                    .name("stops-" + i)
                    .custom(line.toArray(String[]::new))
                    .spawn();
            OptionalInt exit = xmail.awaitExit(EXIT);
            assertTrue(
                    exit.isPresent() && exit.getAsInt() != 0,
                    () -> "exit " + exit + " for " + line + "\n" + xmail.stdout());
            assertFalse(xmail.stdout().contains(" server started"), xmail::stdout);
            assertFalse(RealXMail.answers(p[0]));
        }
    }

    @Test
    void aZeroLogRotationStartsXMailButEndsItAtItsFirstLogLine() throws IOException {
        // MailSvr.cpp SvrSetup reads -Mr with atoi; MiscUtils.cpp MscLogFilePath divides by 3600 * iLogRotateHours
        // (NbrFloor) each time a log line is written.
        int[] p = ports(1);
        List<String> line =
                List.of("-CI", "127.0.0.1:" + p[0], "-Cl", "-Mr", "0", "-S-", "-P-", "-X-", "-B-", "-W-", "-F-", "-Y-");
        XMailOptions o = XMailCommandLine.options(withFixture(line));
        assertTrue(o.startFailure().isEmpty(), "it starts");
        OptionIssue rotate = o.issues().stream()
                .filter(i -> i.code() == OptionIssue.Code.LOG_ROTATE_ZERO)
                .findFirst()
                .orElseThrow();
        assertEquals(OptionIssue.Treatment.CRASHES, rotate.treatment());
        try (RealXMail.Server xmail = XMAIL.on(XMAIL.shippedMailRoot("rotate-zero"))
                .name("rotate-zero")
                .custom(line.toArray(String[]::new))
                .start()) {
            assertTrue(RealXMail.answers(p[0]), "CTRL answers until the first log line");
            try (LineClient ctrl = LineClient.connect(p[0])) {
                assertTrue(ctrl.line().startsWith("+00000"));
                // The login line is logged (CTRLLogSession, status REQ) before the account is checked.
                ctrl.write("nobody\tnothing");
                ctrl.line();
            }
            OptionalInt exit = xmail.awaitExit(EXIT);
            assertTrue(exit.isPresent() && exit.getAsInt() != 0, () -> "exit " + exit + "\n" + xmail.stdout());
            assertFalse(RealXMail.answers(p[0]));
        }
        // With no log switch on, nothing divides by it: the server keeps running.
        List<String> quiet =
                List.of("-CI", "127.0.0.1:" + p[0], "-Mr", "0", "-S-", "-P-", "-X-", "-B-", "-W-", "-F-", "-Y-");
        assertEquals(
                OptionIssue.Treatment.NOTE,
                XMailCommandLine.options(withFixture(quiet)).issues().stream()
                        .filter(i -> i.code() == OptionIssue.Code.LOG_ROTATE_ZERO)
                        .findFirst()
                        .orElseThrow()
                        .treatment());
        try (RealXMail.Server xmail = XMAIL.on(XMAIL.shippedMailRoot("rotate-zero-quiet"))
                .name("rotate-zero-quiet")
                .custom(quiet.toArray(String[]::new))
                .start()) {
            try (LineClient ctrl = LineClient.connect(p[0])) {
                ctrl.line();
                ctrl.write("nobody\tnothing");
                assertTrue(ctrl.line().startsWith("-"), "a refused login, and no crash");
            }
            assertTrue(xmail.awaitExit(Duration.ofSeconds(2)).isEmpty(), xmail::stdout);
        }
    }

    @Test
    void theCtrlLogHoldsTheClearTextPasswordButOnlyTheDigestOfAnMd5Login() throws Exception {
        String password = "Ctrl-Log-Pw-7";
        Path root = XMAIL.shippedMailRoot("ctrl-log");
        Files.writeString(
                root.resolve("ctrlaccounts.tab"),
                "\"admin\"\t\"" + XMailPassword.encode(password) + "\"\n",
                StandardCharsets.US_ASCII);
        int[] p = ports(1);
        List<String> line = List.of("-CI", "127.0.0.1:" + p[0], "-S-", "-P-", "-X-", "-B-", "-W-", "-F-", "-Y-", "-Cl");
        // xmailkit's audit of this MailRoot with this command line reports the passwords in the CTRL log (OPT-004)
        AuditResult audit = Auditor.standard()
                .audit(
                        MailRoot.open(root),
                        AuditOptions.defaults().withStartup(Optional.of(Startups.typed(String.join(" ", line)))));
        assertTrue(audit.findings().stream().anyMatch(f -> f.rule().id().equals("OPT-004")), () -> audit.findings()
                .toString());

        try (RealXMail.Server xmail = XMAIL.on(root)
                .name("ctrl-log")
                .custom(line.toArray(String[]::new))
                .start()) {
            String digest;
            try (LineClient ctrl = LineClient.connect(p[0])) {
                String greeting = ctrl.line();
                String stamp = greeting.substring(greeting.indexOf('<'), greeting.indexOf('>') + 1);
                digest = md5(stamp + password);
                assertEquals("+00000 OK", ctrl.ask("admin\t#" + digest).strip());
                ctrl.ask("quit");
            }
            String afterMd5 = ctrlLog(xmail, "#" + digest + "\"\t");
            assertTrue(afterMd5.contains("#" + digest), afterMd5);
            assertFalse(afterMd5.contains(password), "an MD5 login leaves no password in the log");
            try (LineClient ctrl = LineClient.connect(p[0])) {
                ctrl.line();
                assertEquals("+00000 OK", ctrl.ask("admin\t" + password).strip());
                ctrl.ask("quit");
            }
            String afterClear = ctrlLog(xmail, "\"" + password + "\"\t");
            assertTrue(afterClear.contains("\"admin\"\t\"" + password + "\""), afterClear);
        }
    }

    /**
     * @param xmail the server
     * @param until text the log is expected to hold once written
     * @return everything in the CTRL log files (logs/ctrl-*), after waiting at most 4 s for the text
     */
    private static String ctrlLog(RealXMail.Server xmail, String until) throws IOException, InterruptedException {
        String text = "";
        for (int i = 0; i < 40; i++) {
            StringBuilder b = new StringBuilder();
            if (Files.isDirectory(xmail.logs())) {
                try (Stream<Path> files = Files.list(xmail.logs())) {
                    for (Path f : files.filter(f -> f.getFileName().toString().startsWith("ctrl-"))
                            .sorted()
                            .toList()) {
                        b.append(Files.readString(f, StandardCharsets.ISO_8859_1));
                    }
                }
            }
            text = b.toString();
            if (text.contains(until) && text.lines().anyMatch(l -> l.contains(until) && l.endsWith("\"AUTH\""))) {
                return text;
            }
            Thread.sleep(100);
        }
        return text;
    }

    private static String md5(String s) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** The command line as the fixture runs it: -Ms COPY -Md first. */
    private static List<String> withFixture(List<String> options) {
        List<String> out = new ArrayList<>(List.of("-Ms", "/mailroot", "-Md"));
        out.addAll(options);
        return out;
    }

    private static Set<Integer> set(int... ports) {
        Set<Integer> out = new TreeSet<>();
        for (int p : ports) {
            out.add(p);
        }
        return out;
    }
}
