package org.xmailkit.audit.rules.sec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Effective;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.Text;
import org.xmailkit.model.syntax.CustMapsList;

/**
 * SEC-026: CustMapsList queries DNS blocklists that no longer exist: the zones XMail itself once queried and
 * documented (the MAPS RBL/RSS/DUL zones at mail-abuse.org, the original rbl.maps.vix.com, ORBS). A dead zone gives
 * no protection, and XMail counts any A record as "listed", so a zone whose domain starts answering wildcard records
 * would reject every client. See {@link #INFO}.
 */
public final class DeadDnsbl implements Rule {

    /**
     * A retired zone.
     *
     * @param name   the zone, or the domain it lies under
     * @param exact  whether only that exact zone is meant (else any zone under it)
     * @param list   the list it belonged to
     * @param known  whether the facts record this zone as dead (else only its operator's zones are)
     */
    record DeadZone(String name, boolean exact, String list, boolean known) {
        boolean matches(String zone) {
            return exact ? zone.equals(name) : zone.equals(name) || zone.endsWith("." + name);
        }
    }

    /** Most specific first. */
    static final List<DeadZone> ZONES = List.of(
            new DeadZone("rbl.maps.vix.com", true, "MAPS RBL", true),
            new DeadZone("blackholes.mail-abuse.org", true, "MAPS RBL", true),
            new DeadZone("relays.mail-abuse.org", true, "MAPS RSS", true),
            new DeadZone("dialups.mail-abuse.org", true, "MAPS DUL", true),
            // ORBS shut down (XMail 1.3 dropped ORBS-MAPSCheck for that reason); its zones lived under orbs.org.
            new DeadZone("orbs.org", false, "ORBS", true),
            new DeadZone("mail-abuse.org", false, "MAPS", false),
            new DeadZone("maps.vix.com", false, "MAPS", false));

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-026",
            Severity.MEDIUM,
            Category.ABUSE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(
                    References.readme("server.tab CustMapsList"),
                    Reference.of(References.CHANGELOG, "1.3, 1.6 (MAPSCheck variables removed)")),
            List.of());

    private record Hit(CustMapsList.Zone zone, DeadZone dead) {}

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Effective e = ctx.tab().effective("CustMapsList");
        if (e.value() == null) {
            return List.of();
        }
        CustMapsList list = CustMapsList.parse(e.value());
        List<String> keep = new ArrayList<>();
        List<Hit> dead = new ArrayList<>();
        for (CustMapsList.Zone z : list.entries()) {
            Optional<DeadZone> d = lookup(z.zone());
            if (d.isPresent()) {
                dead.add(new Hit(z, d.get()));
            } else {
                keep.add(z.zone() + ":" + z.codeText());
            }
        }
        String remaining = Evidence.show(ctx.tab(), String.join(",", keep));
        List<Finding> out = new ArrayList<>();
        for (Hit h : dead) {
            DeadZone d = h.dead();
            String zone = Evidence.show(ctx.tab(), h.zone().zone());
            Text msg = d.known()
                    ? INFO.message("dead", e.line(), zone, d.list(), remaining)
                    : INFO.message("unknown", e.line(), zone, d.list(), remaining);
            out.add(Finding.of(INFO, Sec.var(ctx, e), msg, Evidence.setting(ctx.tab(), e)));
        }
        return out;
    }

    /** @return the retired zone a CustMapsList zone names (case-insensitive, trailing dot ignored) */
    static Optional<DeadZone> lookup(String zone) {
        String z = zone.strip().toLowerCase(Locale.ROOT);
        while (z.endsWith(".")) {
            z = z.substring(0, z.length() - 1);
        }
        String n = z;
        return ZONES.stream().filter(d -> d.matches(n)).findFirst();
    }
}
