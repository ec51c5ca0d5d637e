package org.xmailkit.report;

import java.util.List;
import java.util.Objects;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Severity;

/**
 * Everything one server's page shows, already sorted, grouped, counted, translated and scrubbed of secrets; the
 * template only formats it. Built by {@link ServerReports}; dropped once the page is written.
 *
 * @param id             the server id (page file name without {@code .html})
 * @param path           the MailRoot directory or server.tab as given
 * @param bare           whether only server.tab was audited
 * @param error          why the server could not be audited, or null
 * @param encoding       server.tab's detected text encoding
 * @param lineEnding     server.tab's dominant line ending
 * @param version        the source version, e.g. {@code 1.22} or {@code 1.11..1.23}
 * @param versionGiven   whether it was given with {@code --from}
 * @param evidence       why that version, one line each
 * @param grade          the grade
 * @param caps           what bounds the grade, worst first
 * @param counts         unsuppressed findings per severity, most serious first
 * @param suppressed     how many findings an active waiver suppresses
 * @param groups         the findings grouped by category, then by rule, in category order
 * @param notRun         rules that could not run here (not applicable)
 * @param skipped        how many rules the chosen profile leaves out
 * @param sections       the effective settings in the XMailCFG page's section order
 * @param otherSettings  settings XMail reads that the XMailCFG page does not show
 * @param ignored        lines XMail 1.27 does not use (unknown, removed, misspelled, dead duplicates)
 * @param migration      the migration plan
 * @param readErrors     files that exist but could not be read
 * @param services       XMail's command line: its listeners and switches, or that it is not known
 * @param probe          what the running server showed on the wire ({@code --probe}), or null
 */
public record ServerReport(
        String id,
        String path,
        boolean bare,
        String error,
        String encoding,
        String lineEnding,
        String version,
        boolean versionGiven,
        List<String> evidence,
        Grade grade,
        List<GradeCap> caps,
        List<SeverityCount> counts,
        int suppressed,
        List<CategoryGroup> groups,
        List<OutcomeView> notRun,
        int skipped,
        List<SettingSection> sections,
        List<SettingRow> otherSettings,
        List<IgnoredEntry> ignored,
        MigrationView migration,
        List<String> readErrors,
        ServicesView services,
        ProbeView probe) {

    public ServerReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(lineEnding, "lineEnding");
        Objects.requireNonNull(version, "version");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(grade, "grade");
        caps = List.copyOf(caps);
        counts = List.copyOf(counts);
        groups = List.copyOf(groups);
        notRun = List.copyOf(notRun);
        sections = List.copyOf(sections);
        otherSettings = List.copyOf(otherSettings);
        ignored = List.copyOf(ignored);
        Objects.requireNonNull(migration, "migration");
        readErrors = List.copyOf(readErrors);
        Objects.requireNonNull(services, "services");
    }

    /** @return how many findings in all, suppressed ones included */
    public int findingCount() {
        return groups.stream().mapToInt(CategoryGroup::total).sum();
    }

    /** @return the caps that decide the grade (those at the grade itself) */
    public List<GradeCap> bindingCaps() {
        return caps.stream().filter(c -> c.bound() == grade).toList();
    }

    /**
     * One finding as the page shows it; the rule's remediation and references are shown once, by its
     * {@link RuleGroup}.
     *
     * @param ruleId      the rule id
     * @param severity    its severity
     * @param title       the rule title
     * @param message     the specific message
     * @param where       file and line relative to the MailRoot, e.g. {@code smtprelay.tab:3}
     * @param variable    the server.tab variable concerned, or empty
     * @param evidence    excerpts that show it
     * @param suppression the waiver, or null
     */
    public record FindingView(
            String ruleId,
            Severity severity,
            String title,
            String message,
            String where,
            String variable,
            List<String> evidence,
            SuppressionView suppression) {
        public FindingView {
            evidence = List.copyOf(evidence);
        }

        /** @return whether an active waiver suppresses it */
        public boolean suppressed() {
            return suppression != null && suppression.active();
        }
    }

    /**
     * The findings of one rule, with what to do about them.
     *
     * @param ruleId           the rule id
     * @param severity         its severity
     * @param title            its title
     * @param remediation      what to do, one sentence
     * @param remediationLines exact lines to write
     * @param references       sources, e.g. {@code RFC 3207 §4}
     * @param fixable          whether {@code migrate --fix} can apply the remediation
     * @param findings         its findings, active ones first
     * @param active           how many are not suppressed
     */
    public record RuleGroup(
            String ruleId,
            Severity severity,
            String title,
            String remediation,
            List<String> remediationLines,
            List<String> references,
            boolean fixable,
            List<FindingView> findings,
            int active) {
        public RuleGroup {
            remediationLines = List.copyOf(remediationLines);
            references = List.copyOf(references);
            findings = List.copyOf(findings);
        }
    }

    /**
     * A waiver as the page shows it.
     *
     * @param inline  whether it is an inline {@code # xmailkit:ignore} comment (else a waiver file entry)
     * @param reason  the reason given
     * @param expires the expiry date (ISO), or empty
     * @param active  whether it still suppresses the finding
     * @param source  where it is written
     */
    public record SuppressionView(boolean inline, String reason, String expires, boolean active, String source) {}

    /**
     * The findings of one category, rule by rule.
     *
     * @param category the category
     * @param title    its label
     * @param rules    its rules with findings, most serious first
     * @param active   how many findings are not suppressed
     * @param total    how many findings in all
     */
    public record CategoryGroup(Category category, String title, List<RuleGroup> rules, int active, int total) {
        public CategoryGroup {
            rules = List.copyOf(rules);
        }
    }

    /**
     * A rule that did not run on this server.
     *
     * @param ruleId the rule
     * @param title  its title
     * @param status {@code not_applicable} or {@code skipped}
     * @param reason why, or empty
     */
    public record OutcomeView(String ruleId, String title, String status, String reason) {}

    /**
     * One section of the XMailCFG settings page.
     *
     * @param id    the section id ({@code basic}, {@code gateway}, ...)
     * @param title its heading
     * @param rows  its settings in page order
     */
    public record SettingSection(String id, String title, List<SettingRow> rows) {
        public SettingSection {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One effective setting.
     *
     * @param label        the XMailCFG label (Japanese in a Japanese report), or empty
     * @param name         the name XMail reads
     * @param shownAs      the name XMailCFG prints, when it differs from {@code name}; else empty
     * @param value        the effective value as text (masked for credentials), or empty when unset
     * @param defaultValue XMail 1.27's default, or empty when it has none
     * @param source       where the value comes from: {@code line N}, {@code default} or {@code not set}
     * @param line         the line that sets it, or 0
     * @param set          whether the file sets it
     * @param nonDefault   whether the effective value differs from the default
     * @param note         how XMail reads what was written, when that matters; or empty
     */
    public record SettingRow(
            String label,
            String name,
            String shownAs,
            String value,
            String defaultValue,
            String source,
            int line,
            boolean set,
            boolean nonDefault,
            String note) {}

    /**
     * A server.tab line XMail 1.27 does not use.
     *
     * @param name  the name as written
     * @param value the value (masked for credentials)
     * @param line  the line
     * @param why   why XMail ignores it
     */
    public record IgnoredEntry(String name, String value, int line, String why) {}
}
