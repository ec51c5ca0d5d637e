package org.xmailkit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.testing.TestRules;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.model.version.SourceVersion;

class AuditorGivenSourceTest {

    @TempDir
    Path tmp;

    /** Reports the source version it was given, so the test can see what rules see. */
    private static final class Echo implements Rule {
        static final RuleInfo INFO = new RuleInfo(
                "UPG-991",
                Severity.INFO,
                Category.UPGRADE,
                RuleInfo.BASELINE,
                RuleInfo.Fix.NONE,
                Set.of(),
                List.of(),
                List.of());

        @Override
        public RuleInfo info() {
            return INFO;
        }

        @Override
        public List<Finding> check(AuditContext ctx) {
            return List.of(Finding.of(
                    INFO,
                    Location.file(ctx.root().serverTabPath()),
                    TestRules.text("x", ctx.source().display())));
        }
    }

    @Test
    void theCallersSourceVersionReachesTheRulesAndTheResult() {
        MailRoot root =
                MailRootFixture.in(tmp).serverTab("\"RootDomain\"\t\"x.jp\"\n").open();
        SourceVersion source =
                new SourceVersion(XMailVersion.parse("1.11"), XMailVersion.parse("1.23"), List.of(), false);
        AuditOptions options = AuditOptions.defaults().withFrom(Optional.of(XMailVersion.parse("1.26")));

        AuditResult r = new Auditor(List.of(new Echo())).audit(root, options, source);

        assertEquals(source, r.source());
        assertEquals(List.of("1.11..1.23"), r.findings().get(0).message().args());
    }

    @Test
    void withoutOneTheGivenFromStillDecides() {
        MailRoot root =
                MailRootFixture.in(tmp).serverTab("\"RootDomain\"\t\"x.jp\"\n").open();
        AuditOptions options = AuditOptions.defaults().withFrom(Optional.of(XMailVersion.parse("1.26")));

        AuditResult r = new Auditor(List.of(new Echo())).audit(root, options);

        assertEquals(List.of("1.26"), r.findings().get(0).message().args());
    }
}
