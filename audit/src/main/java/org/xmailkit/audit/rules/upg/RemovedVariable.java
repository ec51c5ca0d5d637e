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

/**
 * UPG-001: a variable an older XMail read and 1.27 ignores: {@code SMTP-RARPCheck} (renamed {@code SMTP-RDNSCheck}
 * in 0.55), the {@code *-MAPSCheck} flags (1.3/1.6, zones dead), {@code HeloUseRootDomain} (replaced by
 * {@code HeloDomain} in 0.71), {@code DynDnsSetup} (1.24), {@code SMTP-TLS} (replaced by {@code SmtpGwConfig}
 * {@code NeedTLS=1} in 1.25). When the configuration was certainly written for a version that already ignored the
 * name, the line is a leftover: carrying it over would turn on something that has been off.
 */
public final class RemovedVariable implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo("UPG-001", Severity.MEDIUM, Category.UPGRADE, RuleInfo.BASELINE,
            RuleInfo.Fix.SAFE, Set.of(), List.of(References.changeLog("0.55"), References.changeLog("0.71"),
                    References.changeLog("1.3"), References.changeLog("1.6"), References.changeLog("1.24"),
                    References.changeLog("1.25")), List.of());

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
        if (name.equals("DynDnsSetup")) {
            return INFO.message("dynDns", name, removed);
        }
        if (!on) {
            return INFO.message("off", name, removed, Evidence.show(tab, e.value()));
        }
        if (name.equals("SMTP-RARPCheck")) {
            Optional<Entry> now = tab.entry("SMTP-RDNSCheck");
            return now.isPresent()
                    ? INFO.message("renameBoth", name, removed, "SMTP-RDNSCheck", now.get().line())
                    : INFO.message("rename", name, removed, "SMTP-RDNSCheck",
                            TabFindings.line("SMTP-RDNSCheck", e.displayValue(tab.charset())));
        }
        if (name.endsWith("-MAPSCheck")) {
            return INFO.message("maps", name, removed);
        }
        if (name.equals("HeloUseRootDomain")) {
            if (tab.has("HeloDomain")) {
                return INFO.message("heloBoth", name, removed, tab.entry("HeloDomain").get().line());
            }
            return tab.entry("RootDomain").filter(r -> !r.value().isEmpty())
                    .map(r -> INFO.message("helo", name, removed,
                            TabFindings.line("HeloDomain", r.displayValue(tab.charset()))))
                    .orElse(INFO.message("heloNoRoot", name, removed));
        }
        if (name.equals("SMTP-TLS")) {
            Optional<OptionList.Option> needTls = tab.entry("SmtpGwConfig")
                    .flatMap(g -> OptionList.parse(g.value()).get("NeedTLS"));
            if (needTls.isPresent()) {
                return INFO.message("smtpTlsBoth", name, removed,
                        Evidence.show(tab, needTls.get().hasValue() ? needTls.get().value() : ""));
            }
            String existing = tab.entry("SmtpGwConfig").map(g -> g.displayValue(tab.charset())).orElse("");
            String value = existing.isEmpty() ? "NeedTLS=1" : existing + ",NeedTLS=1";
            return INFO.message("smtpTls", name, removed, TabFindings.line("SmtpGwConfig", value));
        }
        return INFO.message("off", name, removed, Evidence.show(tab, e.value()));
    }
}
