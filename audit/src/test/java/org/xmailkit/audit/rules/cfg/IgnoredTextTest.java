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

class IgnoredTextTest {

    private final IgnoredText rule = new IgnoredText();

    @TempDir
    Path dir;

    @Test
    void twoColumnsAndRealCommentsPass() {
        assertEquals(List.of(), findings(rule, root(dir, """
                # a real comment
                "MaxMessageSize"\t"10240"
                """)));
    }

    @Test
    void thirdColumnIsReportedWithWhatXMailUses() {
        Finding f = single(
                findings(rule, root(dir, "\"MaxMessageSize\"\t\"10240\"\t\"# 10 MB\"\n")), "msg.CFG-005.extraTokens");
        assertEquals("MaxMessageSize", f.message().args().get(0));
        assertEquals("10240", f.message().args().get(1));
        assertEquals("\"# 10 MB\"", f.message().args().get(2));
    }

    @Test
    void spaceBeforeHashIsNotAComment() {
        single(findings(rule, root(dir, " #\"RootDomain\"\t\"old.example\"\n")), "msg.CFG-005.notAComment");
    }
}
