package org.xmailkit.audit.rules.tls;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.tls.CertificateFacts;
import org.xmailkit.audit.tls.FileStatus;
import org.xmailkit.audit.tls.TlsMaterial;

/** What the certificate rules share. */
final class CertSupport {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private CertSupport() {}

    /** @return the MailRoot's TLS material (read once per run) */
    static TlsMaterial material(AuditContext ctx) {
        return ctx.tls();
    }

    /** @return the audit's "now" */
    static Instant now(AuditContext ctx) {
        return ctx.options().clock().instant();
    }

    /** @return the certificates of server.cert, or none when it could not be read */
    static List<CertificateFacts> certificates(AuditContext ctx) {
        TlsMaterial m = material(ctx);
        return m.certificate().status() == FileStatus.OK ? m.certificate().certificates() : List.of();
    }

    /** @return server.cert's location */
    static Location certFile(AuditContext ctx) {
        return Location.file(material(ctx).certificate().path());
    }

    /** @return server.key's location */
    static Location keyFile(AuditContext ctx) {
        return Location.file(material(ctx).key().path());
    }

    /**
     * @param t an instant
     * @return it for messages, e.g. {@code 2025-06-10 00:00:00 UTC}
     */
    static String date(Instant t) {
        return DATE.format(t);
    }

    /**
     * @param c a certificate
     * @return a one-line summary for evidence (public facts only)
     */
    static String summary(CertificateFacts c) {
        return "server.cert #" + c.position() + ": subject=" + c.subject() + "; issuer=" + c.issuer()
                + "; notBefore=" + date(c.notBefore()) + "; notAfter=" + date(c.notAfter())
                // "public key", not "key=": the secrets mask hides any value assigned to a name containing "key".
                + "; public key " + c.keyDescription() + "; signature=" + c.signatureAlgorithm()
                + "; sha256=" + c.sha256();
    }

    /**
     * The expiry warnings: a finding for every certificate of server.cert whose time left the window accepts, with
     * the message {@code textKey} given the certificate, its notAfter, the whole days left and {@code days}.
     *
     * @param ctx     the audit
     * @param info    the rule
     * @param textKey the message key
     * @param days    the threshold the message names
     * @param window  whether a time left (negative when expired) is one to report
     * @return the findings, in file order
     */
    static List<Finding> expiring(
            AuditContext ctx, RuleInfo info, String textKey, int days, Predicate<Duration> window) {
        Instant now = now(ctx);
        return each(
                ctx,
                (c, where) -> window.test(c.remaining(now))
                        ? List.of(Finding.of(
                                info,
                                where,
                                info.message(textKey, c.describe(), date(c.notAfter()), c.daysLeft(now), days),
                                summary(c)))
                        : List.of());
    }

    /**
     * Runs a check on every certificate of server.cert.
     *
     * @param ctx   the audit
     * @param check the check per certificate, giving its findings
     * @return all findings, in file order
     */
    static List<Finding> each(AuditContext ctx, BiFunction<CertificateFacts, Location, List<Finding>> check) {
        List<Finding> out = new ArrayList<>();
        Location where = certFile(ctx);
        for (CertificateFacts c : certificates(ctx)) {
            out.addAll(check.apply(c, where));
        }
        return out;
    }
}
