package org.xmailkit.audit.rules.upg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.rules.cfg.TabFindings;
import org.xmailkit.model.Entry;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Text;
import org.xmailkit.model.Values;
import org.xmailkit.model.Variable;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.syntax.OptionList;
import org.xmailkit.model.upgrade.Removal;

/**
 * UPG-001: a variable an older XMail read and 1.27 ignores ({@link Removal}, which also declares the fix the
 * migration writes and this rule shows): {@code SMTP-RARPCheck} (renamed {@code SMTP-RDNSCheck}
 * in 0.55), the {@code *-MAPSCheck} flags (1.3/1.6, zones dead), {@code HeloUseRootDomain} (replaced by
 * {@code HeloDomain} in 0.71), {@code DynDnsSetup} (1.24), {@code SMTP-TLS} (replaced by {@code SmtpGwConfig}
 * {@code NeedTLS=1} in 1.25). When the configuration was certainly written for a version that already ignored the
 * name, the line is a leftover: carrying it over would turn on something that has been off.
 */
public final class RemovedVariable implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "UPG-001",
            Severity.MEDIUM,
            Category.UPGRADE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.SAFE,
            Set.of(),
            List.of(
                    References.changeLog("0.55"),
                    References.changeLog("0.71"),
                    References.changeLog("1.3"),
                    References.changeLog("1.6"),
                    References.changeLog("1.24"),
                    References.changeLog("1.25")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        ServerTab tab = ctx.tab();
        List<Finding> out = new ArrayList<>();
        for (Entry e : tab.liveEntries()) {
            Optional<Variable> v = tab.catalog().find(e.name()).filter(x -> x.role() == Variable.Role.REMOVED);
            if (v.isEmpty()) {
                continue;
            }
            XMailVersion removed = v.get().removedVersion().orElse(XMailVersion.V1_27);
            Text message = ctx.source().mayBeBefore(removed)
                    ? message(tab, e, removed)
                    : INFO.message("leftover", e.name(), removed, ctx.source().display());
            out.add(TabFindings.at(INFO, ctx, e, e.nameToken().column(), message));
        }
        return out;
    }

    private static Text message(ServerTab tab, Entry e, XMailVersion removed) {
        String name = e.name();
        boolean on = Values.atoi(e.value()).orElse(0) != 0;
        Optional<Removal> removal = Removal.of(name);
        if (removal.isEmpty() || removal.get() == Removal.DYNDNS_SETUP) {
            return removal.isEmpty()
                    ? INFO.message("off", name, removed, Evidence.show(tab, e.value()))
                    : INFO.message("dynDns", name, removed);
        }
        Removal r = removal.get();
        if (!on) {
            return INFO.message("off", name, removed, Evidence.show(tab, e.value()));
        }
        // The line to write is the migration's own fix (Removal.replacement), not worked out again here.
        Optional<String> fix =
                r.replacement(tab, e).map(s -> TabFindings.line(s.name(), Entry.decode(s.value(), tab.charset())));
        String now = r.replacedBy().orElse("");
        return switch (r) {
            case RARP_CHECK ->
                fix.map(line -> INFO.message("rename", name, removed, now, line))
                        .orElseGet(() -> INFO.message(
                                "renameBoth",
                                name,
                                removed,
                                now,
                                tab.entry(now).orElseThrow().line()));
            case HELO_USE_ROOT_DOMAIN ->
                r.superseded(tab)
                        ? INFO.message(
                                "heloBoth",
                                name,
                                removed,
                                tab.entry(now).orElseThrow().line())
                        : fix.map(line -> INFO.message("helo", name, removed, line))
                                .orElse(INFO.message("heloNoRoot", name, removed));
            case SMTP_TLS ->
                fix.map(line -> INFO.message("smtpTls", name, removed, line)).orElseGet(() -> {
                    OptionList.Option needTls = tab.entry(now)
                            .flatMap(g -> OptionList.parse(g.value()).get("NeedTLS"))
                            .orElseThrow();
                    return INFO.message(
                            "smtpTlsBoth",
                            name,
                            removed,
                            Evidence.show(tab, needTls.hasValue() ? needTls.value() : ""));
                });
            default -> INFO.message("maps", name, removed);
        };
    }
}
