package org.xmailkit.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.audit.probe.HostProbe;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.model.XMailVersion;

/**
 * How to audit.
 *
 * @param profile          which rules run
 * @param target           the version the server is moving to ({@code 1.27} or {@code 1.27-localized})
 * @param from             the source version given with {@code --from}, if any (else it is detected)
 * @param installDir       the Windows XMail install directory ({@code --install-dir}), if given
 * @param certWarnDays     a certificate expiring within this many days is reported (default 60)
 * @param certCriticalDays a certificate expiring within this many days is reported as urgent (default 30)
 * @param waivers          the waivers to apply
 * @param clock            the clock (injectable for tests)
 * @param startup          XMail's command line given with {@code --cmdline}, {@code --registry} or
 *                         {@code --service-file}; when empty, each MailRoot is searched for one
 * @param probes           what servers showed on the wire ({@code --probe}), by MailRoot path (absolute, normalised:
 *                         {@link NetAuditor#key}); their NET- findings join those servers' audits
 */
public record AuditOptions(
        Profile profile,
        XMailVersion target,
        Optional<XMailVersion> from,
        Optional<Path> installDir,
        int certWarnDays,
        int certCriticalDays,
        Waivers waivers,
        Clock clock,
        Optional<Startup> startup,
        Map<Path, HostProbe> probes) {

    public AuditOptions {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(installDir, "installDir");
        Objects.requireNonNull(waivers, "waivers");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(startup, "startup");
        probes = Map.copyOf(probes);
        if (certCriticalDays < 0 || certWarnDays < certCriticalDays) {
            throw new IllegalArgumentException("need 0 <= critical days <= warn days");
        }
    }

    /**
     * Options without a given command line and without probes.
     *
     * @param profile          which rules run
     * @param target           the version the server is moving to
     * @param from             the source version given, if any
     * @param installDir       the Windows XMail install directory, if given
     * @param certWarnDays     the certificate warning threshold in days
     * @param certCriticalDays the urgent certificate threshold in days
     * @param waivers          the waivers to apply
     * @param clock            the clock
     */
    public AuditOptions(
            Profile profile,
            XMailVersion target,
            Optional<XMailVersion> from,
            Optional<Path> installDir,
            int certWarnDays,
            int certCriticalDays,
            Waivers waivers,
            Clock clock) {
        this(
                profile,
                target,
                from,
                installDir,
                certWarnDays,
                certCriticalDays,
                waivers,
                clock,
                Optional.empty(),
                Map.of());
    }

    /** @return the defaults: baseline profile, target 1.27, no waivers, the system clock */
    public static AuditOptions defaults() {
        return new AuditOptions(
                Profile.BASELINE,
                XMailVersion.V1_27,
                Optional.empty(),
                Optional.empty(),
                60,
                30,
                Waivers.NONE,
                Clock.system(ZoneId.systemDefault()));
    }

    /**
     * @param p a profile
     * @return these options with it
     */
    public AuditOptions withProfile(Profile p) {
        return new AuditOptions(
                p, target, from, installDir, certWarnDays, certCriticalDays, waivers, clock, startup, probes);
    }

    /**
     * @param t a target version
     * @return these options with it
     */
    public AuditOptions withTarget(XMailVersion t) {
        return new AuditOptions(
                profile, t, from, installDir, certWarnDays, certCriticalDays, waivers, clock, startup, probes);
    }

    /**
     * @param c a clock
     * @return these options with it
     */
    public AuditOptions withClock(Clock c) {
        return new AuditOptions(
                profile, target, from, installDir, certWarnDays, certCriticalDays, waivers, c, startup, probes);
    }

    /**
     * @param v the source version, or empty to detect it
     * @return these options with it
     */
    public AuditOptions withFrom(Optional<XMailVersion> v) {
        return new AuditOptions(
                profile, target, v, installDir, certWarnDays, certCriticalDays, waivers, clock, startup, probes);
    }

    /**
     * @param dir the install directory, or empty
     * @return these options with it
     */
    public AuditOptions withInstallDir(Optional<Path> dir) {
        return new AuditOptions(
                profile, target, from, dir, certWarnDays, certCriticalDays, waivers, clock, startup, probes);
    }

    /**
     * @param w waivers
     * @return these options with them
     */
    public AuditOptions withWaivers(Waivers w) {
        return new AuditOptions(
                profile, target, from, installDir, certWarnDays, certCriticalDays, w, clock, startup, probes);
    }

    /**
     * @param s XMail's command line, or empty to look for one in each MailRoot
     * @return these options with it
     */
    public AuditOptions withStartup(Optional<Startup> s) {
        return new AuditOptions(
                profile, target, from, installDir, certWarnDays, certCriticalDays, waivers, clock, s, probes);
    }

    /**
     * @param path     a MailRoot directory (or bare server.tab)
     * @param observed what its running server showed on the wire
     * @return these options with that probe added
     */
    public AuditOptions withProbe(Path path, HostProbe observed) {
        Map<Path, HostProbe> m = new HashMap<>(probes);
        m.put(NetAuditor.key(path), observed);
        return new AuditOptions(
                profile, target, from, installDir, certWarnDays, certCriticalDays, waivers, clock, startup, m);
    }

    /**
     * @param path a MailRoot directory (or bare server.tab)
     * @return what its running server showed, when it was probed
     */
    public Optional<HostProbe> probe(Path path) {
        return Optional.ofNullable(probes.get(NetAuditor.key(path)));
    }
}
