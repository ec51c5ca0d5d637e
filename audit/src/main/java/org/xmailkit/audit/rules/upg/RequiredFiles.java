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
import org.xmailkit.model.References;
import org.xmailkit.model.XMailVersion;

/**
 * UPG-011: MailRoot files and directories that later versions require and an older MailRoot may lack:
 * {@code aliasdomain.tab} (1.1), {@code cmdaliases/} (1.2), {@code filters.in.tab} and {@code filters.out.tab}
 * (1.14). The ChangeLog says each must exist, even empty.
 */
public final class RequiredFiles implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo("UPG-011", Severity.MEDIUM, Category.UPGRADE, RuleInfo.BASELINE,
            RuleInfo.Fix.NONE, Set.of(RuleInfo.Need.MAILROOT), List.of(References.changeLog("1.1"),
                    References.changeLog("1.2"), References.changeLog("1.14")), List.of());

    /**
     * One required path.
     *
     * @param name      the path under MailRoot
     * @param directory whether it is a directory
     * @param since     the version that requires it
     */
    record Required(String name, boolean directory, XMailVersion since) {
    }

    static final List<Required> REQUIRED = List.of(
            new Required("aliasdomain.tab", false, Changes.ALIASDOMAIN),
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
        for (Required r : REQUIRED) {
            Path p = ctx.root().directory().resolve(r.name());
            boolean present = r.directory() ? Files.isDirectory(p) : Files.isRegularFile(p);
            if (present) {
                continue;
            }
            String key = (r.directory() ? "dir." : "file.")
                    + (ctx.source().mayBeBefore(r.since()) ? "new" : "missing");
            out.add(Finding.of(INFO, Location.file(p), INFO.message(key, r.name(), r.since())));
        }
        return out;
    }
}
