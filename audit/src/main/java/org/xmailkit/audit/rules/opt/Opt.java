package org.xmailkit.audit.rules.opt;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.net.IpMap;
import org.xmailkit.audit.net.Probes;
import org.xmailkit.audit.startup.Listener;
import org.xmailkit.audit.startup.OptionIssue;
import org.xmailkit.audit.startup.Place;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.audit.startup.Switch;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.Text;

/** What the OPT rules share: where an argument is, the listeners, the access maps, the sources they cite. */
final class Opt {

    /** Where every option is read. */
    static final Reference SETUP = References.source("MailSvr.cpp SvrSetup and the SvrSetup<service> functions");

    static final Reference COMMAND_LINE = References.readme("COMMAND LINE");

    private Opt() {}

    /** @return the command line (the rules that use this need it) */
    static Startup startup(AuditContext ctx) {
        return ctx.startup().orElseThrow();
    }

    /** @return where a place is: its file and line, or the MailRoot for a command line typed on xmailkit's */
    static Location at(AuditContext ctx, Place place) {
        return place.file()
                .map(f -> Location.line(f, place.line(), ""))
                .orElseGet(() -> Location.file(ctx.root().directory()));
    }

    /** @return where an issue's argument is written */
    static Location at(AuditContext ctx, OptionIssue issue) {
        return at(ctx, startup(ctx).place(issue));
    }

    /** @return where an option is written, or the command line's origin */
    static Location at(AuditContext ctx, Optional<Switch> option) {
        Startup s = startup(ctx);
        return option.flatMap(o -> s.options().setting(o))
                .map(x -> at(ctx, s.args().get(x.arg()).place()))
                .orElseGet(() -> at(ctx, origin(s)));
    }

    static Place origin(Startup s) {
        return s.args().isEmpty()
                ? new Place(s.file(), 0, s.holder())
                : s.args().get(0).place();
    }

    /** @return the argument as evidence, with its value when it is an option that takes one */
    static String evidence(Startup s, int arg) {
        if (arg < 0 || arg >= s.args().size()) {
            return s.line();
        }
        String text = s.args().get(arg).text();
        boolean valued = text.length() >= 3
                && Switch.byFlag(text.substring(0, 3)).map(Switch::takesValue).orElse(false);
        return valued && arg + 1 < s.args().size()
                ? text + " " + s.args().get(arg + 1).text()
                : text;
    }

    /** @return the listening sockets that match, shown as {@code SERVICE address:port} */
    static List<String> listeners(Startup s, Predicate<Listener> which) {
        return s.options().describe(which);
    }

    /** What an access map says about the Internet at large. */
    enum Access {
        /** The MailRoot files are unknown (a bare server.tab). */
        UNKNOWN,
        /** The map is missing or admits every public address. */
        OPEN,
        /** The map keeps the Internet out. */
        RESTRICTED
    }

    static Access access(AuditContext ctx, MailRootFile map) {
        if (ctx.root().bare()) {
            return Access.UNKNOWN;
        }
        Optional<TabFile> f = ctx.root().file(map);
        return f.isEmpty() || Probes.admitsInternet(IpMap.of(ctx, map)) ? Access.OPEN : Access.RESTRICTED;
    }

    static Finding finding(RuleInfo info, Location at, Text message, List<String> evidence) {
        return Finding.of(info, at, message, evidence.toArray(String[]::new));
    }
}
