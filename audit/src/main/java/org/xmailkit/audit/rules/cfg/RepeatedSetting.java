package org.xmailkit.audit.rules.cfg;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.References;

/** CFG-009: a name set again with the same value: harmless today, a trap for the next edit. */
public final class RepeatedSetting implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-009",
            Severity.INFO,
            Category.VALIDITY,
            RuleInfo.STRICT_ONLY,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.READ_CONFIG),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return ConflictingDuplicate.duplicates(INFO, ctx, true);
    }
}
