package org.xmailkit.audit.rules.tls;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.tls.OpenSslInstall;
import org.xmailkit.audit.tls.OpenSslInstall.Family;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.Text;

/**
 * TLS-028: the install directory holds {@code libeay32.dll} / {@code ssleay32.dll}, the DLL names of OpenSSL before
 * 1.1.0. XMail 1.27 bundles OpenSSL 0.9.8l (November 2009) under these names: no TLS 1.3 (nor TLS 1.2 before
 * OpenSSL 1.0.1), SSLv2/SSLv3, export and RC4 suites enabled by XMail's library defaults, no forward secrecy.
 * XMail sets no protocol or cipher limits of its own, so the library decides.
 */
public final class LegacyOpenSsl implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-028",
            Severity.HIGH,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.INSTALL_DIR),
            List.of(
                    References.source("win32ssl/ (bundled OpenSSL 0.9.8l)"), References.source("SSLBind.cpp BSslInit"),
                    References.rfc(9325, "3.1.1"), Reference.of("NIST SP 800-52r2", "3.1")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<OpenSslInstall.Component> libs = InstallSupport.scan(ctx).libraries(Family.PRE_1_1);
        if (libs.isEmpty()) {
            return List.of();
        }
        String names = InstallSupport.names(libs);
        Optional<String> version = InstallSupport.version(libs);
        Text message = version.map(v -> InstallSupport.beforeTls12(v)
                        ? INFO.message("noTls12", names, v)
                        : INFO.message("noTls13", names, v))
                .orElse(INFO.message("unknown", names));
        return List.of(Finding.of(
                INFO,
                Location.file(libs.get(0).path()),
                message,
                libs.stream().map(InstallSupport::evidence).toArray(String[]::new)));
    }
}
