package org.xmailkit.audit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.probe.HostProbe;
import org.xmailkit.audit.startup.Group;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.audit.startup.Startups;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.Text;
import org.xmailkit.model.ctrl.CtrlTransport;
import org.xmailkit.model.ctrl.CtrlUrl;
import org.xmailkit.model.ctrl.Origins;
import org.xmailkit.model.version.SourceVersion;
import org.xmailkit.model.version.VersionDetector;

/**
 * Runs rules over a MailRoot and collects findings in a deterministic order, then applies waivers: an inline
 * {@code # xmailkit:ignore} comment above the flagged line, else the waiver file. Waived findings stay in the result,
 * marked.
 */
public final class Auditor {

    /** Findings order: severity (most serious first), file, line, column, rule id, message key and values. */
    public static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> f.severity())
            .thenComparing(f -> f.location().file().toString())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(f -> f.rule().id())
            .thenComparing(f -> f.message().key())
            .thenComparing(f -> String.join("\u0000", f.message().strings()));

    /** Why a rule does not apply: its needs are not met (texts made once, shared by every outcome). */
    private static final Text BARE_SERVER_TAB = AuditMessages.text("outcome.bareServerTab");

    private static final Text NO_INSTALL_DIR = AuditMessages.text("outcome.noInstallDir");
    private static final Text NO_STARTUP = AuditMessages.text("outcome.noStartup");

    private final List<Rule> rules;
    /** Each rule with its profiles and needs as enum sets, asked about per server (made once, not per server). */
    private final List<Planned> planned;

    private final Set<String> ruleIds;
    /** The ids an inline waiver may name: these rules' and the NET- rules' (made once, not per server). */
    private final Set<String> waivable;

    /** @param rules the rules to run, in order */
    public Auditor(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.planned = this.rules.stream().map(Planned::of).toList();
        Set<String> ids = new LinkedHashSet<>();
        this.rules.forEach(r -> ids.add(r.info().id()));
        this.ruleIds = Set.copyOf(ids);
        this.waivable = Rules.ids(this.ruleIds);
    }

    /** @return an auditor with every rule of {@link Rules#ALL} */
    public static Auditor standard() {
        return new Auditor(Rules.ALL);
    }

    /** @return the rules, in order */
    public List<Rule> rules() {
        return rules;
    }

    /** @return the ids of the rules, which waivers may name */
    public Set<String> ruleIds() {
        return ruleIds;
    }

    /**
     * @param root    a MailRoot or bare server.tab
     * @param options how to audit
     * @return the result
     */
    public AuditResult audit(MailRoot root, AuditOptions options) {
        SourceVersion source = options.from().map(SourceVersion::given).orElseGet(() -> new VersionDetector()
                .detect(root.serverTab()));
        return audit(root, options, source);
    }

    /**
     * Audits with a source version decided by the caller, e.g. a migration that audits a configuration before and
     * after its edits against the same source version.
     *
     * @param root    a MailRoot or bare server.tab
     * @param options how to audit ({@code options.from()} is not consulted)
     * @param source  the source version the rules see
     * @return the result
     */
    public AuditResult audit(MailRoot root, AuditOptions options, SourceVersion source) {
        return audit(root, options, source, new AuditRun());
    }

    /**
     * Audits as one of several audits of the same server that share what they read (a migration's before and after).
     *
     * @param root    a MailRoot or bare server.tab
     * @param options how to audit ({@code options.from()} is not consulted)
     * @param source  the source version the rules see
     * @param run     what the audits of this server share
     * @return the result
     */
    public AuditResult audit(MailRoot root, AuditOptions options, SourceVersion source, AuditRun run) {
        List<InputException> startupErrors = new ArrayList<>();
        Optional<Startup> startup = startup(root, options, startupErrors);
        AuditContext ctx = new AuditContext(root, source, options, startup, run);
        List<Finding> findings = new ArrayList<>();
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (Planned p : planned) {
            RuleInfo info = p.info();
            if (!p.profiles().contains(options.profile())) {
                outcomes.add(new RuleOutcome(info, RuleOutcome.Status.SKIPPED, Optional.empty()));
                continue;
            }
            Text missing = missingNeed(p.needs(), ctx);
            if (missing != null) {
                outcomes.add(new RuleOutcome(info, RuleOutcome.Status.NOT_APPLICABLE, Optional.of(missing)));
                continue;
            }
            List<Finding> found = p.rule().check(ctx);
            findings.addAll(found);
            outcomes.add(new RuleOutcome(
                    info, found.isEmpty() ? RuleOutcome.Status.PASSED : RuleOutcome.Status.FAILED, Optional.empty()));
        }
        InlineWaivers waivers = new InlineWaivers(root, waivable, options.waivers(), LocalDate.now(options.clock()));
        // Rules mask what they know to be secret; this is the second line of defence for every output.
        Secrets secrets = Secrets.of(root);
        Scrubber scrub = new Scrubber(secrets);
        List<Finding> waived = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            waived.add(scrub.finding(waivers.apply(f)));
        }
        List<Notice> notices = new ArrayList<>(waivers.notices().stream()
                .map(n -> new Notice(n.location(), scrub.text(n.message())))
                .toList());
        Path at = root.bare() ? root.serverTabPath() : root.directory();
        Optional<HostProbe> probe = options.probe(at);
        if (probe.isPresent()) {
            // What the running server showed: the NET- rules, their findings located in this MailRoot.
            NetAudit net = NetAuditor.standard().audit(probe.get(), Optional.of(root), options);
            net.findings().forEach(f -> waived.add(f.asFinding(at)));
            outcomes.addAll(net.outcomes());
            net.notices().stream()
                    .filter(n -> notices.stream().noneMatch(m -> same(m, n)))
                    .forEach(notices::add);
        }
        waived.sort(ORDER);
        SourceVersion shown = new SourceVersion(
                source.earliest(),
                source.latest(),
                source.evidence().stream().map(scrub::text).toList(),
                source.given());
        return new AuditResult(
                at,
                root.bare(),
                shown,
                waived,
                outcomes,
                root.readErrors(),
                notices,
                startup,
                probe.map(p -> p.map(secrets::scrub)));
    }

    /**
     * The command line the options give, else one kept in the MailRoot under a documented name; a file found there
     * that cannot be used is a read error of the MailRoot (and of the audit), not a failure of it. A server read over
     * CTRL has no such file (CTRL gives no way to read XMail's command line), and a line given for it is checked
     * against the port it answered on ({@link Startups#readOver}).
     *
     * @param root    the MailRoot
     * @param options the options
     * @param errors  where a read error also goes
     * @return the command line, when known
     */
    public static Optional<Startup> startup(MailRoot root, AuditOptions options, List<InputException> errors) {
        Optional<Origins.Origin> remote = root.bare() ? Optional.empty() : Origins.of(root.directory());
        if (options.startup().isPresent() || root.bare()) {
            return options.startup().map(s -> remote.map(o -> readOver(s, o)).orElse(s));
        }
        if (remote.isPresent()) {
            return Optional.empty();
        }
        try {
            return Startups.find(root);
        } catch (InputException e) {
            root.recordReadError(e);
            errors.add(e);
            return Optional.empty();
        }
    }

    private static Startup readOver(Startup s, Origins.Origin origin) {
        int port;
        try {
            port = CtrlUrl.parse(origin.server()).port();
        } catch (IllegalArgumentException e) {
            return s;
        }
        Group service = origin.transport() == CtrlTransport.TLS ? Group.CTRLS : Group.CTRL;
        return Startups.readOver(s, service, port);
    }

    private static boolean same(Notice a, Notice b) {
        return a.location().equals(b.location()) && a.message().equals(b.message());
    }

    /**
     * Scrubs the texts of one server's findings: each distinct text once (findings repeat names, files and values),
     * and a finding with nothing to mask is kept as it is.
     */
    private static final class Scrubber {
        /** Texts remembered at most; a server with more distinct texts starts over, so memory stays bounded. */
        private static final int MEMORY = 4096;

        private final Secrets secrets;
        private final Map<String, String> done = new HashMap<>();

        Scrubber(Secrets secrets) {
            this.secrets = secrets;
        }

        String string(String s) {
            if (s == null || s.isEmpty()) {
                return s;
            }
            String r = done.get(s);
            if (r == null) {
                r = secrets.scrub(s);
                if (done.size() >= MEMORY) {
                    done.clear();
                }
                done.put(s, r);
            }
            return r;
        }

        List<String> strings(List<String> list) {
            List<String> out = null;
            for (int i = 0; i < list.size(); i++) {
                String s = list.get(i);
                String r = string(s);
                if (out == null && !r.equals(s)) {
                    out = new ArrayList<>(list.subList(0, i));
                }
                if (out != null) {
                    out.add(r);
                }
            }
            return out == null ? list : out;
        }

        Text text(Text t) {
            // Most texts hold nothing to mask: kept as they are, without a copy made to compare.
            for (Object a : t.args()) {
                if (a instanceof String s && !string(s).equals(s)) {
                    return t.mapStrings(this::string);
                }
            }
            return t;
        }

        @SuppressWarnings("ReferenceEquality") // identity: the very lists and text, so that nothing was masked
        Finding finding(Finding f) {
            Location l = f.location();
            String variable = string(l.variable());
            Text message = text(f.message());
            List<String> evidence = strings(f.evidence());
            Optional<Suppression> suppression = f.suppression().map(x -> {
                String reason = string(x.reason());
                return Objects.equals(reason, x.reason())
                        ? x
                        : new Suppression(x.kind(), reason, x.expires(), x.expired(), x.source());
            });
            if (Objects.equals(variable, l.variable())
                    && message == f.message()
                    && evidence == f.evidence()
                    && suppression.equals(f.suppression())) {
                return f;
            }
            return new Finding(
                    f.rule(),
                    variable.equals(l.variable()) ? l : new Location(l.file(), l.line(), l.column(), variable),
                    message,
                    evidence,
                    suppression);
        }
    }

    /** @return why a rule with these needs does not apply to this audit, or null when it does */
    private static Text missingNeed(Set<RuleInfo.Need> needs, AuditContext ctx) {
        if (needs.contains(RuleInfo.Need.MAILROOT) && ctx.root().bare()) {
            return BARE_SERVER_TAB;
        }
        if (needs.contains(RuleInfo.Need.INSTALL_DIR)
                && ctx.options().installDir().isEmpty()) {
            return NO_INSTALL_DIR;
        }
        if (needs.contains(RuleInfo.Need.STARTUP) && ctx.startup().isEmpty()) {
            return NO_STARTUP;
        }
        return null;
    }

    /**
     * A rule to run.
     *
     * @param rule     the rule
     * @param info     its metadata
     * @param profiles the profiles that run it
     * @param needs    what it needs beyond server.tab
     */
    private record Planned(Rule rule, RuleInfo info, Set<Profile> profiles, Set<RuleInfo.Need> needs) {
        static Planned of(Rule rule) {
            RuleInfo info = rule.info();
            Set<Profile> profiles = EnumSet.noneOf(Profile.class);
            profiles.addAll(info.profiles());
            Set<RuleInfo.Need> needs = EnumSet.noneOf(RuleInfo.Need.class);
            needs.addAll(info.needs());
            return new Planned(rule, info, profiles, needs);
        }
    }
}
