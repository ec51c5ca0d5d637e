package org.xmailkit.audit;

import java.util.HashMap;
import java.util.Map;
import org.xmailkit.audit.tls.TlsMaterial;
import org.xmailkit.model.MailRoot;

/**
 * What the audits of one server in one run share, so that it is read once: the TLS material every certificate rule
 * looks at. The audits of a migration's before and after states share one (the migration edits {@code .tab} files,
 * never the certificate, key or CA files). It lives as long as the caller holds it, never in a static: a fleet run
 * gives each server its own and lets it go with the server.
 */
public final class AuditRun {

    private final Map<MailRoot, TlsMaterial> tls = new HashMap<>();

    /**
     * @param root a MailRoot, or a copy of one with edited {@code .tab} files ({@link MailRoot#withContent})
     * @return its TLS material, read on the first call for its origin
     */
    public synchronized TlsMaterial tls(MailRoot root) {
        return tls.computeIfAbsent(root.origin(), TlsMaterial::load);
    }
}
