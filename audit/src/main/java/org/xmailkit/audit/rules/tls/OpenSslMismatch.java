package org.xmailkit.audit.rules.tls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
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
import org.xmailkit.audit.tls.OpenSslInstall.Role;
import org.xmailkit.model.Reference;

/**
 * TLS-030: the OpenSSL files of the install directory do not belong together: DLLs of two families side by side,
 * crypto and TLS DLLs of different versions, {@code openssl.exe} of another version or DLL family than the DLLs, or
 * {@code XMail.exe} naming DLLs that are not there. XMailCFG does not check this and names a mismatch as a cause of
 * SSL start-up failure. Files are only read, never run.
 */
public final class OpenSslMismatch implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-030",
            Severity.MEDIUM,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.INSTALL_DIR),
            List.of(Reference.of("XMailCFG", "ssl_env.cgi")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        OpenSslInstall install = InstallSupport.scan(ctx);
        List<Finding> out = new ArrayList<>();
        Set<Family> families = install.families();
        List<OpenSslInstall.Component> allLibs = install.components().stream()
                .filter(c -> c.family().isPresent())
                .toList();
        if (families.size() > 1) {
            out.add(Finding.of(
                    INFO,
                    Location.file(install.directory()),
                    INFO.message("mixed", InstallSupport.names(allLibs)),
                    allLibs.stream().map(InstallSupport::evidence).toArray(String[]::new)));
        }
        for (Family f : families) {
            List<OpenSslInstall.Component> libs = install.libraries(f);
            Set<String> versions = new LinkedHashSet<>();
            libs.forEach(c -> c.version().ifPresent(versions::add));
            if (versions.size() > 1) {
                out.add(Finding.of(
                        INFO,
                        Location.file(libs.get(0).path()),
                        INFO.message("libraries", InstallSupport.names(libs), String.join(", ", versions)),
                        libs.stream().map(InstallSupport::evidence).toArray(String[]::new)));
            }
        }
        Set<String> libVersions = new LinkedHashSet<>();
        allLibs.forEach(c -> c.version().ifPresent(libVersions::add));
        Optional<OpenSslInstall.Component> tool = install.program(Role.TOOL);
        if (tool.isPresent()) {
            OpenSslInstall.Component t = tool.get();
            if (t.version().isPresent()
                    && !libVersions.isEmpty()
                    && !libVersions.contains(t.version().get())) {
                out.add(Finding.of(
                        INFO,
                        Location.file(t.path()),
                        INFO.message("tool", t.fileName(), t.version().get(), String.join(", ", libVersions)),
                        evidence(t, allLibs)));
            }
            missingFamilies(t, families)
                    .ifPresent(refs -> out.add(Finding.of(
                            INFO,
                            Location.file(t.path()),
                            INFO.message("toolLibraries", t.fileName(), refs, present(allLibs)),
                            evidence(t, allLibs))));
        }
        install.program(Role.XMAIL).ifPresent(x -> missingFamilies(x, families)
                .ifPresent(refs -> out.add(Finding.of(
                        INFO,
                        Location.file(x.path()),
                        INFO.message("xmail", x.fileName(), refs, present(allLibs)),
                        evidence(x, allLibs)))));
        return out;
    }

    /** The DLL names a program mentions when none of its families is present. */
    private static Optional<String> missingFamilies(OpenSslInstall.Component program, Set<Family> present) {
        Set<Family> wanted = program.referencedFamilies();
        if (wanted.isEmpty() || wanted.stream().anyMatch(present::contains)) {
            return Optional.empty();
        }
        return Optional.of(
                String.join(", ", program.references().stream().sorted().toList()));
    }

    private static String present(List<OpenSslInstall.Component> libs) {
        return libs.isEmpty() ? "-" : InstallSupport.names(libs);
    }

    private static String[] evidence(OpenSslInstall.Component program, List<OpenSslInstall.Component> libs) {
        List<String> out = new ArrayList<>();
        out.add(InstallSupport.evidence(program)
                + (program.references().isEmpty()
                        ? ""
                        : "; refers to "
                                + String.join(
                                        ", ",
                                        program.references().stream().sorted().toList())));
        libs.forEach(l -> out.add(InstallSupport.evidence(l)));
        return out.toArray(String[]::new);
    }
}
