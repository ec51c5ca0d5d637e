package org.xmailkit.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.xmailkit.audit.AuditMessages;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.FleetResult;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.Notice;
import org.xmailkit.audit.Profile;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.audit.Rules;
import org.xmailkit.audit.ServerAudit;
import org.xmailkit.audit.Suppression;
import org.xmailkit.audit.Waivers;
import org.xmailkit.model.InputException;
import org.xmailkit.model.Text;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.version.SourceVersion;

/**
 * Fleet results of every shape, for comparing writers: servers audited, unreadable and crashed; findings of real rules
 * (some not in the run's rule table) in and outside the scan root, with texts holding control characters, quotes,
 * backslashes, Japanese, bidirectional and C1 controls; suppressions of both kinds, expired or not; read errors,
 * notices, what the search skipped, unused waivers; empty lists everywhere.
 */
public final class RandomFleets {

    /** The scan root of every fleet (nothing is read from it). */
    public static final Path ROOT = Path.of("/srv/fleet root").toAbsolutePath();
    /** The clock of every fleet. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T00:00:00Z"), ZoneOffset.UTC);

    private static final List<RuleInfo> RULES =
            Rules.ALL.stream().map(Rule::info).toList();

    private RandomFleets() {}

    /** @return any text an output may have to carry */
    public static Arbitrary<String> texts() {
        return Arbitraries.strings()
                .withChars("aZ09 .:/\\\"'<>&=@#\t\r\n{}")
                .withCharRange('\u0000', '\u001F')
                .withChars(
                        '\u007F', '\u0085', '\u009B', '\u202E', '\u2066', '\u3042', '\u30D1', '\u65E5', '\uFF1A',
                        '\u00E9')
                .ofMaxLength(24);
    }

    private static Arbitrary<Path> files() {
        return Combinators.combine(
                        Arbitraries.of("mail01", "本社 mail", "a/b", "x y"),
                        Arbitraries.of("server.tab", "smtprelay.tab", "ctrlaccounts.tab", ""),
                        Arbitraries.of(true, true, true, false))
                .as((dir, file, inside) -> {
                    Path base = inside ? ROOT : Path.of("/elsewhere").toAbsolutePath();
                    Path d = base.resolve(dir);
                    return file.isEmpty() ? d : d.resolve(file);
                });
    }

    private static Arbitrary<Optional<Suppression>> suppressions() {
        Arbitrary<Suppression> s = Combinators.combine(
                        Arbitraries.of(Suppression.Kind.values()),
                        texts(),
                        Arbitraries.of(
                                Optional.<LocalDate>empty(),
                                Optional.of(LocalDate.parse("2024-12-31")),
                                Optional.of(LocalDate.parse("2026-01-31"))),
                        Arbitraries.of(true, false),
                        texts())
                .as(Suppression::new);
        return Arbitraries.oneOf(Arbitraries.just(Optional.empty()), s.map(Optional::of));
    }

    private static Arbitrary<Finding> findings() {
        Arbitrary<Location> where = Combinators.combine(
                        files(),
                        Arbitraries.integers().between(0, 9999),
                        Arbitraries.integers().between(0, 3),
                        texts())
                .as(Location::new);
        Arbitrary<Text> message = Combinators.combine(
                        Arbitraries.of("msg.SEC-001.malformed", "outcome.bareServerTab", "outcome.noInstallDir"),
                        texts().list().ofMaxSize(3))
                .as((k, a) -> AuditMessages.text(k, a.toArray()));
        return Combinators.combine(
                        Arbitraries.of(RULES), where, message, texts().list().ofMaxSize(2), suppressions())
                .as(Finding::new);
    }

    private static Arbitrary<ServerAudit> servers() {
        // Texts of the audit's bundle (the source version's own evidence texts are the model's).
        Arbitrary<List<Text>> evidence = Arbitraries.of("outcome.bareServerTab", "outcome.noInstallDir")
                .flatMap(k -> texts().list().ofMaxSize(2).map(a -> AuditMessages.text(k, a.toArray())))
                .list()
                .ofMaxSize(2);
        // Any two versions, the earlier one first: a range is never empty.
        Arbitrary<SourceVersion> source = Combinators.combine(
                        Arbitraries.of("0.54", "1.12", "1.22", "1.25", "1.27"),
                        Arbitraries.of("1.22", "1.26", "1.27"),
                        evidence,
                        Arbitraries.of(true, false))
                .as((a, b, ev, given) -> {
                    XMailVersion x = XMailVersion.parse(a);
                    XMailVersion y = XMailVersion.parse(b);
                    return x.compareTo(y) <= 0
                            ? new SourceVersion(x, y, ev, given)
                            : new SourceVersion(y, x, ev, given);
                });
        Arbitrary<RuleOutcome> outcome = Combinators.combine(
                        Arbitraries.of(RULES),
                        Arbitraries.of(RuleOutcome.Status.values()),
                        Arbitraries.of(
                                Optional.<Text>empty(), Optional.of(AuditMessages.text("outcome.bareServerTab"))))
                .as(RuleOutcome::new);
        Arbitrary<InputException> error = Combinators.combine(
                        files(),
                        Arbitraries.integers().between(0, 40),
                        Arbitraries.of(
                                InputException.Reason.MISSING,
                                InputException.Reason.BINARY,
                                InputException.Reason.LINK_OUTSIDE,
                                InputException.Reason.OUT_OF_MEMORY))
                .as((f, line, reason) -> new InputException(f, line, reason));
        Arbitrary<Notice> notice = Combinators.combine(
                        files(), Arbitraries.integers().between(0, 9), texts())
                .as((f, line, t) ->
                        new Notice(Location.line(f, line, ""), AuditMessages.text("outcome.noInstallDir", List.of(t))));
        Arbitrary<ServerAudit> audited = Combinators.combine(
                        files(),
                        Arbitraries.of(true, false),
                        source,
                        findings().list().ofMaxSize(6),
                        outcome.list().ofMaxSize(3),
                        error.list().ofMaxSize(2),
                        notice.list().ofMaxSize(2))
                .as((p, bare, src, f, o, e, n) -> new ServerAudit.Audited(new AuditResult(p, bare, src, f, o, e, n)));
        Arbitrary<ServerAudit> unreadable = Combinators.combine(files(), error).as(ServerAudit.Unreadable::new);
        Arbitrary<ServerAudit> crashed = Combinators.combine(files(), texts())
                .as((p, t) -> new ServerAudit.Crashed(p, new IllegalStateException(t)));
        return Arbitraries.frequencyOf(Tuple.of(6, audited), Tuple.of(1, unreadable), Tuple.of(1, crashed));
    }

    /** @return fleets of up to eight servers */
    public static Arbitrary<FleetResult> fleets() {
        Arbitrary<Waivers.Waiver> waiver = Combinators.combine(
                        Arbitraries.of(RULES).map(RuleInfo::id),
                        texts(),
                        texts(),
                        Arbitraries.of(Optional.<LocalDate>empty(), Optional.of(LocalDate.parse("2025-12-31"))),
                        texts())
                .as((r, glob, why, exp, src) -> new Waivers.Waiver(r, glob, why, exp.orElse(null), src));
        Arbitrary<InputException> skipped = Combinators.combine(
                        files(),
                        Arbitraries.of(
                                InputException.Reason.TOO_DEEP,
                                InputException.Reason.LINK_OUTSIDE,
                                InputException.Reason.UNREADABLE))
                .as((f, r) -> new InputException(f, 0, r, "12"));
        Arbitrary<AuditOptions> options = Combinators.combine(
                        Arbitraries.of(Profile.values()),
                        Arbitraries.of(XMailVersion.V1_27, XMailVersion.V1_27_LOCALIZED),
                        Arbitraries.of(Optional.<XMailVersion>empty(), Optional.of(XMailVersion.parse("1.22"))))
                .as((p, t, f) -> AuditOptions.defaults()
                        .withClock(CLOCK)
                        .withProfile(p)
                        .withTarget(t)
                        .withFrom(f));
        return Combinators.combine(
                        Arbitraries.of(RULES).list().ofMaxSize(6),
                        options,
                        servers().list().ofMaxSize(8),
                        waiver.list().ofMaxSize(2),
                        skipped.list().ofMaxSize(2))
                .as((rules, o, s, w, sk) -> new FleetResult(ROOT, rules, o, new ArrayList<>(s), w, sk));
    }
}
