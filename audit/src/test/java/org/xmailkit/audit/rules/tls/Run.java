package org.xmailkit.audit.rules.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Profile;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.audit.testing.TestPki;
import org.xmailkit.model.Messages;
import org.xmailkit.model.XMailVersion;

/** Runs one rule through the real auditor and checks what every finding must satisfy. */
final class Run {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    private Run() {
    }

    /** @return strict-profile options with the fixed test clock and source 1.27 */
    static AuditOptions options() {
        return AuditOptions.defaults().withProfile(Profile.STRICT).withClock(TestPki.clock())
                .withFrom(Optional.of(XMailVersion.V1_27));
    }

    /** @return {@link #options()} with an install directory */
    static AuditOptions options(Path installDir) {
        return options().withInstallDir(Optional.of(installDir));
    }

    static List<Finding> findings(Rule rule, org.xmailkit.model.MailRoot root) {
        return findings(rule, root, options());
    }

    static List<Finding> findings(Rule rule, org.xmailkit.model.MailRoot root, AuditOptions options) {
        AuditResult r = new Auditor(List.of(rule)).audit(root, options);
        for (Finding f : r.findings()) {
            assertEquals(rule.info(), f.rule());
            for (Locale l : Messages.LANGUAGES) {
                String m = f.message(l);
                assertFalse(m.isBlank());
                assertFalse(PLACEHOLDER.matcher(m).find(), "unfilled placeholder: " + m);
            }
            assertNotEquals(f.message(Locale.ENGLISH), f.message(Locale.JAPANESE));
        }
        return r.findings();
    }

    static RuleOutcome.Status status(Rule rule, org.xmailkit.model.MailRoot root, AuditOptions options) {
        return new Auditor(List.of(rule)).audit(root, options).outcomes().get(0).status();
    }

    static List<String> keys(List<Finding> findings) {
        return findings.stream().map(f -> f.message().key()).toList();
    }
}
