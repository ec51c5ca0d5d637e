package org.xmailkit.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.xmailkit.model.Messages;
import org.xmailkit.model.Reference;
import org.xmailkit.model.Text;

/**
 * A rule's constant metadata. The texts live in its group's bundles under {@code rule.<id>.title}, {@code .summary},
 * {@code .why} and {@code .remediation}, and its finding messages under {@code msg.<id>.<case>} ({@link #message}),
 * in English and Japanese.
 *
 * @param id               stable id, never reused: a group's prefix ({@link RuleGroup}) and three digits
 * @param severity         how serious a finding is
 * @param category         what the rule is about
 * @param profiles         the profiles that run it
 * @param fix              whether {@code migrate --fix} can apply the remediation
 * @param needs            what the rule needs beyond server.tab; missing needs make it "not applicable"
 * @param references       sources, with section
 * @param remediationLines exact lines to write, e.g. {@code "SmtpNoTLSAuths"<TAB>""} (server.tab unless the
 *                         line names another file); may be empty
 * @param texts            where the texts are looked up: the catalogue's bundles ({@link AuditMessages#MESSAGES}),
 *                         or a test's own for rules outside the catalogue
 */
public record RuleInfo(
        String id,
        Severity severity,
        Category category,
        Set<Profile> profiles,
        Fix fix,
        Set<Need> needs,
        List<Reference> references,
        List<String> remediationLines,
        Messages texts) {

    /** The id format: a group's prefix ({@link RuleGroup}) and three digits. */
    public static final Pattern ID = Pattern.compile("("
            + String.join(
                    "|", Arrays.stream(RuleGroup.values()).map(RuleGroup::name).toList()) + ")-\\d{3}");

    /** Whether {@code migrate --fix} may apply a rule's remediation lines. */
    public enum Fix {
        /** Not automatically fixable. */
        NONE,
        /** Applied by {@code --fix safe} and by naming the rule. */
        SAFE,
        /** Applied only when the rule is named in {@code --fix}: it changes behaviour users may rely on. */
        OPT_IN
    }

    /** What a rule needs to be applicable. */
    public enum Need {
        /** The other MailRoot files (not available for a bare server.tab). */
        MAILROOT,
        /** The Windows install directory given with {@code --install-dir}. */
        INSTALL_DIR,
        /**
         * XMail's command line: given with {@code --cmdline}, {@code --registry} or {@code --service-file}, or found in
         * the MailRoot.
         */
        STARTUP,
        /** What a running server shows on the wire ({@code xmailkit probe}, {@code audit --probe}). */
        PROBE
    }

    public RuleInfo {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad rule id " + id);
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(fix, "fix");
        profiles = Set.copyOf(profiles);
        needs = Set.copyOf(needs);
        references = List.copyOf(references);
        remediationLines = List.copyOf(remediationLines);
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException(id + ": no profile");
        }
        Objects.requireNonNull(texts, "texts");
    }

    /**
     * A rule of the catalogue, its texts in the catalogue's bundles.
     *
     * @param id               the id
     * @param severity         the severity
     * @param category         the category
     * @param profiles         the profiles that run it
     * @param fix              whether {@code migrate --fix} can apply the remediation
     * @param needs            what the rule needs beyond server.tab
     * @param references       sources, with section
     * @param remediationLines exact lines to write
     */
    public RuleInfo(
            String id,
            Severity severity,
            Category category,
            Set<Profile> profiles,
            Fix fix,
            Set<Need> needs,
            List<Reference> references,
            List<String> remediationLines) {
        this(id, severity, category, profiles, fix, needs, references, remediationLines, AuditMessages.MESSAGES);
    }

    /**
     * @param messages another source of texts (a test's rules outside the catalogue)
     * @return this rule's metadata with its texts looked up there
     */
    public RuleInfo withTexts(Messages messages) {
        return new RuleInfo(id, severity, category, profiles, fix, needs, references, remediationLines, messages);
    }

    /**
     * A finding's message. Every message of a rule lives under its own id, so the catalogue check can tell that each
     * key is used by the rule it names.
     *
     * @param kase what the rule found, the last part of the key {@code msg.<id>.<case>}, e.g. {@code everyone}
     * @param args values
     * @return the text, rendered later in the reader's language
     */
    public Text message(String kase, Object... args) {
        return texts.text("msg." + id + "." + kase, args);
    }

    /** Profiles for a rule every server should pass. */
    public static final Set<Profile> BASELINE = Set.of(Profile.BASELINE, Profile.STRICT);
    /** Profiles for hardening advice. */
    public static final Set<Profile> STRICT_ONLY = Set.of(Profile.STRICT);

    /**
     * @param locale the language
     * @return the title (capitalised, no final period)
     */
    public String title(Locale locale) {
        return texts.get(locale, "rule." + id + ".title");
    }

    /**
     * @param locale the language
     * @return one or two sentences on what is wrong
     */
    public String summary(Locale locale) {
        return texts.get(locale, "rule." + id + ".summary");
    }

    /**
     * @param locale the language
     * @return why it matters: what XMail does, what an attacker or a mail flow gets
     */
    public String why(Locale locale) {
        return texts.get(locale, "rule." + id + ".why");
    }

    /**
     * @param locale the language
     * @return what to do, as an imperative sentence
     */
    public String remediation(Locale locale) {
        return texts.get(locale, "rule." + id + ".remediation");
    }
}
