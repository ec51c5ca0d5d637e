package org.xmailkit.model.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.xmailkit.model.Entry;
import org.xmailkit.model.ModelMessages;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabRecord;
import org.xmailkit.model.Text;
import org.xmailkit.model.Variable;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.syntax.GatewayList;
import org.xmailkit.model.syntax.SmtpConfigTokens;

/**
 * Infers which XMail version a server.tab was written for, from evidence: variables present (their since and
 * removed versions), value formats, XMailCFG traces.
 *
 * <p>Evidence comes in two strengths. A name or format that did not exist before some version is a firm lower
 * bound: nobody writes {@code SmtpNoTLSAuths} for XMail 1.24. A name or format that later versions stopped reading
 * is only a hint of an upper bound, because administrators upgrade XMail and keep old lines. When a hint contradicts
 * a firm bound the range keeps the firm bound, drops the hint and lists the conflict as evidence, so the range only
 * ever widens towards "may be older", which is the direction upgrade rules treat conservatively.
 *
 * <p>A migrated server.tab carries a {@link MigrationRecord} of the range the migration assumed: migrations remove
 * the very lines that told the version, and a later run must not come to another conclusion. The record widens the
 * range inferred from the contents to include its own, and never narrows it: anyone who can write server.tab can
 * write a record, and a wider range only makes a migration leave more to the administrator.
 */
public final class VersionDetector {

    static final XMailVersion V0_68 = XMailVersion.parse("0.68");
    static final XMailVersion V0_71 = XMailVersion.parse("0.71");
    static final XMailVersion V0_74 = XMailVersion.parse("0.74");
    static final XMailVersion V1_7 = XMailVersion.parse("1.7");
    static final XMailVersion V1_12 = XMailVersion.parse("1.12");
    static final XMailVersion V1_16 = XMailVersion.parse("1.16");
    static final XMailVersion V1_24 = XMailVersion.parse("1.24");
    static final XMailVersion V1_25 = XMailVersion.parse("1.25");
    static final XMailVersion V1_26 = XMailVersion.parse("1.26");

    /** How a piece of evidence bounds the range. */
    private enum Bound {
        /** Written for this version or later (firm). */
        AT_LEAST,
        /** Written for a version before this one (a hint). */
        BEFORE,
        /** Worth listing; bounds nothing. */
        NOTE
    }

    /**
     * One piece of evidence.
     *
     * @param bound   how it bounds the range
     * @param version the version it names
     * @param subject what it is about (a variable name)
     * @param line    where (1-based), or 0
     * @param text    the evidence as shown, made only for the clues kept as evidence (most are not)
     */
    private record Clue(Bound bound, XMailVersion version, String subject, int line, Supplier<Text> text) {}

    /**
     * @param tab a server.tab
     * @return the plausible range with its evidence
     */
    public SourceVersion detect(ServerTab tab) {
        List<Clue> clues = new ArrayList<>();
        List<Known> known = known(tab);
        names(known, clues);
        gateways(tab, clues);
        smtpConfig(tab, clues);
        values(tab, clues);
        extraTokens(tab, clues);
        boolean localized = xmailCfg(tab, known, clues);
        return widen(combine(clues, localized), MigrationRecord.find(tab));
    }

    /** The range widened to include every record's, with the records listed as evidence. */
    private static SourceVersion widen(SourceVersion inferred, MigrationRecord.Found found) {
        if (found.records().isEmpty() && found.unreadable().isEmpty()) {
            return inferred;
        }
        XMailVersion earliest = inferred.earliest();
        XMailVersion latest = inferred.latest();
        List<Text> evidence = new ArrayList<>(inferred.evidence());
        for (MigrationRecord r : found.records()) {
            earliest = r.earliest().isBefore(earliest) ? r.earliest() : earliest;
            latest = latest.isBefore(r.latest()) ? r.latest() : latest;
            evidence.add(ModelMessages.text(
                    "version.evidence.record", r.line(), r.target(), r.range().display()));
        }
        for (int line : found.unreadable()) {
            evidence.add(ModelMessages.text("version.evidence.recordUnreadable", line));
        }
        return new SourceVersion(earliest, latest, evidence, false);
    }

    /**
     * A name of the catalogue written in server.tab.
     *
     * @param entry    its first line (dead duplicates and 3+-token lines count too)
     * @param variable its catalogue entry
     */
    private record Known(Entry entry, Variable variable) {}

    /** @return each name the catalogue knows, at its first line, in file order */
    private static List<Known> known(ServerTab tab) {
        List<Known> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Entry e : tab.entries()) {
            if (seen.add(e.name())) {
                Optional<Variable> v = tab.catalog().find(e.name());
                if (v.isPresent()) {
                    out.add(new Known(e, v.get()));
                }
            }
        }
        return out;
    }

    /** Catalogue since / removed_in of every name present. */
    private static void names(List<Known> known, List<Clue> out) {
        for (Known k : known) {
            Entry e = k.entry();
            Variable var = k.variable();
            if (var.role() != Variable.Role.VARIABLE
                    && var.role() != Variable.Role.PATTERN
                    && var.role() != Variable.Role.REMOVED) {
                continue; // XMailCFG names and localized settings are traces, handled in xmailCfg()
            }
            // "unknown" and "pre-0.50" since values bound nothing: every numbered release may hold the name.
            Optional<XMailVersion> since = var.sinceVersion().filter(XMailVersion.EARLIEST::isBefore);
            since.ifPresent(s -> out.add(new Clue(
                    Bound.AT_LEAST,
                    s,
                    e.name(),
                    e.line(),
                    () -> ModelMessages.text("version.evidence.since", e.name(), e.line(), s))));
            if (var.role() == Variable.Role.REMOVED) {
                var.removedVersion()
                        .ifPresent(r -> out.add(new Clue(
                                Bound.BEFORE,
                                r,
                                e.name(),
                                e.line(),
                                () -> ModelMessages.text("version.evidence.removed", e.name(), e.line(), r))));
            }
        }
    }

    /** DefaultSMTPGateways: the 1.24 separator change and the 1.7 host:port form. */
    private static void gateways(ServerTab tab, List<Clue> out) {
        tab.entry("DefaultSMTPGateways").ifPresent(e -> {
            String v = e.value();
            if (GatewayList.looksLegacy(v)) {
                out.add(new Clue(
                        Bound.BEFORE,
                        V1_24,
                        e.name(),
                        e.line(),
                        () -> ModelMessages.text("version.evidence.commaGateways", e.name(), e.line())));
                if (hasPort(GatewayList.parseLegacy(v))) {
                    out.add(new Clue(
                            Bound.AT_LEAST,
                            V1_7,
                            e.name(),
                            e.line(),
                            () -> ModelMessages.text("version.evidence.gatewayPort", e.name(), e.line())));
                }
                return;
            }
            GatewayList list = GatewayList.parse(v);
            boolean options = list.entries().stream().anyMatch(g -> g.options().options().stream()
                    .anyMatch(o -> o.name().equals("NeedTLS") || o.name().equals("OutBind")));
            if (v.indexOf(';') >= 0 || options) {
                out.add(new Clue(
                        Bound.AT_LEAST,
                        V1_24,
                        e.name(),
                        e.line(),
                        () -> ModelMessages.text("version.evidence.semicolonGateways", e.name(), e.line())));
            } else if (hasPort(
                    list.entries().stream().map(GatewayList.Gateway::host).toList())) {
                out.add(new Clue(
                        Bound.AT_LEAST,
                        V1_7,
                        e.name(),
                        e.line(),
                        () -> ModelMessages.text("version.evidence.gatewayPort", e.name(), e.line())));
            }
        });
    }

    private static boolean hasPort(List<String> hosts) {
        return hosts.stream().anyMatch(h -> !h.startsWith("[") && h.indexOf(':') > 0);
    }

    /** SmtpConfig*: tokens in another case (pre-1.26 style) and WantTLS (1.24). */
    private static void smtpConfig(ServerTab tab, List<Clue> out) {
        for (Entry e : tab.liveEntries()) {
            if (!isSmtpConfig(tab, e.name())) {
                continue;
            }
            SmtpConfigTokens tokens = SmtpConfigTokens.parse(e.value());
            for (String[] m : tokens.misspelled()) {
                if (m[0].equals(m[0].strip())) {
                    out.add(new Clue(
                            Bound.BEFORE,
                            V1_26,
                            e.name(),
                            e.line(),
                            () -> ModelMessages.text("version.evidence.tokenCase", e.name(), e.line(), m[0])));
                }
            }
            if (tokens.options().options().stream().anyMatch(o -> o.name().equals("WantTLS"))) {
                out.add(new Clue(
                        Bound.AT_LEAST,
                        V1_24,
                        e.name(),
                        e.line(),
                        () -> ModelMessages.text("version.evidence.wantTls", e.name(), e.line())));
            }
        }
    }

    static boolean isSmtpConfig(ServerTab tab, String name) {
        if (name.equals("SmtpConfig")) {
            return true;
        }
        Optional<Variable> v = tab.catalog().find(name);
        return v.isPresent() && v.get().role() == Variable.Role.PATTERN;
    }

    /** Values only later versions understand: ReceivedHdrType 3 and 4 (1.16), DefaultSmtpPerms letters. */
    private static void values(ServerTab tab, List<Clue> out) {
        tab.entry("ReceivedHdrType").ifPresent(e -> {
            long n = tab.effective(e.name()).number().orElse(0);
            if (n == 3 || n == 4) {
                out.add(new Clue(
                        Bound.AT_LEAST,
                        V1_16,
                        e.name(),
                        e.line(),
                        () -> ModelMessages.text("version.evidence.receivedHdrType", e.name(), e.line(), n)));
            }
        });
        tab.entry("DefaultSmtpPerms").ifPresent(e -> {
            String v = e.value();
            // XMail ChangeLog: V (0.68), T (0.71), Z (0.74), S (1.24); M and R date from 0.61 with the variable itself.
            String[] letters = {"S", "Z", "T", "V"};
            XMailVersion[] since = {V1_24, V0_74, V0_71, V0_68};
            for (int i = 0; i < letters.length; i++) {
                if (v.contains(letters[i])) {
                    String letter = letters[i];
                    XMailVersion first = since[i];
                    out.add(new Clue(
                            Bound.AT_LEAST,
                            first,
                            e.name(),
                            e.line(),
                            () -> ModelMessages.text(
                                    "version.evidence.permLetter", e.name(), e.line(), letter, first)));
                    break;
                }
            }
        });
    }

    /**
     * Lines of three or more TAB-separated tokens. XMail up to the 1.2x list-based reader ignored them; 1.27 reads
     * the first two. On their own they bound nothing. When such a line sets a name that a later two-token line sets
     * again, the file only makes sense for the old reader (for 1.27 the later line is dead): a hint of a version
     * before 1.24, the first release known to read such lines.
     */
    private static void extraTokens(ServerTab tab, List<Clue> out) {
        List<TabRecord> records = tab.document().dataRecords();
        // The two-token lines of each name, in file order, looked up once per three-token line (not a scan each).
        Map<String, List<TabRecord>> twoTokens = new HashMap<>();
        for (TabRecord o : records) {
            if (o.size() == 2) {
                twoTokens.computeIfAbsent(o.value(0), k -> new ArrayList<>(1)).add(o);
            }
        }
        for (TabRecord r : records) {
            if (r.size() < 3 || r.piece() > 0) {
                continue;
            }
            String name = r.value(0);
            Optional<TabRecord> later = firstAfter(twoTokens.getOrDefault(name, List.of()), r.line());
            if (later.isPresent()) {
                out.add(new Clue(
                        Bound.BEFORE,
                        V1_24,
                        name,
                        r.line(),
                        () -> ModelMessages.text(
                                "version.evidence.extraTokensShadowed",
                                name,
                                r.line(),
                                later.get().line())));
            } else {
                out.add(new Clue(
                        Bound.NOTE,
                        V1_24,
                        name,
                        r.line(),
                        () -> ModelMessages.text("version.evidence.extraTokens", name, r.line(), r.size())));
            }
        }
    }

    /** @return the first of the records (in line order) on a line after {@code line} */
    private static Optional<TabRecord> firstAfter(List<TabRecord> inOrder, int line) {
        int lo = 0;
        int hi = inOrder.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (inOrder.get(mid).line() > line) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < inOrder.size() ? Optional.of(inOrder.get(lo)) : Optional.empty();
    }

    /** XMailCFG's own names. Returns whether the localized build's settings are present. */
    private static boolean xmailCfg(ServerTab tab, List<Known> known, List<Clue> out) {
        boolean localized = false;
        for (Known k : known) {
            Entry e = k.entry();
            Variable v = k.variable();
            switch (v.role()) {
                case XMAILCFG_PART ->
                    out.add(new Clue(
                            Bound.AT_LEAST,
                            V1_25,
                            e.name(),
                            e.line(),
                            () -> ModelMessages.text(
                                    "version.evidence.xmailcfgPart", e.name(), e.line(), v.aliasOf())));
                case ALIAS -> {
                    XMailVersion since = tab.catalog()
                            .find(v.aliasOf())
                            .flatMap(Variable::sinceVersion)
                            .orElse(V1_12);
                    out.add(new Clue(
                            Bound.AT_LEAST,
                            since,
                            e.name(),
                            e.line(),
                            () -> ModelMessages.text(
                                    "version.evidence.xmailcfgAlias", e.name(), e.line(), v.aliasOf(), since)));
                }
                case LOCALIZED -> {
                    localized = true;
                    out.add(new Clue(
                            Bound.AT_LEAST,
                            XMailVersion.V1_27,
                            e.name(),
                            e.line(),
                            () -> ModelMessages.text("version.evidence.localized", e.name(), e.line())));
                }
                default -> {}
            }
        }
        return localized;
    }

    /** Hints in version order, then line order. */
    private static final Comparator<Clue> HINT_ORDER =
            Comparator.comparing(Clue::version).thenComparingInt(Clue::line);

    private static SourceVersion combine(List<Clue> clues, boolean localized) {
        XMailVersion top = localized ? XMailVersion.V1_27_LOCALIZED : XMailVersion.V1_27;
        Clue firm = null;
        for (Clue c : clues) {
            if (c.bound() == Bound.AT_LEAST && (firm == null || firm.version().isBefore(c.version()))) {
                firm = c;
            }
        }
        XMailVersion earliest =
                firm == null ? XMailVersion.EARLIEST : firm.version().original();
        XMailVersion latest = top;
        List<Text> evidence = new ArrayList<>();
        for (Clue c : clues) {
            if (c.bound() == Bound.AT_LEAST && c.version().original().equals(earliest)) {
                evidence.add(c.text().get());
            }
        }
        List<Clue> hints = new ArrayList<>();
        for (Clue c : clues) {
            if (c.bound() == Bound.BEFORE) {
                hints.add(c);
            }
        }
        hints.sort(HINT_ORDER);
        for (Clue c : hints) {
            XMailVersion last = previous(c.version());
            if (last.isBefore(earliest)) {
                evidence.add(ModelMessages.text(
                        "version.evidence.conflict",
                        c.subject(),
                        c.line(),
                        c.version(),
                        firm.subject(),
                        firm.line(),
                        earliest));
                continue;
            }
            evidence.add(c.text().get());
            if (last.isBefore(latest)) {
                latest = last;
            }
        }
        for (Clue c : clues) {
            if (c.bound() == Bound.NOTE) {
                evidence.add(c.text().get());
            }
        }
        if (evidence.isEmpty()) {
            evidence.add(ModelMessages.text("version.evidence.none"));
        }
        if (latest.isBefore(earliest)) {
            latest = top; // cannot happen with the rules above; never let contradictory evidence crash the audit
        }
        return new SourceVersion(earliest, latest, evidence, false);
    }

    /**
     * The last release before a version: {@code 1.24} gives {@code 1.23}, {@code 1.27pre01} gives {@code 1.26},
     * {@code 1.0} gives {@code 0.74} (the last 0.x release), {@code 0.50} gives pre-0.50.
     *
     * @param v a version
     * @return the release before it
     */
    static XMailVersion previous(XMailVersion v) {
        if (v.major() == 1 && v.minor() == 0 && v.pre() == 0) {
            return V0_74;
        }
        if (v.major() == 0 && v.minor() <= 50) {
            return XMailVersion.EARLIEST;
        }
        if (v.pre() > 0) {
            return XMailVersion.parse(v.major() + "." + (v.minor() - 1));
        }
        return v.minor() > 0 ? XMailVersion.parse(v.major() + "." + (v.minor() - 1)) : XMailVersion.EARLIEST;
    }
}
