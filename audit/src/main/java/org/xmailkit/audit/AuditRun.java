package org.xmailkit.audit;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.xmailkit.audit.tls.TlsMaterial;
import org.xmailkit.model.MailRoot;

/**
 * What the audits of one server in one run share, so that it is read once: the TLS material every certificate rule
 * looks at, and what several rules derive from one MailRoot ({@link Derived}). The audits of a migration's before
 * and after states share one (the migration edits {@code .tab} files, never the certificate, key or CA files). It
 * lives as long as the caller holds it, never in a static: a fleet run gives each server its own and lets it go with
 * the server.
 */
public final class AuditRun {

    private final Map<MailRoot, TlsMaterial> tls = new HashMap<>();
    /** Per audited MailRoot (a copy with edited files is one of its own: MailRoots compare by identity). */
    private final Map<MailRoot, Map<Derived<?>, Object>> derived = new HashMap<>();

    /**
     * Something several rules derive from the audited MailRoot's files alone (not from the options or the source
     * version), computed once per MailRoot.
     *
     * @param <T> what is derived
     */
    public static final class Derived<T> {
        private final Function<AuditContext, T> compute;

        /** @param compute how it is derived, from the context's MailRoot only */
        public Derived(Function<AuditContext, T> compute) {
            this.compute = compute;
        }
    }

    /**
     * @param root a MailRoot, or a copy of one with edited {@code .tab} files ({@link MailRoot#withContent})
     * @return its TLS material, read on the first call for its origin
     */
    public synchronized TlsMaterial tls(MailRoot root) {
        return tls.computeIfAbsent(root.origin(), TlsMaterial::load);
    }

    /**
     * @param <T>  what is derived
     * @param ctx  an audit of a MailRoot, or of a copy of one with edited {@code .tab} files (which has its own)
     * @param what what to derive
     * @return it, computed on the first call for this very MailRoot
     */
    @SuppressWarnings("unchecked") // each Derived<T> only ever maps to its own T
    <T> T derived(AuditContext ctx, Derived<T> what) {
        MailRoot root = ctx.root();
        synchronized (this) {
            Map<Derived<?>, Object> known = derived.get(root);
            if (known != null && known.containsKey(what)) {
                return (T) known.get(what);
            }
        }
        T value = what.compute.apply(ctx); // outside the lock: it may ask for the TLS material
        synchronized (this) {
            derived.computeIfAbsent(root, r -> new HashMap<>()).putIfAbsent(what, value);
            return (T) derived.get(root).get(what);
        }
    }
}
