package org.xmailkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.xmailkit.audit.startup.Group;
import org.xmailkit.audit.startup.Listener;
import org.xmailkit.audit.startup.OptionIssue;
import org.xmailkit.audit.startup.Recommendation;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.audit.startup.StartupMessages;
import org.xmailkit.audit.startup.XMailOptions;
import org.xmailkit.audit.startup.XMailOptions.Setting;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.ctrl.Origins;
import org.xmailkit.report.text.Columns;

/**
 * {@code show}'s part about XMail's command line: where it comes from, the listeners and switches in effect (like
 * {@code postconf -n}), what XMail ignores, misreads or stops on, and the command line to use with 1.27.
 */
final class StartupView {

    private StartupView() {}

    static void text(PrintStream out, MailRoot root, Optional<Startup> startup, CommandContext ctx) {
        Locale locale = ctx.locale();
        out.println();
        if (startup.isEmpty()) {
            boolean remote = Origins.of(root.directory()).isPresent();
            out.println("# " + ctx.msg(remote ? "show.startup.unknownRemote" : "show.startup.unknown"));
            return;
        }
        Startup s = startup.get();
        XMailOptions o = s.options();
        out.println("## " + ctx.msg("show.startup", s.describe(locale)));
        out.println("# XMail " + (s.args().isEmpty() ? "" : s.line()));
        if (!s.alsoFound().isEmpty()) {
            out.println("# "
                    + ctx.msg(
                            "show.startup.alsoFound",
                            String.join(
                                    ", ",
                                    s.alsoFound().stream()
                                            .map(p -> String.valueOf(p.getFileName()))
                                            .toList())));
        }
        s.mailRootVariable()
                .ifPresent(v -> out.println("# "
                        + ctx.msg(
                                "show.startup.mailRoot",
                                v.value(),
                                v.place()
                                        .file()
                                        .map(f -> f + ":" + v.place().line())
                                        .orElse(v.place().label()),
                                s.mailRoot().orElse(v.value()))));
        if (s.mailRootVariable().isEmpty()) {
            o.mailRoot().ifPresent(m -> out.println("# -Ms " + m));
        }
        out.println();
        out.println("### " + ctx.msg("show.startup.listeners"));
        o.startFailure().ifPresent(f -> out.println("# " + ctx.msg("show.startup.notStarting", f.message(locale))));
        List<Listener> listeners = o.configured();
        int addressWidth = listeners.stream()
                .mapToInt(l -> Columns.width(l.display()))
                .max()
                .orElse(10);
        for (Listener l : listeners) {
            out.println("  " + Columns.pad(l.service().label(), 7) + Columns.pad(l.display(), addressWidth) + "  # "
                    + where(l, ctx));
        }
        List<String> off = Group.LISTENERS.stream()
                .filter(g -> !o.enabled(g))
                .map(Group::label)
                .toList();
        List<String> offOthers = List.of(Group.PSYNC).stream()
                .filter(g -> !o.enabled(g))
                .map(Group::label)
                .toList();
        List<String> allOff = new ArrayList<>(off);
        allOff.addAll(offOthers);
        if (!allOff.isEmpty()) {
            out.println("  " + ctx.msg("show.startup.off", String.join(", ", allOff)));
        }
        if (!o.settings().isEmpty()) {
            out.println();
            out.println("### " + ctx.msg("show.startup.switches"));
            int width = o.settings().values().stream()
                    .mapToInt(x -> Columns.width(written(x)))
                    .max()
                    .orElse(6);
            for (Setting x : o.settings().values()) {
                out.println("  " + Columns.pad(written(x), width) + "  # "
                        + StartupMessages.get(locale, x.option().meaningKey()) + effective(x, ctx));
            }
        }
        List<OptionIssue> issues = s.issues();
        if (!issues.isEmpty()) {
            out.println();
            out.println("### " + ctx.msg("show.startup.issues", issues.size()));
            for (OptionIssue i : issues) {
                out.println(s.place(i).display() + ": " + i.message(locale) + " ["
                        + StartupMessages.get(
                                locale, "treatment." + i.treatment().id()) + "]");
            }
        }
        Recommendation r = recommendation(root, startup);
        out.println();
        out.println("### " + ctx.msg("show.startup.recommended"));
        out.println("  XMail " + r.line());
        for (Recommendation.Note n : r.notes()) {
            out.println("  # " + n.text(locale));
        }
    }

    static Recommendation recommendation(MailRoot root, Optional<Startup> startup) {
        return Recommendation.of(
                startup, root.serverCert().isPresent() && root.serverKey().isPresent());
    }

    private static String written(Setting x) {
        return x.option().flag() + (x.option().takesValue() ? " " + x.written() : "");
    }

    private static String effective(Setting x, CommandContext ctx) {
        boolean same = !x.option().takesValue() || x.value().equals(x.written());
        return same ? "" : "; " + ctx.msg("show.startup.reads", x.value().isEmpty() ? "-" : x.value());
    }

    private static String where(Listener l, CommandContext ctx) {
        List<String> notes = new ArrayList<>();
        notes.add(
                switch (l.kind()) {
                    case ANY_V4, ANY_V6 -> ctx.msg("show.startup.everyAddress");
                    case NAME -> ctx.msg("show.startup.name", l.address());
                    default -> l.loopback() ? ctx.msg("show.startup.loopback") : ctx.msg("show.startup.address");
                });
        if (l.port() == 0) {
            notes.add(ctx.msg("show.startup.anyPort"));
        }
        if (l.implicitTls()) {
            notes.add(ctx.msg("show.startup.tls"));
        }
        return String.join("; ", notes);
    }

    static void json(ObjectNode server, MailRoot root, Optional<Startup> startup, Locale locale) {
        if (startup.isEmpty()) {
            server.putNull("startup");
            return;
        }
        Startup s = startup.get();
        XMailOptions o = s.options();
        ObjectNode n = server.putObject("startup");
        n.put("origin", s.describe(locale));
        n.put("kind", s.kind().id());
        n.put("file", s.file().map(Path::toString).orElse(null));
        n.put("automatic", s.automatic());
        n.put("platform", s.platform().name().toLowerCase(Locale.ROOT));
        n.put("holder", s.holder());
        n.put("line", s.line());
        n.put("mailRoot", s.mailRoot().orElse(null));
        n.put("starts", o.startFailure().isEmpty());
        ArrayNode listeners = n.putArray("listeners");
        for (Listener l : o.configured()) {
            ObjectNode x = listeners.addObject();
            x.put("service", l.service().label());
            x.put("address", l.address());
            x.put("port", l.port());
            x.put("kind", l.kind().name().toLowerCase(Locale.ROOT));
            x.put("everyAddress", l.everyAddress());
            x.put("loopback", l.loopback());
            x.put("implicitTls", l.implicitTls());
        }
        ArrayNode off = n.putArray("off");
        Group.LISTENERS.stream().filter(g -> !o.enabled(g)).forEach(g -> off.add(g.label()));
        ArrayNode switches = n.putArray("switches");
        for (Setting x : o.settings().values()) {
            ObjectNode j = switches.addObject();
            j.put("option", x.option().flag());
            j.put("written", x.written());
            j.put("value", x.value());
            j.put("meaning", StartupMessages.get(locale, x.option().meaningKey()));
        }
        ArrayNode issues = n.putArray("issues");
        for (OptionIssue i : s.issues()) {
            ObjectNode j = issues.addObject();
            j.put("code", i.code().name());
            j.put("treatment", i.treatment().id());
            j.put("where", s.place(i).display());
            j.put("message", i.message(locale));
        }
        Recommendation r = recommendation(root, startup);
        ObjectNode rec = n.putObject("recommended");
        rec.put("line", r.line());
        ArrayNode notes = rec.putArray("notes");
        r.notes().forEach(x -> notes.add(x.text(locale)));
    }
}
