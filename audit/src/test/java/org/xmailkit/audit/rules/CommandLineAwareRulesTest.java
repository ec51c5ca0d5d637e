package org.xmailkit.audit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.rules.sec.CtrlOpenToAnyone;
import org.xmailkit.audit.rules.sec.FingerOpenToAnyone;
import org.xmailkit.audit.rules.sec.Pop3PasswordsLogged;
import org.xmailkit.audit.rules.upg.TlsOnByDefault;
import org.xmailkit.audit.startup.Startups;
import org.xmailkit.audit.testing.RuleCheck;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;

/**
 * The rules that used to say "unless XMail is started with ..." use the real command line when it is known, and
 * keep saying so when it is not.
 */
class CommandLineAwareRulesTest {

    @TempDir
    Path dir;

    private static List<Finding> run(Rule rule, MailRoot root, String cmdline, String from) {
        AuditOptions o = RuleCheck.options().withFrom(Optional.of(XMailVersion.parse(from)));
        if (cmdline != null) {
            o = o.withStartup(Optional.of(Startups.typed(cmdline)));
        }
        return RuleCheck.findings(rule, root, o);
    }

    @Test
    void ctrlOpenToAnyoneCountsOnlyTheCtrlSocketsThatReallyListenBeyondLoopback() {
        MailRoot r = RuleCheck.root(dir, "");
        Finding unknown = RuleCheck.single(run(new CtrlOpenToAnyone(), r, null, "1.27"), "msg.SEC-011.missing");
        assertTrue(
                unknown.message(Locale.ENGLISH).contains("unless the command line, not known here, binds them"),
                unknown.message(Locale.ENGLISH));
        assertTrue(unknown.message(Locale.JAPANESE).contains("コマンドライン (ここでは不明)"), unknown.message(Locale.JAPANESE));
        Finding known =
                RuleCheck.single(run(new CtrlOpenToAnyone(), r, "-W-", "1.27"), "msg.SEC-011.missing.listening");
        assertTrue(known.message(Locale.ENGLISH).contains("CTRL 0.0.0.0:6017"), known.message(Locale.ENGLISH));
        assertEquals(List.of(), run(new CtrlOpenToAnyone(), r, "-CI 127.0.0.1 -W-", "1.27"));
        assertEquals(List.of(), run(new CtrlOpenToAnyone(), r, "-C- -W-", "1.27"));
    }

    @Test
    void fingerOpenToAnyoneIsSilentWhenTheCommandLineTurnsFingerOff() {
        MailRoot r = RuleCheck.root(dir, "");
        Finding unknown = RuleCheck.single(run(new FingerOpenToAnyone(), r, null, "1.27"), "msg.SEC-036.missing");
        assertTrue(
                unknown.message(Locale.ENGLISH)
                        .endsWith("unless XMail is started with -F- (its command line is not" + " known here)."),
                unknown.message(Locale.ENGLISH));
        assertEquals(List.of(), run(new FingerOpenToAnyone(), r, "-F-", "1.27"));
        RuleCheck.single(run(new FingerOpenToAnyone(), r, "-Sl", "1.27"), "msg.SEC-036.missing.listening");
    }

    @Test
    void tlsOnByDefaultNamesTheSslListenersTheCommandLineOpens() {
        MailRoot r = RuleCheck.root(dir, "");
        Finding unknown = RuleCheck.single(run(new TlsOnByDefault(), r, null, "1.22"), "msg.UPG-003.certain");
        assertTrue(
                unknown.message(Locale.ENGLISH)
                        .contains("unless XMail starts with -X- -B- -W- (its command line is" + " not known here)"),
                unknown.message(Locale.ENGLISH));
        Finding open = RuleCheck.single(run(new TlsOnByDefault(), r, "-B- -W-", "1.22"), "msg.UPG-003.known.certain");
        assertEquals("SMTPS 0.0.0.0:465", open.message().args().get(2));
        RuleCheck.single(run(new TlsOnByDefault(), r, "-X- -B- -W-", "1.22"), "msg.UPG-003.closed.certain");
        MailRoot switches = RuleCheck.root(
                dir.resolve("s"),
                "\"EnableSMTP-TLS\"\t\"0\"\n\"EnablePOP3-TLS\"\t\"0\"\n" + "\"EnableCTRL-TLS\"\t\"0\"\n");
        assertEquals(List.of(), run(new TlsOnByDefault(), switches, "-X- -B- -W-", "1.22"));
        RuleCheck.single(run(new TlsOnByDefault(), switches, "", "1.22"), "msg.UPG-003.listeners.known.certain");
    }

    @Test
    void pop3PasswordsLoggedSaysWhatTheLogNeedsWhenTheLineIsNotKnown() {
        MailRoot r = RuleCheck.root(dir, "\"Pop3LogPasswd\"\t\"2\"\n");
        Finding unknown = RuleCheck.single(run(new Pop3PasswordsLogged(), r, null, "1.27"), "msg.SEC-008.always");
        assertTrue(
                unknown.message(Locale.ENGLISH)
                        .endsWith("which XMail keeps when started with -Pl (its command line" + " is not known here)."),
                unknown.message(Locale.ENGLISH));
        RuleCheck.single(run(new Pop3PasswordsLogged(), r, "-Sl", "1.27"), "msg.SEC-008.always.nolog");
        assertEquals(List.of(), run(new Pop3PasswordsLogged(), r, "-Pl", "1.27"), "OPT-005 reports it then");
    }
}
