package org.xmailkit.audit.rules.tls;

import java.util.List;
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

/**
 * TLS-029: the install directory holds OpenSSL 1.1 DLLs ({@code libcrypto-1_1.dll} / {@code libssl-1_1.dll}), what
 * the localized XMail build and XMailCFG recommend (1.1.1o on the XMailCFG demo). OpenSSL 1.1.1 has been out of
 * support since September 2023: no public security fixes.
 */
public final class EndOfLifeOpenSsl implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-029",
            Severity.MEDIUM,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.INSTALL_DIR),
            List.of(Reference.of("XMailCFG", "XMail 環境設定 (SSL/TLS notes)"), References.rfc(9325, "3.1.1")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<OpenSslInstall.Component> libs = InstallSupport.scan(ctx).libraries(Family.V1_1);
        if (libs.isEmpty()) {
            return List.of();
        }
        String version = InstallSupport.version(libs).orElse("1.1");
        return List.of(Finding.of(
                INFO,
                Location.file(libs.get(0).path()),
                INFO.message("eol", InstallSupport.names(libs), version),
                libs.stream().map(InstallSupport::evidence).toArray(String[]::new)));
    }
}
