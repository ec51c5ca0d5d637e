package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmailkit.audit.testing.RuleCheck.findings;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.model.TextEncoding;
import org.xmailkit.model.testing.MailRootFixture;

class NonAsciiReplyTest {

    private final NonAsciiReply rule = new NonAsciiReply();

    @TempDir
    Path dir;

    @Test
    void asciiRepliesPassAndJapaneseElsewhereIsNotOurConcern() {
        assertEquals(
                List.of(),
                findings(
                        rule,
                        MailRootFixture.in(dir)
                                .charset(TextEncoding.WINDOWS_31J)
                                .serverTab("""
                "SmtpMsgIPBan"\t"550 Access denied"
                "HeloDomain"\t"mail.example.com"
                "ErrorsAdmin"\t"管理者@example.com"
                """)
                                .open()));
    }

    @Test
    void japaneseReplyInShiftJisIsShownDecoded() {
        List<Finding> f = findings(
                rule,
                MailRootFixture.in(dir)
                        .charset(TextEncoding.WINDOWS_31J)
                        .crlf()
                        .serverTab("""
                "SmtpMsgIPBanMaps"\t"550 不正中継として登録されています"
                "SmtpMsgIPBanSpammers"\t"550 アクセスを拒否します"
                """)
                        .open());
        assertEquals(2, f.size());
        Finding first =
                f.stream().filter(x -> x.location().line() == 1).findFirst().orElseThrow();
        assertEquals("550 不正中継として登録されています", first.message().args().get(1));
        assertTrue(first.evidence().get(0).contains("不正中継"));
        assertEquals("windows-31j", first.message().arg(2).toLowerCase(Locale.ROOT));
    }

    @Test
    void nonAsciiHeloDomain() {
        single(
                findings(
                        rule,
                        MailRootFixture.in(dir)
                                .serverTab("\"HeloDomain\"\t\"メール.example.jp\"\n")
                                .open()),
                "msg.CFG-013.helo");
    }

    @Test
    void customMessageCounts() {
        single(
                findings(
                        rule,
                        MailRootFixture.in(dir)
                                .serverTab("\"CustomSMTPMessage\"\t\"お問い合わせ\"\n")
                                .open()),
                "msg.CFG-013.reply");
    }

    @Test
    void plainAsciiFile() {
        assertEquals(List.of(), findings(rule, root(dir, "\"CustomSMTPMessage\"\t\"see policy\"\n")));
    }
}
