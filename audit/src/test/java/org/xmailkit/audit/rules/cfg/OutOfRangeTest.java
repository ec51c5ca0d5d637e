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

class OutOfRangeTest {

    private final OutOfRange rule = new OutOfRange();

    @TempDir
    Path dir;

    @Test
    void definedValuesPass() {
        assertEquals(List.of(), run(rule, root(dir, """
                "ReceivedHdrType"\t"4"
                "Pop3LogPasswd"\t"0"
                "SmtpGwConfig"\t"NeedTLS=2,OutBind=192.0.2.1"
                "DefaultSMTPGateways"\t"relay.example:587,NeedTLS=1;backup.example"
                """)));
    }

    @Test
    void receivedHdrTypeAboveFour() {
        Finding f = single(run(rule, root(dir, "\"ReceivedHdrType\"\t\"5\"\n")), "cfg.range.receivedHdrType");
        assertEquals("5", f.message().args().get(1));
    }

    @Test
    void pop3LogPasswdNegative() {
        single(run(rule, root(dir, "\"Pop3LogPasswd\"\t\"-1\"\n")), "cfg.range.pop3LogPasswd");
    }

    @Test
    void needTlsAboveTwoActsAsOne() {
        single(run(rule, root(dir, "\"SmtpGwConfig\"\t\"NeedTLS=3\"\n")), "cfg.range.needTlsHigh");
    }

    @Test
    void needTlsInAGatewayEntryNamesTheGateway() {
        Finding f = single(run(rule, root(dir, "\"DefaultSMTPGateways\"\t\"a.example;b.example,NeedTLS=yes\"\n")),
                "cfg.range.needTlsText");
        assertEquals("DefaultSMTPGateways (b.example)", f.message().args().get(0));
    }

    @Test
    void negativeNeedTlsIsUndocumented() {
        single(run(rule, root(dir, "\"SmtpGwConfig\"\t\"NeedTLS=-1\"\n")), "cfg.range.needTlsNegative");
    }
}
