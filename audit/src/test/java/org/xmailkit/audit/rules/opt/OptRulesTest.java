package org.xmailkit.audit.rules.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.audit.rules.OptRules;
import org.xmailkit.audit.rules.sec.Pop3PasswordsLogged;
import org.xmailkit.audit.startup.OptionIssue;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.audit.startup.Startups;
import org.xmailkit.audit.testing.RuleCheck;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.testing.MailRootFixture;

/** The OPT rules over command lines and MailRoots. */
class OptRulesTest {

    /** XMailCFG's recommended options and the ports it appends. */
    static final String XMAILCFG = "-Cl -Mr 24 -Pl -Ql -Sl -Cp 6017 -Wp 6018 -Fp 79 -Pp 110 -Bp 995 -Sp 25 -Xp 465";

    @TempDir
    Path dir;

    private MailRoot root(String serverTab, String... files) {
        MailRootFixture f = MailRootFixture.in(dir).serverTab(serverTab);
        for (int i = 0; i + 1 < files.length; i += 2) {
            f.file(files[i], files[i + 1]);
        }
        return f.open();
    }

    private static List<Finding> run(Rule rule, MailRoot root, String cmdline) {
        return run(rule, root, Startups.typed(cmdline));
    }

    private static List<Finding> run(Rule rule, MailRoot root, Startup startup) {
        AuditOptions o = RuleCheck.options().withStartup(Optional.of(startup));
        return RuleCheck.findings(rule, root, o);
    }

    @Test
    void theGroupIsNumberedInOrderAndCitesSources() {
        for (int i = 0; i < OptRules.ALL.size(); i++) {
            RuleInfo info = OptRules.ALL.get(i).info();
            assertEquals(String.format("OPT-%03d", i + 1), info.id());
            assertFalse(info.references().isEmpty(), info.id());
            assertTrue(info.needs().contains(RuleInfo.Need.STARTUP), info.id() + " needs the command line");
        }
    }

    @Test
    void withoutACommandLineEveryOptRuleIsNotApplicableAndSaysWhatItNeeds() {
        MailRoot r = root("");
        AuditResult result = new Auditor(OptRules.ALL).audit(r, RuleCheck.options());
        assertTrue(result.outcomes().stream().allMatch(o -> o.status() == RuleOutcome.Status.NOT_APPLICABLE));
        assertTrue(result.outcomes()
                .get(0)
                .reason()
                .orElseThrow()
                .render(Locale.ENGLISH)
                .contains("--registry"));
    }

    @Test
    void sslOnlyServicesWithoutCertificateNameTheOpenPorts() {
        MailRoot r = root("");
        Finding f = RuleCheck.single(run(new SslOnlyWithoutCertificate(), r, XMAILCFG), "msg.OPT-001.noCertificate");
        assertEquals(
                List.of("server.cert, server.key", "SMTPS 0.0.0.0:465, POP3S 0.0.0.0:995, CTRLS 0.0.0.0:6018"),
                f.message().args());
        assertEquals(List.of(), run(new SslOnlyWithoutCertificate(), r, XMAILCFG + " -X- -B- -W-"));
        MailRoot withCert = MailRootFixture.in(dir.resolve("c"))
                .serverTab("")
                .file("server.cert", "c")
                .file("server.key", "k")
                .open();
        assertEquals(List.of(), run(new SslOnlyWithoutCertificate(), withCert, XMAILCFG));
    }

    @Test
    void ctrlOnEveryAddressSaysWhetherTheIpmapLetsTheInternetIn() {
        MailRoot open = root("", "ctrl.ipmap.tab", "\"0.0.0.0\"\t\"0.0.0.0\"\t\"ALLOW\"\t1\n");
        Finding f = RuleCheck.single(run(new CtrlOnEveryAddress(), open, XMAILCFG), "msg.OPT-002.open");
        assertEquals(
                List.of("CTRL 0.0.0.0:6017, CTRLS 0.0.0.0:6018"), f.message().args());
        assertEquals(List.of(), run(new CtrlOnEveryAddress(), open, "-CI 127.0.0.1 -W-"));
        MailRoot closed = MailRootFixture.in(dir.resolve("b"))
                .serverTab("")
                .file(
                        "ctrl.ipmap.tab",
                        "\"0.0.0.0\"\t\"0.0.0.0\"\t\"DENY\"\t1\n\"127.0.0.1\"\t\"255.255.255.255\"\t\"ALLOW\"\t2\n")
                .open();
        RuleCheck.single(run(new CtrlOnEveryAddress(), closed, "-W-"), "msg.OPT-002.restricted");
    }

    @Test
    void plainPop3OnEveryAddressIsStrictAdvice() {
        assertEquals(RuleInfo.STRICT_ONLY, Pop3OnEveryAddress.INFO.profiles());
        RuleCheck.single(run(new Pop3OnEveryAddress(), root(""), ""), "msg.OPT-003.open");
        assertEquals(List.of(), run(new Pop3OnEveryAddress(), root(""), "-PI 192.168.1.10"));
    }

    @Test
    void theCtrlLogFindingPointsAtTheOptionWhereItIsWritten() throws Exception {
        MailRoot r = root("");
        Finding f = RuleCheck.single(run(new CtrlLogPasswords(), r, XMAILCFG), "msg.OPT-004.logged");
        assertEquals(Category.CREDENTIALS, f.rule().category());
        assertEquals(List.of(), run(new CtrlLogPasswords(), r, "-Cl -C- -W-"), "no CTRL, nothing logged");
        assertEquals(List.of(), run(new CtrlLogPasswords(), r, "-Sl"));
        Path reg = dir.resolve("xmail.reg");
        Files.writeString(
                reg,
                "REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\GNU\\XMail]\r\n" + "\"MAIL_CMD_LINE\"=\"" + XMAILCFG
                        + "\"\r\n");
        Finding fromReg =
                RuleCheck.single(run(new CtrlLogPasswords(), r, Startups.registry(reg)), "msg.OPT-004.logged");
        assertEquals(reg, fromReg.location().file());
        assertEquals(4, fromReg.location().line());
    }

    @Test
    void pop3PasswordsAreLoggedOnlyWithMinusPlAndSec008DefersToIt() {
        MailRoot r = root("\"Pop3LogPasswd\"\t\"2\"\n");
        Finding f = RuleCheck.single(run(new Pop3LogPasswords(), r, XMAILCFG), "msg.OPT-005.always");
        assertEquals(1, f.location().line());
        assertEquals(List.of(), run(new Pop3LogPasswords(), r, "-Sl"));
        Pop3PasswordsLogged sec008 = new Pop3PasswordsLogged();
        assertEquals(List.of(), run(sec008, r, XMAILCFG), "OPT-005 reports it");
        RuleCheck.single(run(sec008, r, "-Sl"), "msg.SEC-008.always.nolog");
        RuleCheck.single(RuleCheck.findings(sec008, r), "msg.SEC-008.always");
    }

    @Test
    void fingerOnUnlessMinusF() {
        RuleCheck.single(run(new FingerOn(), root(""), XMAILCFG), "msg.OPT-006.open");
        assertEquals(List.of(), run(new FingerOn(), root(""), "-F-"));
    }

    @Test
    void debugModeDependsOnThePlatform() throws Exception {
        MailRoot r = root("");
        RuleCheck.single(run(new DebugMode(), r, "-Md"), "msg.OPT-007.any");
        RuleCheck.single(run(new DebugMode(), r, "XMail.exe -Md"), "msg.OPT-007.windows");
        Path unit = Files.writeString(
                dir.resolve("x.service"),
                "[Service]\nEnvironment=\"MAIL_CMD_LINE=-Md -Sl\"\nExecStart=/opt/xmail/bin/XMail\n");
        RuleCheck.single(run(new DebugMode(), r, Startups.serviceFile(unit)), "msg.OPT-007.detached");
        assertEquals(List.of(), run(new DebugMode(), r, XMAILCFG));
    }

    @Test
    void listenerConflictsStartFailuresAndIgnoredOptionsAreSeparateFindings() {
        MailRoot r = root("");
        String line = "-SI 127.0.0.1:2525 -PI 127.0.0.1:2525 -cl -Pp abc -Mr 0 -Sl";
        assertEquals(1, run(new ListenerConflict(), r, line).size());
        List<Finding> ignored = run(new OptionIgnored(), r, line);
        assertEquals(
                List.of("issue.NOT_A_NUMBER", "issue.UNKNOWN_OPTION"),
                issues(ignored).stream().sorted().toList());
        assertTrue(ignored.stream().anyMatch(f -> f.message(Locale.ENGLISH).contains("did you mean -Cl?")));
        List<Finding> fatal = run(new StartFailure(), r, line);
        assertEquals(List.of("issue.LOG_ROTATE_ZERO"), issues(fatal));
        assertEquals(List.of("issue.BAD_ADDRESS"), issues(run(new StartFailure(), r, "-PI ::1")));
    }

    /** @return the start-up model's issue each finding shows (its one value), by key */
    private static List<String> issues(List<Finding> findings) {
        return findings.stream()
                .map(f -> ((OptionIssue) f.message().args().get(0)).key())
                .toList();
    }

    @Test
    void optionsNewerThanTheSourceOrChangedSinceAreUpgradeFindings() {
        MailRoot r = root("");
        AuditOptions from = RuleCheck.options()
                .withStartup(Optional.of(Startups.typed("-Mr 7 -F- -Ma 1 -Sl")))
                .withFrom(Optional.of(XMailVersion.parse("0.60")));
        List<Finding> f = RuleCheck.findings(new OptionHistory(), r, from);
        assertEquals(
                List.of("msg.OPT-011.added.certain", "msg.OPT-011.hours.certain", "msg.OPT-011.removed"),
                f.stream().map(x -> x.message().key()).sorted().toList());
        assertEquals(
                List.of("-F-", "1.24", "0.60"),
                RuleCheck.single(f, "msg.OPT-011.added.certain").message().args());
        AuditOptions recent = from.withFrom(Optional.of(XMailVersion.parse("1.26")));
        assertEquals(
                List.of("msg.OPT-011.removed"),
                RuleCheck.findings(new OptionHistory(), r, recent).stream()
                        .map(x -> x.message().key())
                        .toList());
    }
}
