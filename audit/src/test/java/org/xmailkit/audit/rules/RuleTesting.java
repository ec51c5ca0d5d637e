package org.xmailkit.audit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Profile;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.model.version.SourceVersion;

/** Runs one rule over a fixture and checks that every finding renders in both languages. */
public final class RuleTesting {

    private RuleTesting() {
    }

    /**
     * @param dir       a temporary directory
     * @param serverTab server.tab text ({@code \t} for TABs)
     * @return the MailRoot
     */
    public static MailRoot root(Path dir, String serverTab) {
        return MailRootFixture.in(dir).serverTab(serverTab).open();
    }

    /**
     * @param dir       a temporary directory
     * @param serverTab server.tab text
     * @return the file opened on its own (a bare server.tab)
     */
    public static MailRoot bare(Path dir, String serverTab) {
        MailRootFixture.in(dir).serverTab(serverTab).write();
        try {
            return MailRoot.open(dir.resolve("server.tab"));
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return options that run every rule (strict profile), target original 1.27 */
    public static AuditOptions options() {
        return AuditOptions.defaults().withProfile(Profile.STRICT);
    }

    /**
     * Runs the rule through the {@link Auditor} with the source version detected from the file.
     *
     * @param rule the rule
     * @param root the MailRoot
     * @return its findings, each checked to render
     */
    public static List<Finding> run(Rule rule, MailRoot root) {
        return run(rule, root, options());
    }

    /**
     * @param rule    the rule
     * @param root    the MailRoot
     * @param options the options (a {@code from} version is used as the source)
     * @return the findings, each checked to render
     */
    public static List<Finding> run(Rule rule, MailRoot root, AuditOptions options) {
        AuditResult result = new Auditor(List.of(rule)).audit(root, options);
        return rendered(result.findings());
    }

    /**
     * @param rule    the rule
     * @param root    the MailRoot
     * @param version the source version
     * @return the findings for a source given as exactly that version
     */
    public static List<Finding> from(Rule rule, MailRoot root, String version) {
        return run(rule, root, options().withFrom(Optional.of(XMailVersion.parse(version))));
    }

    /**
     * @param rule     the rule
     * @param root     the MailRoot
     * @param earliest earliest plausible source version
     * @param latest   latest plausible source version
     * @return the findings for a source known only as that range
     */
    public static List<Finding> range(Rule rule, MailRoot root, String earliest, String latest) {
        SourceVersion source = new SourceVersion(XMailVersion.parse(earliest), XMailVersion.parse(latest), List.of(),
                false);
        return rendered(rule.check(new AuditContext(root, source, options())));
    }

    /**
     * @param rule the rule
     * @param root the MailRoot
     * @return the rule's outcome on it
     */
    public static RuleOutcome.Status outcome(Rule rule, MailRoot root) {
        return new Auditor(List.of(rule)).audit(root, options()).outcomes().get(0).status();
    }

    /**
     * @param findings findings
     * @param key      a message key
     * @return the findings with that message key
     */
    public static List<Finding> withKey(List<Finding> findings, String key) {
        return findings.stream().filter(f -> f.message().key().equals(key)).toList();
    }

    /**
     * Asserts exactly one finding with the key and returns it.
     *
     * @param findings findings
     * @param key      a message key
     * @return the finding
     */
    public static Finding single(List<Finding> findings, String key) {
        List<Finding> hits = withKey(findings, key);
        assertEquals(1, hits.size(), () -> "findings with " + key + ": " + describe(findings));
        return hits.get(0);
    }

    /**
     * @param findings findings
     * @return their keys and English messages, for assertion failures
     */
    public static String describe(List<Finding> findings) {
        return findings.stream().map(f -> f.rule().id() + " " + f.location().line() + " " + f.message().key() + ": "
                + f.message(Locale.ENGLISH)).toList().toString();
    }

    private static List<Finding> rendered(List<Finding> findings) {
        for (Finding f : findings) {
            for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                String text = f.message(l);
                assertFalse(text.isBlank(), f.message().key());
                assertFalse(text.matches(".*\\{\\d\\}.*"), () -> "unfilled placeholder in " + f.message().key()
                        + " (" + l + "): " + text);
            }
            assertTrue(f.message(Locale.JAPANESE).chars().anyMatch(c -> c > 0x3000),
                    () -> "no Japanese text for " + f.message().key());
        }
        return findings;
    }
}
