package org.xmailkit.audit.rules.tls;

import java.util.List;
import java.util.Optional;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.tls.OpenSslInstall;

/** What the install-directory rules share. */
final class InstallSupport {

    private InstallSupport() {}

    /**
     * @param ctx the audit (its install directory is set: the rules need INSTALL_DIR)
     * @return the OpenSSL files found there
     */
    static OpenSslInstall scan(AuditContext ctx) {
        // A directory that does not exist is the command line's error to report; here it simply holds nothing.
        OpenSslInstall install = OpenSslInstall.scan(ctx.options().installDir().orElseThrow());
        // A file that was refused leaves the check incomplete: every output names it, as for the MailRoot's files.
        install.refused().forEach(ctx.root()::recordReadError);
        return install;
    }

    /**
     * @param libs libraries
     * @return their file names, comma-separated
     */
    static String names(List<OpenSslInstall.Component> libs) {
        return String.join(
                ", ", libs.stream().map(OpenSslInstall.Component::fileName).toList());
    }

    /**
     * @param libs libraries
     * @return the first version text any of them carries (crypto library first)
     */
    static Optional<String> version(List<OpenSslInstall.Component> libs) {
        return libs.stream()
                .sorted((a, b) -> a.role().compareTo(b.role()))
                .map(OpenSslInstall.Component::version)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * @param c a file
     * @return {@code name: OpenSSL version} or {@code name: no version text}
     */
    static String evidence(OpenSslInstall.Component c) {
        return c.fileName() + ": " + c.version().map(v -> "OpenSSL " + v).orElse("no OpenSSL version text");
    }

    /**
     * @param version e.g. {@code 0.9.8l}
     * @return whether it predates OpenSSL 1.0.1, the first release with TLS 1.1 and 1.2
     */
    static boolean beforeTls12(String version) {
        String s = OpenSslInstall.series(version);
        return s.startsWith("0.") || s.equals("1.0.0");
    }
}
