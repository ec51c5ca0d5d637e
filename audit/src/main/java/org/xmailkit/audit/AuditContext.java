package org.xmailkit.audit;

import java.util.Objects;
import java.util.Optional;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.ServerTab;

/**
 * What a rule sees.
 *
 * @param root    the MailRoot (or bare server.tab)
 * @param source  the source version (given or detected)
 * @param options the audit options (target version, clock, thresholds, install directory)
 * @param startup XMail's command line, when known (given, or found in the MailRoot)
 */
public record AuditContext(MailRoot root, SourceVersion source, AuditOptions options, Optional<Startup> startup) {

    public AuditContext {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(startup, "startup");
    }

    /**
     * A context whose command line is the one the options give, if any.
     *
     * @param root    the MailRoot
     * @param source  the source version
     * @param options the audit options
     */
    public AuditContext(MailRoot root, SourceVersion source, AuditOptions options) {
        this(root, source, options, options.startup());
    }

    /** @return server.tab as XMail 1.27 sees it */
    public ServerTab tab() {
        return root.serverTab();
    }
}
