package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.findings;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.testing.RuleCheck;

class ReplyCodeTest {

    private final ReplyCode rule = new ReplyCode();

    @TempDir
    Path dir;

    @Test
    void repliesWithCodesPass() {
        RuleCheck.of(rule).serverTab("""
                "SmtpMsgIPBan"\t"421 Access denied"
                "SmtpMsgIPBanSpammers"\t"550 You are listed"
                "SmtpMsgIPBanSpamAddress"\t"554"
                "SmtpMsgIPBanMaps"\t"550 Listed in"
                "CustomSMTPMessage"\t"See https://example.com/policy"
                """).expectMarkers(dir);
    }

    @Test
    void missingCodeSuggestsXMailsOwnCode() {
        Finding f = single(findings(rule, root(dir, "\"SmtpMsgIPBanMaps\"\t\"Denied\"\n")), "msg.CFG-012.noCode");
        assertEquals(
                "\"SmtpMsgIPBanMaps\"<TAB>\"550 Denied\"", f.message().args().get(2));
    }

    @Test
    void emptyReply() {
        RuleCheck.of(rule).serverTab("""
                # FINDING: empty
                "SmtpMsgIPBan"\t""
                """).expectMarkers(dir);
    }

    @Test
    void hyphenAfterTheCodeMakesTheClientWait() {
        RuleCheck.of(rule).serverTab("""
                # FINDING: continuation
                "SmtpMsgIPBan"\t"550-Denied"
                """).expectMarkers(dir);
    }

    @Test
    void successCodeIsNotARejection() {
        RuleCheck.of(rule).serverTab("""
                # FINDING: notFailure
                "SmtpMsgIPBanSpammers"\t"250 ok"
                """).expectMarkers(dir);
    }

    @Test
    void impossibleCodeAndMissingSpace() {
        RuleCheck.of(rule).serverTab("""
                # FINDING: badCode
                "SmtpMsgIPBan"\t"650 no"
                """).expectMarkers(dir.resolve("a"));
        RuleCheck.of(rule).serverTab("""
                # FINDING: noSpace
                "SmtpMsgIPBan"\t"550Denied"
                """).expectMarkers(dir.resolve("b"));
    }
}
