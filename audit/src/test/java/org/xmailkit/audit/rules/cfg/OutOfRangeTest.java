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

class OutOfRangeTest {

    private final OutOfRange rule = new OutOfRange();

    @TempDir
    Path dir;

    @Test
    void definedValuesPass() {
        assertEquals(List.of(), findings(rule, root(dir, """
                "ReceivedHdrType"\t"4"
                "Pop3LogPasswd"\t"0"
                "SmtpGwConfig"\t"NeedTLS=2,OutBind=192.0.2.1"
                "DefaultSMTPGateways"\t"relay.example:587,NeedTLS=1;backup.example"
                """)));
    }

    @Test
    void receivedHdrTypeAboveFour() {
        Finding f = single(findings(rule, root(dir, "\"ReceivedHdrType\"\t\"5\"\n")), "msg.CFG-011.receivedHdrType");
        assertEquals("5", f.message().args().get(1));
    }

    @Test
    void pop3LogPasswdNegative() {
        single(findings(rule, root(dir, "\"Pop3LogPasswd\"\t\"-1\"\n")), "msg.CFG-011.pop3LogPasswd");
    }

    @Test
    void needTlsAboveTwoActsAsOne() {
        single(findings(rule, root(dir, "\"SmtpGwConfig\"\t\"NeedTLS=3\"\n")), "msg.CFG-011.needTlsHigh");
    }

    @Test
    void needTlsInAGatewayEntryNamesTheGateway() {
        Finding f = single(
                findings(rule, root(dir, "\"DefaultSMTPGateways\"\t\"a.example;b.example,NeedTLS=yes\"\n")),
                "msg.CFG-011.needTlsText");
        assertEquals("DefaultSMTPGateways (b.example)", f.message().args().get(0));
    }

    @Test
    void negativeNeedTlsIsUndocumented() {
        single(findings(rule, root(dir, "\"SmtpGwConfig\"\t\"NeedTLS=-1\"\n")), "msg.CFG-011.needTlsNegative");
    }
}
