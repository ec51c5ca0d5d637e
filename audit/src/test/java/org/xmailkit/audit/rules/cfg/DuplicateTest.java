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
import org.xmailkit.audit.Profile;
import org.xmailkit.audit.testing.RuleCheck;
import org.xmailkit.model.MailRoot;

/** CFG-008 (different value) and CFG-009 (same value). */
class DuplicateTest {

    @TempDir
    Path dir;

    private MailRoot duplicates() {
        return root(dir, """
                "EnableSMTP-TLS"\t"0"
                "RootDomain"\t"example.com"
                "EnableSMTP-TLS"\t"1"
                "RootDomain"\t"example.com"
                """);
    }

    @Test
    void differentValueIsReportedWithTheLiveLine() {
        Finding f = single(findings(new ConflictingDuplicate(), duplicates()), "msg.CFG-008.differs");
        assertEquals(3, f.location().line());
        assertEquals(List.of("EnableSMTP-TLS", "1", "1", "0"), f.message().args());
        assertEquals(2, f.evidence().size());
    }

    @Test
    void sameValueIsReportedSeparately() {
        Finding f = single(findings(new RepeatedSetting(), duplicates()), "msg.CFG-009.same");
        assertEquals(4, f.location().line());
    }

    @Test
    void uniqueNamesPass() {
        MailRoot r = root(dir, "\"RootDomain\"\t\"example.com\"\n\"PostMaster\"\t\"pm@example.com\"\n");
        assertEquals(List.of(), findings(new ConflictingDuplicate(), r));
        assertEquals(List.of(), findings(new RepeatedSetting(), r));
    }

    @Test
    void sameValueDuplicateIsStrictProfileOnly() {
        assertEquals(
                List.of(),
                findings(
                        new RepeatedSetting(), duplicates(), RuleCheck.options().withProfile(Profile.BASELINE)));
    }
}
