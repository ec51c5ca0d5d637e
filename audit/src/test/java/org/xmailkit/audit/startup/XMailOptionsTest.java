package org.xmailkit.audit.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.startup.OptionIssue.Code;
import org.xmailkit.audit.startup.OptionIssue.Treatment;

/**
 * What XMail 1.27 makes of a command line. The cases marked "real XMail" were run against a locally built XMail
 * 1.27 bound to 127.0.0.1; the others follow MailSvr.cpp, MiscUtils.cpp and StrUtils.cpp.
 */
class XMailOptionsTest {

    static XMailOptions parse(Platform platform, String line) {
        List<Arg> args = new ArrayList<>();
        for (String t : Tokens.split(line)) {
            args.add(new Arg(t, Place.typed("--cmdline"), false));
        }
        return XMailOptions.parse(args, platform);
    }

    static XMailOptions parse(String line) {
        return parse(Platform.UNIX, line);
    }

    static List<String> listening(XMailOptions o) {
        return o.listening().stream()
                .map(l -> l.service().label() + " " + l.display())
                .toList();
    }

    static List<Code> codes(XMailOptions o) {
        return o.issues().stream().map(OptionIssue::code).toList();
    }

    static Optional<OptionIssue> issue(XMailOptions o, Code code) {
        return o.issues().stream().filter(i -> i.code() == code).findFirst();
    }

    @Test
    void xmailCfgsRecommendedLineListensOnEveryAddressWithTheDefaultPortsAndLogsFourServices() {
        XMailOptions o = parse("-Cl -Mr 24 -Pl -Ql -Sl -Cp 6017 -Wp 6018 -Fp 79 -Pp 110 -Bp 995 -Sp 25 -Xp 465");
        assertEquals(
                List.of(
                        "SMTP 0.0.0.0:25",
                        "SMTPS 0.0.0.0:465",
                        "POP3 0.0.0.0:110",
                        "POP3S 0.0.0.0:995",
                        "CTRL 0.0.0.0:6017",
                        "CTRLS 0.0.0.0:6018",
                        "FINGER 0.0.0.0:79"),
                listening(o));
        assertEquals(List.of(), o.issues());
        assertEquals(List.of(Switch.SL, Switch.PL, Switch.CL, Switch.QL), o.logSwitches());
        assertTrue(o.logs(Group.CTRLS), "CTRLS shares the CTRL log");
        assertEquals("24", o.setting(Switch.MR).orElseThrow().value());
    }

    @Test
    void noArgumentsMeansEveryServiceOnItsDefaultPortOnEveryAddress() {
        XMailOptions o = parse("");
        assertEquals(7, o.listening().size());
        assertTrue(o.listening().stream().allMatch(Listener::everyAddress));
        assertTrue(o.enabled(Group.PSYNC));
    }

    @Test
    void disablingSwitchesCloseServices() {
        XMailOptions o = parse("-X- -B- -W- -F- -Y-");
        assertEquals(List.of("SMTP 0.0.0.0:25", "POP3 0.0.0.0:110", "CTRL 0.0.0.0:6017"), listening(o));
        assertFalse(o.enabled(Group.PSYNC));
        assertFalse(o.enabled(Group.SMTPS));
    }

    @Test
    void unknownAndMisspeltOptionsAreIgnoredWithADidYouMean() {
        // real XMail: -Zq -Pz -cl foo -Clxyz started normally with the listeners of the rest
        XMailOptions o = parse("-Zq -Pz -cl foo -Clxyz -Xl /Sl");
        assertEquals(
                "-Zq: XMail 1.27 has no such option and ignores it",
                o.issues().get(0).message(Locale.ENGLISH));
        assertEquals(List.of("-Pz", ""), issueArgs(o, 1));
        assertEquals(List.of("-cl", "-Cl"), issueArgs(o, 2));
        assertEquals(Code.STRAY_ARGUMENT, o.issues().get(3).code());
        assertEquals(List.of("-Clxyz", "-Cl"), issueArgs(o, 4));
        assertEquals(Code.TRAILING_TEXT, o.issues().get(4).code());
        assertTrue(o.has(Switch.CL), "-Clxyz reads as -Cl");
        assertEquals(List.of("-Xl", "-Sl"), issueArgs(o, 5));
        assertEquals(List.of("/Sl", "-Sl"), issueArgs(o, 6));
        assertTrue(o.issues().stream()
                .allMatch(i -> i.treatment() == Treatment.IGNORED || i.treatment() == Treatment.MISREAD));
        assertTrue(o.startFailure().isEmpty());
    }

    private static List<String> issueArgs(XMailOptions o, int arg) {
        return o.issues().stream()
                .filter(i -> i.arg() == arg)
                .findFirst()
                .orElseThrow()
                .args();
    }

    @Test
    void removedOptionsAreNamedWithTheVersionThatRemovedThem() {
        XMailOptions o = parse("-Ma 30000 -Qx");
        assertEquals(
                List.of("-Ma", "0.65"),
                issue(o, Code.REMOVED_OPTION).orElseThrow().args());
        assertEquals(Code.STRAY_ARGUMENT, o.issues().get(1).code(), "the old value is left over");
    }

    @Test
    void aNonNumericPortReadsAsZeroAndTheSystemPicksAPort() {
        // real XMail: -PI 127.0.0.1 -Pp abc listened on an ephemeral port of 127.0.0.1
        XMailOptions o = parse("-PI 127.0.0.1 -Pp abc");
        assertEquals(
                List.of("-Pp", "abc", "0"),
                issue(o, Code.NOT_A_NUMBER).orElseThrow().args());
        assertTrue(issue(o, Code.ANY_PORT).isPresent());
        assertTrue(listening(o).contains("POP3 127.0.0.1:*"));
    }

    @Test
    void portsOutsideSixteenBitsWrap() {
        // real XMail: -Pp 112646 and -Pp -18426 both listened on 47110
        assertTrue(listening(parse("-PI 127.0.0.1 -Pp 112646")).contains("POP3 127.0.0.1:47110"));
        XMailOptions neg = parse("-PI 127.0.0.1 -Pp -18426");
        assertTrue(listening(neg).contains("POP3 127.0.0.1:47110"));
        assertEquals(
                List.of("-Pp", "-18426", "47110"),
                issue(neg, Code.PORT_WRAPS).orElseThrow().args());
    }

    @Test
    void addressPortsFollowTheLastSeparatorAndZeroOrJunkMeansTheServicePort() {
        // real XMail: each of these listened where the table says
        XMailOptions o = parse("-Pp 47111 -PI 127.0.0.1:0 -PI 127.0.0.2:abc -PI 127.0.0.3|47112 -PI 127.0.0.4;47113");
        assertEquals(
                List.of("127.0.0.1:47111", "127.0.0.2:47111", "127.0.0.3:47112", "127.0.0.4:47113"),
                o.service(Group.POP3).listeners().stream()
                        .map(Listener::display)
                        .toList());
    }

    @Test
    void anIpv6AddressNeedsTheIpv6FamilyAndABareOneIsMisreadAsAddressAndPort() {
        // real XMail: "-PI ::1" and "-PI [::1]:47116" without -M6 both stopped it with "Invalid server address"
        XMailOptions bare = parse("-PI ::1");
        assertEquals(Code.BAD_ADDRESS, bare.startFailure().orElseThrow().code());
        assertEquals(List.of(), bare.listening());
        XMailOptions bracketed = parse("-PI [::1]:47116");
        assertEquals(
                Code.FAMILY_MISMATCH, bracketed.startFailure().orElseThrow().code());
        XMailOptions v6 = parse("-M6 -PI [::1]:47116");
        assertTrue(v6.startFailure().isEmpty());
        assertTrue(listening(v6).contains("POP3 [::1]:47116"));
        // real XMail: -M6 -PI 127.0.0.1:47117 stopped it too
        assertEquals(
                Code.FAMILY_MISMATCH,
                parse("-M6 -PI 127.0.0.1:47117").startFailure().orElseThrow().code());
        assertTrue(parse("-M5 -PI 127.0.0.1 -SI [::1]").startFailure().isEmpty());
    }

    @Test
    void moreThanThirtyTwoAddressesStopTheStart() {
        // real XMail: 33 -PI stopped it with "Too many elements", 32 started
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 32; i++) {
            b.append(" -PI 127.0.0.").append(i).append(":47130");
        }
        assertTrue(parse(b.toString()).startFailure().isEmpty());
        assertEquals(
                Code.TOO_MANY_ADDRESSES,
                parse(b + " -PI 127.0.0.33:47130").startFailure().orElseThrow().code());
    }

    @Test
    void twoListenersOnOneAddressAndPortStopTheStartOnLinuxOnly() {
        // real XMail (Linux): SMTP and POP3 on 127.0.0.1:47120, SMTP twice, and 127.0.0.1 with 0.0.0.0 all stopped it
        assertEquals(
                Code.BIND_CONFLICT,
                parse("-SI 127.0.0.1:47120 -PI 127.0.0.1:47120")
                        .startFailure()
                        .orElseThrow()
                        .code());
        assertEquals(
                Code.BIND_CONFLICT,
                parse("-SI 127.0.0.1:47121 -SI 127.0.0.1:47121")
                        .startFailure()
                        .orElseThrow()
                        .code());
        assertEquals(
                Code.BIND_CONFLICT,
                parse("-SI 127.0.0.1:47121 -SI 0.0.0.0:47121")
                        .startFailure()
                        .orElseThrow()
                        .code());
        XMailOptions windows = parse(Platform.WINDOWS, "-SI 127.0.0.1:47120 -PI 127.0.0.1:47120");
        assertTrue(windows.startFailure().isEmpty());
        assertEquals(
                Treatment.UNDEFINED,
                issue(windows, Code.BIND_CONFLICT).orElseThrow().treatment());
        assertTrue(
                parse("-SI 127.0.0.1:47122 -PI 127.0.0.2:47122").startFailure().isEmpty());
        // CTRL is set up before POP3 (SvrMain's order), so POP3 is the one that cannot bind.
        OptionIssue clash = parse("-Pp 6017").startFailure().orElseThrow();
        assertEquals(List.of("POP3", "0.0.0.0:6017", "CTRL", "0.0.0.0:6017"), clash.args());
    }

    @Test
    void theSslServicesStopReadingAtTheirOffSwitchTheOthersDoNot() {
        // real XMail: "-X- -XI ::1" started; "-XI ::1 -X-" and "-PI ::1 -P-" did not
        XMailOptions after = parse("-X- -XI ::1");
        assertTrue(after.startFailure().isEmpty());
        assertEquals(Code.AFTER_DISABLE, after.issues().get(0).code());
        assertEquals(
                Code.BAD_ADDRESS,
                parse("-XI ::1 -X-").startFailure().orElseThrow().code());
        assertEquals(
                Code.BAD_ADDRESS,
                parse("-PI ::1 -P-").startFailure().orElseThrow().code());
    }

    @Test
    void aValueTakingOptionSwallowsTheNextArgumentWhateverItIs() {
        // real XMail: "-PI 127.0.0.1:47140 -Pp" (dangling) started on 47140
        assertEquals(Code.MISSING_VALUE, codes(parse("-PI 127.0.0.1:47140 -Pp")).get(0));
        XMailOptions swallowed = parse("-Pp -Pl");
        assertFalse(swallowed.has(Switch.PL));
        assertEquals(
                List.of("-Pp", "-Pl"),
                issue(swallowed, Code.VALUE_IS_OPTION).orElseThrow().args());
        XMailOptions other = parse("-Ms -Sl");
        assertTrue(other.has(Switch.SL), "every service scans the arguments on its own");
        assertEquals("-Sl", other.mailRoot().orElseThrow());
    }

    @Test
    void aZeroLogRotationKillsXMailOnceALogIsOn() {
        // real XMail: -Mr 0 -Cl died with SIGFPE at the first CTRL login
        assertEquals(
                Treatment.CRASHES,
                issue(parse("-Mr 0 -Cl"), Code.LOG_ROTATE_ZERO).orElseThrow().treatment());
        assertEquals(
                Treatment.NOTE,
                issue(parse("-Mr 0"), Code.LOG_ROTATE_ZERO).orElseThrow().treatment());
        assertTrue(issue(parse("-Mr 0 -Mr 24 -Sl"), Code.LOG_ROTATE_ZERO).isEmpty());
        assertEquals(
                Treatment.CRASHES,
                issue(parse("-Mr hours -Sl"), Code.LOG_ROTATE_ZERO)
                        .orElseThrow()
                        .treatment());
    }

    @Test
    void anUnquotedPathWithABlankIsCutAndTheRestIgnored() {
        XMailOptions o = parse(Platform.WINDOWS, "-Ms C:\\Program Files\\MailRoot\\ -Sl");
        assertEquals("C:\\Program", o.mailRoot().orElseThrow());
        OptionIssue stray = issue(o, Code.STRAY_ARGUMENT).orElseThrow();
        assertEquals(List.of("Files\\MailRoot\\", "-Ms \"C:\\Program Files\\MailRoot\\\""), stray.args());
        assertEquals(
                "C:\\Program Files\\MailRoot",
                parse(Platform.WINDOWS, "-Ms \"C:\\Program Files\\MailRoot\\\"")
                        .mailRoot()
                        .orElseThrow());
    }

    @Test
    void threadCountsAreClampedAndZeroConnectionLimitsRefuseEveryone() {
        XMailOptions o = parse("-Qn 300 -Yt 0 -Ln 5 -PX 0");
        assertEquals("256", o.setting(Switch.QN).orElseThrow().value());
        assertEquals("1", o.setting(Switch.YT).orElseThrow().value());
        assertEquals("5", o.setting(Switch.LN).orElseThrow().value());
        assertEquals(Treatment.MISREAD, issue(o, Code.NO_THREADS).orElseThrow().treatment());
        assertEquals("29", parse("-Mx 24").setting(Switch.MX).orElseThrow().value());
        assertEquals(
                Treatment.CRASHES,
                issue(parse("-Mx 0"), Code.DIVISOR_ZERO).orElseThrow().treatment());
    }

    @Test
    void debugModeGivenOnlyInMailCmdLineStillDetachesOnUnix() {
        // real XMail: MAIL_CMD_LINE=-Md without -Md on the command line detached (exit 0, no output)
        List<Arg> env = List.of(new Arg("-Md", Place.typed("MAIL_CMD_LINE"), true));
        assertTrue(issue(XMailOptions.parse(env, Platform.UNIX), Code.DEBUG_NOT_FOREGROUND)
                .isPresent());
        List<Arg> argv = List.of(new Arg("-Md", Place.typed("command"), false));
        assertTrue(issue(XMailOptions.parse(argv, Platform.UNIX), Code.DEBUG_NOT_FOREGROUND)
                .isEmpty());
        assertTrue(issue(XMailOptions.parse(env, Platform.WINDOWS), Code.DEBUG_NOT_FOREGROUND)
                .isEmpty());
    }

    @Test
    void ipv6SwitchesBindTheIpv6WildcardUnlessAddressesAreGiven() {
        assertTrue(listening(parse("-S6 -X- -B- -W- -P- -C- -F-")).contains("SMTP [::]:25"));
        XMailOptions o = parse("-S6 -SI 127.0.0.1");
        assertTrue(issue(o, Code.V6_IGNORED).isPresent());
        assertTrue(listening(o).contains("SMTP 127.0.0.1:25"));
        // real XMail: -PI localhost:47141 listened on 127.0.0.1
        assertTrue(listening(parse("-PI localhost:47141")).contains("POP3 127.0.0.1:47141"));
        XMailOptions named = parse("-SI mail.example.jp");
        assertEquals(
                Listener.Kind.NAME, named.service(Group.SMTP).listeners().get(0).kind());
        assertTrue(issue(named, Code.HOST_NAME).isPresent());
    }

    @Test
    void laterValuesWinAndRepeatsAreNoted() {
        // real XMail: argv "-Pp 47142" then MAIL_CMD_LINE "-Pp 47143" listened on 47143
        XMailOptions o = parse("-PI 127.0.0.1 -Pp 47142 -Pp 47143");
        assertTrue(listening(o).contains("POP3 127.0.0.1:47143"));
        assertEquals(
                List.of("-Pp", "47142", "47143"),
                issue(o, Code.REPEATED).orElseThrow().args());
    }

    @Test
    void everyIssueHasItsTextInBothLanguages() {
        XMailOptions o =
                parse("-Zq -cl -Pp -Pl -Ma 1 -Mr 0 -Sl -Qn 999 -Pp 70000 -Pp abc -Ms a b -S6 -SI x.jp" + " -X- -XI 1");
        for (OptionIssue i : o.issues()) {
            for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                String m = i.message(l);
                assertFalse(m.contains("{"), m);
            }
        }
        for (Switch s : Switch.values()) {
            assertTrue(StartupMessages.has(Locale.ENGLISH, s.meaningKey()), s.flag());
        }
    }

    @Test
    void aHostileCommandLineOfAMegabyteIsReadWholeAndEveryWordReported() {
        // A path cut at its blanks followed by 150 000 words: each is reported, without a hint as long as the line.
        String line = "-Ms C:\\Mail" + " x".repeat(150_000) + " -Sl";
        XMailOptions o = parse(Platform.WINDOWS, line);
        assertEquals(
                150_000,
                o.issues().stream().filter(i -> i.code() == Code.STRAY_ARGUMENT).count());
        assertTrue(o.has(Switch.SL));
        assertEquals("", issue(o, Code.STRAY_ARGUMENT).orElseThrow().args().get(1));
        assertTrue(o.issues().stream().allMatch(i -> String.join("", i.args()).length() < 300));
    }
}
