package org.xmailkit.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.xmailkit.audit.startup.Group;
import org.xmailkit.audit.startup.Listener;
import org.xmailkit.audit.startup.OptionIssue;
import org.xmailkit.audit.startup.Recommendation;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.audit.startup.StartupMessages;
import org.xmailkit.audit.startup.XMailOptions;
import org.xmailkit.audit.startup.XMailOptions.Setting;
import org.xmailkit.model.Secrets;

/**
 * The "services" part of a server page: what XMail's command line opens, on which addresses, with which switches;
 * or that the command line is not known. Everything is translated and scrubbed when built.
 *
 * @param known        whether the command line is known
 * @param origin       where it comes from, one line
 * @param line         the arguments as one line
 * @param notStarting  why XMail does not start with it, or empty
 * @param rows         the listeners, then the services that are off
 * @param switches     the switches in effect
 * @param issues       what XMail ignores, misreads or stops on, one line each
 * @param recommended  the command line to use with 1.27, or empty when the MailRoot's certificate is not known
 * @param notes        why it differs
 */
public record ServicesView(
        boolean known,
        String origin,
        String line,
        String notStarting,
        List<Row> rows,
        List<SwitchRow> switches,
        List<String> issues,
        String recommended,
        List<String> notes) {

    public ServicesView {
        rows = List.copyOf(rows);
        switches = List.copyOf(switches);
        issues = List.copyOf(issues);
        notes = List.copyOf(notes);
    }

    /**
     * A service's socket, or a service that is off.
     *
     * @param service the service
     * @param address {@code address:port}, or empty when off
     * @param scope   who can connect, translated
     * @param tls     whether TLS starts with the first byte
     * @param on      whether the service runs
     */
    public record Row(String service, String address, String scope, boolean tls, boolean on) {}

    /**
     * One switch.
     *
     * @param option  as written, with its value
     * @param meaning what it does, translated
     */
    public record SwitchRow(String option, String meaning) {}

    /** @return the section of a server whose command line is not known */
    public static ServicesView unknown() {
        return new ServicesView(false, "", "", "", List.of(), List.of(), List.of(), "", List.of());
    }

    /**
     * @param startup     the command line, if known
     * @param certificate whether the MailRoot has server.cert and server.key, if known (the recommendation needs it)
     * @param shown       how a file is named (relative to the MailRoot, like the findings' files)
     * @param secrets     what must not be shown
     * @param locale      the language
     * @return the section
     */
    public static ServicesView of(
            Optional<Startup> startup,
            Optional<Boolean> certificate,
            Function<Path, String> shown,
            Secrets secrets,
            Locale locale) {
        if (startup.isEmpty()) {
            return unknown();
        }
        Startup s = startup.get();
        XMailOptions o = s.options();
        List<Row> rows = new ArrayList<>();
        for (Listener l : o.configured()) {
            rows.add(new Row(l.service().label(), secrets.scrub(l.display()), scope(l, locale), l.implicitTls(), true));
        }
        for (Group g : Group.LISTENERS) {
            if (!o.enabled(g)) {
                rows.add(new Row(g.label(), "", ReportMessages.get(locale, "services.off"), g.implicitTls(), false));
            }
        }
        List<SwitchRow> switches = new ArrayList<>();
        for (Setting x : o.settings().values()) {
            String written = x.option().flag() + (x.option().takesValue() ? " " + x.written() : "");
            switches.add(new SwitchRow(
                    secrets.scrub(written),
                    StartupMessages.get(locale, x.option().meaningKey())));
        }
        List<String> issues = new ArrayList<>();
        for (OptionIssue i : s.issues()) {
            issues.add(secrets.scrub(s.place(i).display(shown) + ": " + i.message(locale) + " ("
                    + StartupMessages.get(locale, "treatment." + i.treatment().id()) + ")"));
        }
        Optional<Recommendation> r = certificate.map(c -> Recommendation.of(startup, c));
        return new ServicesView(
                true,
                secrets.scrub(s.describe(locale, shown)),
                secrets.scrub(s.line()),
                o.startFailure().map(f -> secrets.scrub(f.message(locale))).orElse(""),
                rows,
                switches,
                issues,
                r.map(x -> secrets.scrub(x.line())).orElse(""),
                r.map(x -> x.notes().stream()
                                .map(n -> secrets.scrub(n.text(locale)))
                                .toList())
                        .orElse(List.of()));
    }

    private static String scope(Listener l, Locale locale) {
        String key =
                switch (l.kind()) {
                    case ANY_V4, ANY_V6 -> "services.every";
                    case NAME -> "services.name";
                    default -> l.loopback() ? "services.loopback" : "services.address";
                };
        String scope = ReportMessages.get(locale, key, l.address());
        return l.port() == 0 ? scope + "; " + ReportMessages.get(locale, "services.anyPort") : scope;
    }
}
