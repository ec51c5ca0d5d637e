package org.xmailkit.audit.doc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.xmailkit.audit.AuditMessages;
import org.xmailkit.audit.Profile;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Rules;
import org.xmailkit.model.Reference;

/**
 * Writes the rule documentation, {@code docs/rules/README.md} and one {@code docs/rules/<ID>.md} per rule with an
 * English and a Japanese section, from the catalogue ({@link Rules#catalogue()}: the file rules and the NET- rules,
 * and the rule texts). The output depends on
 * nothing but the catalogue, so a test can tell when the committed pages are stale.
 */
public final class RuleDocGenerator {

    /** The command that regenerates the pages (and the rule lists), run from the repository root. */
    public static final String REGENERATE = "mvn -B -q -pl audit -am process-test-classes -Pcatalogue";

    private static final String BANNER = "<!-- Generated from the rule catalogue by " + RuleDocGenerator.class.getName()
            + ". Do not edit: change the rule (its RuleInfo and its texts under audit/src/main/resources/org/xmailkit/"
            + "audit/rules/), then run: " + REGENERATE + " -->";

    private final List<RuleInfo> rules;

    /** @param rules the rules to document, in catalogue order */
    public RuleDocGenerator(List<RuleInfo> rules) {
        this.rules = List.copyOf(rules);
    }

    /** @return a generator over {@link Rules#catalogue()} */
    public static RuleDocGenerator standard() {
        return new RuleDocGenerator(Rules.catalogue());
    }

    /**
     * @param dir the output directory
     * @throws IOException when a page cannot be written
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> pages = pages();
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "*.md")) {
            for (Path p : old) {
                if (!pages.containsKey(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> e : pages.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** @return file name to content, README.md first, then the rules in catalogue order */
    public Map<String, String> pages() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("README.md", index());
        for (RuleInfo r : rules) {
            out.put(r.id() + ".md", page(r));
        }
        return out;
    }

    private String index() {
        StringBuilder b = new StringBuilder();
        b.append(BANNER).append("\n\n");
        b.append("# xmailkit audit rules / 監査ルール一覧\n\n");
        b.append("`xmailkit explain RULE` prints the same text in a terminal (`--lang ja` for Japanese). ");
        b.append("Rule ids are stable and never reused.\n\n");
        b.append("`xmailkit explain RULE` でも同じ説明を表示できます (英語は `--lang en`)。");
        b.append("ルール ID は変わらず、再利用されることもありません。\n\n");
        b.append(rules.size()).append(" rules / ").append(rules.size()).append(" 件のルール\n\n");
        if (rules.isEmpty()) {
            return b.toString();
        }
        b.append("| ID | Severity / 重要度 | Category / 分類 | Profiles | Title | タイトル |\n");
        b.append("|---|---|---|---|---|---|\n");
        for (RuleInfo r : rules) {
            b.append("| [")
                    .append(r.id())
                    .append("](")
                    .append(r.id())
                    .append(".md) | ")
                    .append(severity(r, Locale.ENGLISH))
                    .append(" / ")
                    .append(severity(r, Locale.JAPANESE))
                    .append(" | ")
                    .append(category(r, Locale.ENGLISH))
                    .append(" / ")
                    .append(category(r, Locale.JAPANESE))
                    .append(" | ")
                    .append(profiles(r))
                    .append(" | ")
                    .append(cell(r.title(Locale.ENGLISH)))
                    .append(" | ")
                    .append(cell(r.title(Locale.JAPANESE)))
                    .append(" |\n");
        }
        return b.toString();
    }

    private String page(RuleInfo r) {
        StringBuilder b = new StringBuilder();
        b.append(BANNER).append("\n\n");
        b.append("# ")
                .append(r.id())
                .append(": ")
                .append(r.title(Locale.ENGLISH))
                .append("\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| Severity / 重要度 | ")
                .append(severity(r, Locale.ENGLISH))
                .append(" / ")
                .append(severity(r, Locale.JAPANESE))
                .append(" (SARIF ")
                .append(r.severity().sarifLevel())
                .append(", security-severity ")
                .append(r.severity().securitySeverity())
                .append(") |\n");
        b.append("| Category / 分類 | ")
                .append(category(r, Locale.ENGLISH))
                .append(" / ")
                .append(category(r, Locale.JAPANESE))
                .append(" |\n");
        b.append("| Profiles / プロファイル | ").append(profiles(r)).append(" |\n");
        b.append("| `migrate --fix` | ")
                .append(r.fix().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append(" |\n");
        if (!r.needs().isEmpty()) {
            List<String> needs = new ArrayList<>();
            new TreeSet<>(r.needs())
                    .forEach(n -> needs.add(n.name().toLowerCase(Locale.ROOT).replace('_', '-')));
            b.append("| Needs / 必要な入力 | ").append(String.join(", ", needs)).append(" |\n");
        }
        b.append('\n');
        section(b, r, Locale.ENGLISH, "English", "Why it matters", "Remediation", "References");
        section(b, r, Locale.JAPANESE, "日本語", "なぜ問題か", "対処", "参考資料");
        return b.toString();
    }

    private static void section(
            StringBuilder b, RuleInfo r, Locale l, String language, String why, String fix, String refs) {
        b.append("## ").append(language).append("\n\n");
        b.append("**").append(r.title(l)).append("**\n\n");
        b.append(r.summary(l)).append("\n\n");
        b.append("### ").append(why).append("\n\n").append(r.why(l)).append("\n\n");
        b.append("### ").append(fix).append("\n\n").append(r.remediation(l)).append("\n\n");
        if (!r.remediationLines().isEmpty()) {
            b.append("```\n");
            r.remediationLines().forEach(line -> b.append(line).append('\n'));
            b.append("```\n\n");
        }
        b.append("### ").append(refs).append("\n\n");
        for (Reference ref : r.references()) {
            b.append("- ")
                    .append(ref.url().isEmpty() ? ref.display() : "[" + ref.display() + "](" + ref.url() + ")")
                    .append('\n');
        }
        b.append('\n');
    }

    private static String severity(RuleInfo r, Locale l) {
        return AuditMessages.get(l, "severity." + r.severity().id());
    }

    private static String category(RuleInfo r, Locale l) {
        return AuditMessages.get(l, "category." + r.category().id());
    }

    private static String profiles(RuleInfo r) {
        return String.join(
                ", ", new TreeSet<>(r.profiles()).stream().map(Profile::id).toList());
    }

    private static String cell(String s) {
        return Objects.requireNonNull(s).replace("|", "\\|");
    }
}
