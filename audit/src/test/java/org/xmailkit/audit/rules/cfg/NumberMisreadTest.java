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

class NumberMisreadTest {

    private final NumberMisread rule = new NumberMisread();

    @TempDir
    Path dir;

    @Test
    void plainNumbersAndHarmlessEmptiesPass() {
        assertEquals(List.of(), findings(rule, root(dir, """
                "EnableSMTP-TLS"\t"1"
                "MaxMessageSize"\t"10240"
                "SMTP-RDNSCheck"\t"-5"
                "AllowSmtpVRFY"\t""
                "MaxMessageSize2"\t"yes"
                "SMTP-MaxErrors"\t""
                "RootDomain"\t"yes"
                """)));
    }

    @Test
    void wordOnAFlagReadsAsZero() {
        Finding f = single(findings(rule, root(dir, "\"AllowSmtpVRFY\"\t\"yes\"\n")), "msg.CFG-010.flagText");
        assertEquals(List.of("AllowSmtpVRFY", "yes"), f.message().args());
    }

    @Test
    void wordOnANumberReadsAsZero() {
        single(findings(rule, root(dir, "\"MaxMTAOps\"\t\"many\"\n")), "msg.CFG-010.intText");
    }

    @Test
    void paddingBeyondTheBufferHidesTheNumber() {
        Finding f = single(
                findings(rule, root(dir, "\"MaxMessageSize\"\t\"" + "0".repeat(70) + "9\"\n")), "msg.CFG-010.cut");
        assertEquals("0", f.message().args().get(2));
    }

    @Test
    void numberBeyondTheIntRangeReadsByPlatform() {
        Finding f = single(findings(rule, root(dir, "\"MaxMessageSize\"\t\"-2147483649\"\n")), "msg.CFG-010.range");
        assertEquals(
                List.of("MaxMessageSize", "-2147483649", "-2147483648", "2147483647"),
                f.message().args());
    }

    @Test
    void unitAfterANumberIsIgnored() {
        Finding f = single(findings(rule, root(dir, "\"MaxMessageSize\"\t\"10MB\"\n")), "msg.CFG-010.trailing");
        assertEquals("10", f.message().args().get(2));
    }

    @Test
    void emptyFlagWhoseDefaultIsOnTurnsItOff() {
        single(findings(rule, root(dir, "\"EnableSMTP-TLS\"\t\"\"\n")), "msg.CFG-010.emptyFlag");
    }

    @Test
    void emptyNumberWhoseDefaultIsNotZeroReadsAsTheDefault() {
        Finding f = single(findings(rule, root(dir, "\"SMTP-IpMapDropCode\"\t\"\"\n")), "msg.CFG-010.emptyInt");
        assertEquals("1", f.message().args().get(1));
    }
}
