package org.xmailkit.audit.rules.upg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;
import static org.xmailkit.audit.testing.RuleCheck.upgrading;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.model.MailRoot;

class ExtraTokensLiveTest {

    private final ExtraTokensLive rule = new ExtraTokensLive();

    @TempDir
    Path dir;

    @Test
    void deadLineBecomesLive() {
        Finding f = single(
                upgrading(rule, root(dir, "\"EnableAuthSMTP-POP3\"\t\"0\"\t\"# off\"\n"), "1.22"),
                "msg.UPG-007.newlyLive");
        assertEquals(List.of("EnableAuthSMTP-POP3", "3", "0"), f.message().args());
    }

    @Test
    void laterTwoTokenLineLosesToThisOne() {
        Finding f = single(upgrading(rule, root(dir, """
                "MaxMessageSize"\t"1000"\t"old"
                "MaxMessageSize"\t"20000"
                """), "1.22"), "msg.UPG-007.shadowing");
        assertEquals(
                List.of("MaxMessageSize", "3", "2", "20000", "1000"),
                f.message().args());
    }

    @Test
    void threeTokenLineAfterAnEarlierOneChangesNothing() {
        MailRoot r = root(dir, "\"MaxMessageSize\"\t\"1000\"\n\"MaxMessageSize\"\t\"9\"\t\"x\"\n");
        assertEquals(List.of(), upgrading(rule, r, "1.22"));
    }

    @Test
    void sourceFrom124OnPasses() {
        assertEquals(List.of(), upgrading(rule, root(dir, "\"MaxMessageSize\"\t\"1000\"\t\"x\"\n"), "1.24"));
    }
}
