package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.model.version.SourceVersion;

/** Test support: build a MailRoot from (name, text) pairs, run one rule, look at what it found. */
final class SecCheck {

    /** A spammers.tab so that sessions are not refused; most fixtures want one. */
    static final String SPAMMERS = "spammers.tab";

    private SecCheck() {
    }

    /**
     * @param dir       the temporary directory
     * @param serverTab server.tab text
     * @param files     further files: name, text, name, text, ...
     * @return the MailRoot
     */
    static MailRoot root(Path dir, String serverTab, String... files) {
        MailRootFixture f = MailRootFixture.in(dir).serverTab(serverTab);
        for (int i = 0; i + 1 < files.length; i += 2) {
            f.file(files[i], files[i + 1]);
        }
        return f.open();
    }

    static List<Finding> run(Rule rule, MailRoot root) {
        AuditContext ctx = new AuditContext(root,
                new SourceVersion(XMailVersion.EARLIEST, XMailVersion.V1_27, List.of(), false), AuditOptions.defaults());
        List<Finding> found = rule.check(ctx);
        for (Finding f : found) {
            // Every finding renders in both languages and names the rule that made it.
            f.message(Locale.ENGLISH);
            f.message(Locale.JAPANESE);
            assertEquals(rule.info(), f.rule());
        }
        return found;
    }

    static List<Finding> run(Rule rule, Path dir, String serverTab, String... files) {
        return run(rule, root(dir, serverTab, files));
    }

    /** @return the message keys, in finding order */
    static List<String> keys(List<Finding> findings) {
        return findings.stream().map(f -> f.message().key()).toList();
    }

    /** @return the 1-based lines, in finding order */
    static List<Integer> lines(List<Finding> findings) {
        return findings.stream().map(f -> f.location().line()).toList();
    }

    /** A line of a .tab file with each value quoted and TAB-separated. */
    static String tab(String... values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            if (sb.length() > 0) {
                sb.append('\t');
            }
            sb.append('"').append(v).append('"');
        }
        return sb.append('\n').toString();
    }
}
