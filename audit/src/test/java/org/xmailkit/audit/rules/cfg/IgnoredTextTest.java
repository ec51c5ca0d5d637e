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

class IgnoredTextTest {

    private final IgnoredText rule = new IgnoredText();

    @TempDir
    Path dir;

    @Test
    void twoColumnsAndRealCommentsPass() {
        assertEquals(List.of(), run(rule, root(dir, """
                # a real comment
                "MaxMessageSize"\t"10240"
                """)));
    }

    @Test
    void thirdColumnIsReportedWithWhatXMailUses() {
        Finding f = single(run(rule, root(dir, "\"MaxMessageSize\"\t\"10240\"\t\"# 10 MB\"\n")), "cfg.extraTokens");
        assertEquals("MaxMessageSize", f.message().args().get(0));
        assertEquals("10240", f.message().args().get(1));
        assertEquals("\"# 10 MB\"", f.message().args().get(2));
    }

    @Test
    void spaceBeforeHashIsNotAComment() {
        single(run(rule, root(dir, " #\"RootDomain\"\t\"old.example\"\n")), "cfg.notAComment");
    }
}
