package org.xmailkit.audit.rules.tls;

import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.tls.KeyFile;
import org.xmailkit.model.Reference;

/**
 * TLS-026: server.key can be read (or written) by users other than its owner and group. Checked where the file
 * system has POSIX permissions; skipped elsewhere (Windows ACLs are not judged).
 */
public final class KeyFileReadable implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-026",
            Severity.MEDIUM,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(Reference.of("CWE-732", "")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        KeyFile key = CertSupport.material(ctx).key();
        if (!key.present() || !key.openToOthers()) {
            return List.of();
        }
        String perms = PosixFilePermissions.toString(key.permissions().orElseThrow());
        return List.of(
                Finding.of(INFO, CertSupport.keyFile(ctx), INFO.message("others", perms), "server.key: " + perms));
    }
}
