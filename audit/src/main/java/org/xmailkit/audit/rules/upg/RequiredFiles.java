package org.xmailkit.audit.rules.upg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.behaviour.XMailStartup;
import org.xmailkit.model.References;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.fs.SafeReader;

/**
 * UPG-011: MailRoot files and directories that XMail 1.27 requires and a MailRoot may lack. Without one of
 * {@link XMailStartup#REQUIRED_FILES} (mailusers.tab, aliases.tab, extaliases.tab, domains.tab, aliasdomain.tab)
 * XMail does not start at all (checked with the real 1.27: it stops with "Error in function {stat}"); the ChangeLog
 * also requires {@code cmdaliases/} (1.2), {@code filters.in.tab} and {@code filters.out.tab} (1.14), even empty.
 */
public final class RequiredFiles implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "UPG-011",
            Severity.HIGH,
            Category.UPGRADE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("MailSvr.cpp SvrSetup"),
                    References.changeLog("1.1"),
                    References.changeLog("1.2"),
                    References.changeLog("1.14")),
            List.of());

    /**
     * One required path.
     *
     * @param name      the path under MailRoot
     * @param directory whether it is a directory
     * @param since     the version that requires it
     */
    record Required(String name, boolean directory, XMailVersion since) {}

    static final List<Required> REQUIRED = List.of(
            new Required("cmdaliases", true, Changes.CMDALIASES),
            new Required("filters.in.tab", false, Changes.FILTERS),
            new Required("filters.out.tab", false, Changes.FILTERS));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (String name : XMailStartup.missing(ctx.root())) {
            out.add(Finding.of(
                    INFO, Location.file(ctx.root().directory().resolve(name)), INFO.message("file.startup", name)));
        }
        for (Required r : REQUIRED) {
            Path p = ctx.root().directory().resolve(r.name());
            // A name the MailRoot's listing does not hold is missing without a look-up of its own.
            boolean present = ctx.root().kind(p) != SafeReader.Kind.MISSING
                    && (r.directory() ? Files.isDirectory(p) : Files.isRegularFile(p));
            if (present) {
                continue;
            }
            String key = (r.directory() ? "dir." : "file.") + (ctx.source().mayBeBefore(r.since()) ? "new" : "missing");
            out.add(Finding.of(INFO, Location.file(p), INFO.message(key, r.name(), r.since())));
        }
        return out;
    }
}
