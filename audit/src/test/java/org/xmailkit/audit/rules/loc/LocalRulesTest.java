package org.xmailkit.audit.rules.loc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.findings;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.testing.RuleCheck;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;

/** LOC-001 to LOC-004. */
class LocalRulesTest {

    private static final AuditOptions ORIGINAL = RuleCheck.options();
    private static final AuditOptions LOCALIZED = RuleCheck.options().withTarget(XMailVersion.V1_27_LOCALIZED);

    @TempDir
    Path dir;

    private MailRoot rules(String one, String two) {
        return root(dir, "\"SMTPLocalRule1\"\t\"" + one + "\"\n\"SMTPLocalRule2\"\t\"" + two + "\"\n");
    }

    @Test
    void enabledSwitchesAreLostOnTheOriginalBuild() {
        List<Finding> f = findings(new LocalRuleIgnored(), rules("1", "1"), ORIGINAL);
        single(f, "msg.LOC-001.SMTPLocalRule1");
        single(f, "msg.LOC-001.SMTPLocalRule2");
    }

    @Test
    void enabledSwitchesAreFineOnTheLocalizedBuild() {
        assertEquals(List.of(), findings(new LocalRuleIgnored(), rules("1", "1"), LOCALIZED));
        assertEquals(List.of(), findings(new LocalRuleIgnored(), rules("0", "0"), ORIGINAL));
    }

    @Test
    void disabledSwitchesAreInertOnTheOriginalBuild() {
        assertEquals(
                2, findings(new LocalRuleInert(), rules("0", "0"), ORIGINAL).size());
        assertEquals(List.of(), findings(new LocalRuleInert(), rules("0", "0"), LOCALIZED));
        assertEquals(List.of(), findings(new LocalRuleInert(), rules("1", "1"), ORIGINAL));
    }

    @Test
    void valuesOtherThanZeroOrOne() {
        Finding f = single(findings(new LocalRuleValue(), rules("yes", "0"), LOCALIZED), "msg.LOC-003.value");
        assertEquals(List.of("SMTPLocalRule1", "yes", "0"), f.message().args());
        assertEquals(List.of(), findings(new LocalRuleValue(), rules("1", "0"), ORIGINAL));
    }

    @Test
    void localizedTargetAsksForExplicitSwitches() {
        List<Finding> f = findings(new LocalRuleImplicit(), root(dir, "\"SMTPLocalRule2\"\t\"1\"\n"), LOCALIZED);
        Finding one = single(f, "msg.LOC-004.SMTPLocalRule1");
        assertEquals("\"SMTPLocalRule1\"<TAB>\"0\"", one.message().args().get(0));
        assertEquals(
                List.of("\"SMTPLocalRule1\"\t\"0\"", "\"SMTPLocalRule2\"\t\"0\""),
                one.rule().remediationLines());
    }

    @Test
    void originalTargetOrExplicitSwitchesPass() {
        assertEquals(List.of(), findings(new LocalRuleImplicit(), root(dir, "# none\n"), ORIGINAL));
        assertEquals(List.of(), findings(new LocalRuleImplicit(), rules("0", "1"), LOCALIZED));
    }
}
