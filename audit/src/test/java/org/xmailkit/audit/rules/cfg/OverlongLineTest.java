package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmailkit.audit.testing.RuleCheck.findings;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.model.Secrets;

class OverlongLineTest {

    private final OverlongLine rule = new OverlongLine();

    @TempDir
    Path dir;

    @Test
    void lineOfExactly2046BytesWithItsNewlinePasses() {
        String prefix = "\"CustMapsList\"\t\"";
        String value = "a".repeat(2046 - 1 - prefix.length() - 1);
        assertEquals(List.of(), findings(rule, root(dir, prefix + value + "\"\n")));
    }

    @Test
    void longValueIsCutAndTheRestIsAnotherLine() {
        String value = "zone.example:1,".repeat(140);
        Finding f = single(findings(rule, root(dir, "\"CustMapsList\"\t\"" + value + "\"\n")), "msg.CFG-006.longLine");
        assertEquals("CustMapsList", f.location().variable());
        assertTrue(
                f.evidence().get(0).endsWith("…"),
                "evidence is cut: " + f.evidence().get(0).length());
    }

    @Test
    void restThatHoldsATabCreatesASetting() {
        String filler = "x".repeat(2100);
        Finding f = single(
                findings(rule, root(dir, "\"CustomSMTPMessage\"\t\"" + filler + "\tEnableSMTP-TLS\t0\n")),
                "msg.CFG-006.longLine.entry");
        // the 2046-byte read ends inside the value: the next read starts with the 75 remaining x bytes and its TAB
        // makes them a name, with EnableSMTP-TLS as the value
        assertEquals("x".repeat(75), f.message().args().get(4));
    }

    @Test
    void longCommentLineIsReported() {
        single(findings(rule, root(dir, "# " + "-".repeat(2100) + "\n")), "msg.CFG-006.longLine.comment");
    }

    @Test
    void secretValueIsNotShown() {
        Finding f = single(
                findings(rule, root(dir, "\"DynDnsSetup\"\t\"" + "s".repeat(2100) + "\"\n")), "msg.CFG-006.longLine");
        assertEquals(Secrets.MASK, f.message().args().get(2));
        assertEquals(
                "\"DynDnsSetup\"<TAB>\"" + Secrets.MASK + "\"" + Secrets.MASK,
                f.evidence().get(0),
                "the value is masked in both reads XMail makes of the line");
    }
}
