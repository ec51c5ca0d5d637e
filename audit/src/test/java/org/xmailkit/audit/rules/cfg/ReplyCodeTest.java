package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.rules.RuleTesting.root;
import static org.xmailkit.audit.rules.RuleTesting.run;
import static org.xmailkit.audit.rules.RuleTesting.single;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;

class ReplyCodeTest {

    private final ReplyCode rule = new ReplyCode();

    @TempDir
    Path dir;

    @Test
    void repliesWithCodesPass() {
        assertEquals(List.of(), run(rule, root(dir, """
                "SmtpMsgIPBan"\t"421 Access denied"
                "SmtpMsgIPBanSpammers"\t"550 You are listed"
                "SmtpMsgIPBanSpamAddress"\t"554"
                "SmtpMsgIPBanMaps"\t"550 Listed in"
                "CustomSMTPMessage"\t"See https://example.com/policy"
                """)));
    }

    @Test
    void missingCodeSuggestsXMailsOwnCode() {
        Finding f = single(run(rule, root(dir, "\"SmtpMsgIPBanMaps\"\t\"Denied\"\n")), "cfg.reply.noCode");
        assertEquals("\"SmtpMsgIPBanMaps\"<TAB>\"550 Denied\"", f.message().args().get(2));
    }

    @Test
    void emptyReply() {
        single(run(rule, root(dir, "\"SmtpMsgIPBan\"\t\"\"\n")), "cfg.reply.empty");
    }

    @Test
    void hyphenAfterTheCodeMakesTheClientWait() {
        single(run(rule, root(dir, "\"SmtpMsgIPBan\"\t\"550-Denied\"\n")), "cfg.reply.continuation");
    }

    @Test
    void successCodeIsNotARejection() {
        single(run(rule, root(dir, "\"SmtpMsgIPBanSpammers\"\t\"250 ok\"\n")), "cfg.reply.notFailure");
    }

    @Test
    void impossibleCodeAndMissingSpace() {
        single(run(rule, root(dir, "\"SmtpMsgIPBan\"\t\"650 no\"\n")), "cfg.reply.badCode");
        single(run(rule, root(dir.resolve("b"), "\"SmtpMsgIPBan\"\t\"550Denied\"\n")), "cfg.reply.noSpace");
    }
}
