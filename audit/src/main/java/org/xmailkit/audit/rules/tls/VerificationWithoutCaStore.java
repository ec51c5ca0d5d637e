package org.xmailkit.audit.rules.tls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.tls.TrustAnchors;
import org.xmailkit.model.Effective;
import org.xmailkit.model.InputException;
import org.xmailkit.model.References;
import org.xmailkit.model.fs.SafeReader;

/**
 * TLS-014: certificate verification is on, but XMail has no CA file or directory of its own: {@code certs.pem} is
 * used only with {@code SSLUseCertsFile=1}, {@code certs/} only with {@code SSLUseCertsDir=1}, each only when it
 * exists. Otherwise XMail silently falls back to the OpenSSL build's default CA location
 * ({@code SSL_CTX_set_default_verify_paths}). Also reported: a configured certs.pem without certificates and a
 * configured certs/ without OpenSSL's hashed file names.
 */
public final class VerificationWithoutCaStore implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-014",
            Severity.MEDIUM,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(References.source("SSLConfig.cpp CSslBindSetup"), References.source("SSLBind.cpp BSslSetupVerify")),
            List.of("\"SSLUseCertsFile\"\t\"1\""));

    // c_rehash names: 8 hex digits of the subject hash, a dot and a sequence number (".rN" for CRLs).
    private static final Pattern HASHED = Pattern.compile("[0-9a-f]{8}\\.r?\\d+");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        if (!TlsSupport.verificationOn(ctx)) {
            return List.of();
        }
        Effective useFile = ctx.tab().effective(TlsSupport.SSL_USE_CERTS_FILE);
        Effective useDir = ctx.tab().effective(TlsSupport.SSL_USE_CERTS_DIR);
        boolean fileOn = useFile.flag().orElse(false);
        boolean dirOn = useDir.flag().orElse(false);
        Optional<Path> pem = ctx.root().certsPem();
        Optional<Path> dir = ctx.root().certsDir();
        boolean caFile = fileOn && pem.isPresent();
        boolean caDir = dirOn && dir.isPresent();
        List<Finding> out = new ArrayList<>();
        if (!caFile && !caDir) {
            if (fileOn) {
                out.add(Finding.of(
                        INFO,
                        TlsSupport.at(ctx, useFile),
                        INFO.message("fileMissing"),
                        Evidence.setting(ctx.tab(), useFile)));
            }
            if (dirOn) {
                out.add(Finding.of(
                        INFO,
                        TlsSupport.at(ctx, useDir),
                        INFO.message("dirMissing"),
                        Evidence.setting(ctx.tab(), useDir)));
            }
            if (!fileOn && pem.isPresent()) {
                out.add(Finding.of(
                        INFO,
                        TlsSupport.at(ctx, useFile),
                        INFO.message("fileUnused"),
                        Evidence.setting(ctx.tab(), useFile)));
            }
            if (!dirOn && dir.isPresent()) {
                out.add(Finding.of(
                        INFO,
                        TlsSupport.at(ctx, useDir),
                        INFO.message("dirUnused"),
                        Evidence.setting(ctx.tab(), useDir)));
            }
            if (out.isEmpty()) {
                Effective by = ctx.tab()
                        .effective(
                                TlsSupport.on(ctx, TlsSupport.SSL_WANT_VERIFY)
                                        ? TlsSupport.SSL_WANT_VERIFY
                                        : TlsSupport.SSL_WANT_CERT);
                out.add(Finding.of(
                        INFO, TlsSupport.at(ctx, by), INFO.message("none"), Evidence.setting(ctx.tab(), by)));
            }
            return out;
        }
        if (caFile && TrustAnchors.bundle(ctx.root(), pem.get()).isEmpty()) {
            out.add(Finding.of(INFO, Location.file(pem.get()), INFO.message("fileEmpty")));
        }
        if (caDir && !hasHashedNames(ctx, dir.get())) {
            out.add(Finding.of(INFO, Location.file(dir.get()), INFO.message("dirNoHashes")));
        }
        return out;
    }

    private static boolean hasHashedNames(AuditContext ctx, Path dir) {
        try {
            return ctx.root().list(dir, "*", SafeReader.MAX_ENTRIES).stream()
                    .anyMatch(p -> HASHED.matcher(p.getFileName().toString()).matches());
        } catch (InputException e) {
            // A directory this audit cannot list (or a link leading out of the MailRoot) is not judged; the
            // MailRoot's read errors name it.
            return true;
        }
    }
}
