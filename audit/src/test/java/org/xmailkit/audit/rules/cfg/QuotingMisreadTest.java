package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.findings;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;

class QuotingMisreadTest {

    private final QuotingMisread rule = new QuotingMisread();

    @TempDir
    Path dir;

    @Test
    void properQuotingAndEscapedQuotesPass() {
        assertEquals(List.of(), findings(rule, root(dir, """
                "CustomSMTPMessage"\t"see \\"policy\\""
                "SmtpMsgIPBan"\t"550 C:\\\\dir is fine"
                RootDomain\texample.com
                """)));
    }

    @Test
    void unterminatedQuoteShowsWhatXMailTakes() {
        Finding f = single(findings(rule, root(dir, "\"RootDomain\"\t\"example.com\n")), "msg.CFG-004.unterminated");
        assertEquals("example.com", f.message().args().get(1));
    }

    @Test
    void tabInsideQuotesShowsWhatIsDropped() {
        Finding f = single(findings(rule, root(dir, "\"CustomSMTPMessage\"\t\"see\tpolicy\"\n")), "msg.CFG-004.tab");
        assertEquals("see", f.message().args().get(1));
        assertEquals("policy\"", f.message().args().get(2));
    }

    @Test
    void tabRightBeforeTheClosingQuote() {
        Finding f = single(findings(rule, root(dir, "\"CustomSMTPMessage\"\t\"see policy\t\"\n")), "msg.CFG-004.tab");
        assertEquals("see policy", f.message().args().get(1));
    }

    @Test
    void valueEndingInBackslashGetsAQuote() {
        Finding f = single(
                findings(rule, root(dir, "\"CustomSMTPMessage\"\t\"C:\\\\mail\\\\\"\n")), "msg.CFG-004.backslash");
        assertEquals("C:\\\\mail\\\"", f.message().args().get(1));
    }

    @Test
    void textAfterClosingQuoteIsDropped() {
        Finding f = single(findings(rule, root(dir, "\"MaxMessageSize\"\t\"1024\"KB\n")), "msg.CFG-004.trailing");
        assertEquals("KB", f.message().args().get(1));
        assertEquals("1024", f.message().args().get(2));
    }
}
