package org.xmailkit.audit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.AuditMessages;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Entry;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.Messages;
import org.xmailkit.model.Reference;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.Text;

/**
 * Small rules for testing the engine and the outputs without the real catalogue. Their texts are in the test
 * bundle {@code org/xmailkit/audit/extension.properties}.
 */
public final class TestRules {

    /** The test rules' texts (the test bundle {@code org.xmailkit.audit.extension}), then the catalogue's. */
    public static final Messages MESSAGES = Messages.chain(
            List.of(Messages.of("org.xmailkit.audit.extension", TestRules.class), AuditMessages.MESSAGES));

    private static final List<Reference> REFS =
            List.of(new Reference("RFC 5321", "3.9", "https://www.rfc-editor.org/rfc/rfc5321"));

    /** SEC-901 (high): every server.tab entry whose name starts with {@code Bad}. */
    public static final Rule BAD_VARIABLE = rule(
            new RuleInfo(
                    "SEC-901",
                    Severity.HIGH,
                    Category.ACCESS,
                    RuleInfo.BASELINE,
                    RuleInfo.Fix.SAFE,
                    Set.of(),
                    REFS,
                    List.of("\"BadThing\"\t\"0\"")),
            ctx -> {
                List<Finding> out = new ArrayList<>();
                for (Entry e : ctx.tab().liveEntries()) {
                    if (e.name().startsWith("Bad")) {
                        out.add(Finding.of(
                                info("SEC-901"),
                                Location.line(ctx.root().serverTabPath(), e.line(), e.name()),
                                info("SEC-901").message("bad", e.name(), e.value()),
                                e.record().text()));
                    }
                }
                return out;
            });

    /** TLS-902 (medium, strict only): always one finding on server.tab as a whole. */
    public static final Rule STRICT_ONLY = rule(
            new RuleInfo(
                    "TLS-902",
                    Severity.MEDIUM,
                    Category.TLS,
                    RuleInfo.STRICT_ONLY,
                    RuleInfo.Fix.NONE,
                    Set.of(),
                    REFS,
                    List.of()),
            ctx -> List.of(Finding.of(
                    info("TLS-902"),
                    Location.file(ctx.root().serverTabPath()),
                    info("TLS-902").message("always"))));

    /** CFG-903 (low, needs the MailRoot): every smtprelay.tab row. */
    public static final Rule RELAY_ROW = rule(
            new RuleInfo(
                    "CFG-903",
                    Severity.LOW,
                    Category.RELAY,
                    RuleInfo.BASELINE,
                    RuleInfo.Fix.NONE,
                    Set.of(RuleInfo.Need.MAILROOT),
                    REFS,
                    List.of()),
            ctx -> {
                List<Finding> out = new ArrayList<>();
                ctx.root().file(MailRootFile.SMTP_RELAY).ifPresent(f -> rows(f, "CFG-903", "relay", out));
                return out;
            });

    /** UPG-904 (info, needs --install-dir): one finding naming the install directory. */
    public static final Rule INSTALL_DIR = rule(
            new RuleInfo(
                    "UPG-904",
                    Severity.INFO,
                    Category.UPGRADE,
                    RuleInfo.BASELINE,
                    RuleInfo.Fix.NONE,
                    Set.of(RuleInfo.Need.INSTALL_DIR),
                    REFS,
                    List.of()),
            ctx -> List.of(Finding.of(
                    info("UPG-904"),
                    Location.file(ctx.options().installDir().orElseThrow()),
                    info("UPG-904")
                            .message(
                                    "install",
                                    ctx.options().installDir().orElseThrow().getFileName()))));

    /** SEC-905 (critical, needs the MailRoot): every ctrlaccounts.tab row. */
    public static final Rule CTRL_ACCOUNT = rule(
            new RuleInfo(
                    "SEC-905",
                    Severity.CRITICAL,
                    Category.CREDENTIALS,
                    RuleInfo.BASELINE,
                    RuleInfo.Fix.NONE,
                    Set.of(RuleInfo.Need.MAILROOT),
                    REFS,
                    List.of()),
            ctx -> {
                List<Finding> out = new ArrayList<>();
                ctx.root().file(MailRootFile.CTRL_ACCOUNTS).ifPresent(f -> rows(f, "SEC-905", "ctrl", out));
                return out;
            });

    /** CFG-906 (low): throws when server.tab sets {@code Crash}, as a buggy rule would. */
    public static final Rule CRASH = rule(
            new RuleInfo(
                    "CFG-906",
                    Severity.LOW,
                    Category.VALIDITY,
                    RuleInfo.BASELINE,
                    RuleInfo.Fix.NONE,
                    Set.of(),
                    REFS,
                    List.of()),
            ctx -> {
                if (ctx.tab().has("Crash")) {
                    throw new IllegalStateException("rule bug");
                }
                return List.of();
            });

    /** Every test rule, in id order of groups as the real catalogue lists them. */
    public static final List<Rule> ALL =
            List.of(BAD_VARIABLE, CTRL_ACCOUNT, STRICT_ONLY, RELAY_ROW, CRASH, INSTALL_DIR);

    private TestRules() {}

    /**
     * @param id a test rule id
     * @return its metadata
     */
    public static RuleInfo info(String id) {
        return switch (id) {
            case "SEC-901" -> BAD_VARIABLE.info();
            case "TLS-902" -> STRICT_ONLY.info();
            case "CFG-903" -> RELAY_ROW.info();
            case "UPG-904" -> INSTALL_DIR.info();
            case "SEC-905" -> CTRL_ACCOUNT.info();
            case "CFG-906" -> CRASH.info();
            default -> throw new IllegalArgumentException(id);
        };
    }

    private static void rows(TabFile f, String id, String kase, List<Finding> out) {
        for (TabFile.Row row : f.rows()) {
            out.add(Finding.of(
                    info(id),
                    Location.line(f.path(), row.line(), ""),
                    info(id).message(kase, row.column(0)),
                    row.record().text()));
        }
    }

    /**
     * @param key  a key of the test bundle (or of the catalogue's)
     * @param args values
     * @return the text
     */
    public static Text text(String key, Object... args) {
        return MESSAGES.text(key, args);
    }

    private interface Check {
        List<Finding> check(AuditContext ctx);
    }

    private static Rule rule(RuleInfo catalogued, Check check) {
        RuleInfo info = catalogued.withTexts(MESSAGES);
        return new Rule() {
            @Override
            public RuleInfo info() {
                return info;
            }

            @Override
            public List<Finding> check(AuditContext ctx) {
                return check.check(ctx);
            }
        };
    }
}
