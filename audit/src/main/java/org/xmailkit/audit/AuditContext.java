package org.xmailkit.audit;

import java.util.Objects;
import java.util.Optional;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.audit.tls.TlsMaterial;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.version.SourceVersion;

/**
 * What a rule sees.
 *
 * @param root    the MailRoot (or bare server.tab)
 * @param source  the source version (given or detected)
 * @param options the audit options (target version, clock, thresholds, install directory)
 * @param startup XMail's command line, when known (given, or found in the MailRoot)
 * @param run     what the audits of this server in this run share (material read once)
 */
public record AuditContext(
        MailRoot root, SourceVersion source, AuditOptions options, Optional<Startup> startup, AuditRun run) {

    public AuditContext {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(startup, "startup");
        Objects.requireNonNull(run, "run");
    }

    /**
     * The context of an audit that shares nothing with another, whose command line is the one the options give.
     *
     * @param root    the MailRoot (or bare server.tab)
     * @param source  the source version
     * @param options the audit options
     */
    public AuditContext(MailRoot root, SourceVersion source, AuditOptions options) {
        this(root, source, options, options.startup(), new AuditRun());
    }

    /**
     * A context that shares nothing with another audit.
     *
     * @param root    the MailRoot (or bare server.tab)
     * @param source  the source version
     * @param options the audit options
     * @param startup XMail's command line, when known
     */
    public AuditContext(MailRoot root, SourceVersion source, AuditOptions options, Optional<Startup> startup) {
        this(root, source, options, startup, new AuditRun());
    }

    /** @return the MailRoot's TLS material, read once for this run */
    public TlsMaterial tls() {
        return run.tls(root);
    }

    /**
     * @param <T>  what is derived
     * @param what something several rules derive from this MailRoot's files alone
     * @return it, computed once per MailRoot for this run
     */
    public <T> T derived(AuditRun.Derived<T> what) {
        return run.derived(this, what);
    }

    /** @return server.tab as XMail 1.27 sees it */
    public ServerTab tab() {
        return root.serverTab();
    }
}
