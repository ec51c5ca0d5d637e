package org.xmailkit.audit;

import java.util.Objects;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.version.SourceVersion;

/**
 * What a rule sees.
 *
 * @param root    the MailRoot (or bare server.tab)
 * @param source  the source version (given or detected)
 * @param options the audit options (target version, clock, thresholds, install directory)
 */
public record AuditContext(MailRoot root, SourceVersion source, AuditOptions options) {

    public AuditContext {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
    }

    /** @return server.tab as XMail 1.27 sees it */
    public ServerTab tab() {
        return root.serverTab();
    }
}
