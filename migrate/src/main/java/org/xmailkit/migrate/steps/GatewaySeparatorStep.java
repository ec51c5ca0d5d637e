package org.xmailkit.migrate.steps;

import java.util.List;
import java.util.regex.Pattern;
import org.xmailkit.migrate.Change;
import org.xmailkit.migrate.MigrateMessages;
import org.xmailkit.migrate.MigrationStep;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.ServerFiles;
import org.xmailkit.migrate.StepContext;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.EditException;
import org.xmailkit.model.Entry;
import org.xmailkit.model.Localized;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.TabDocument;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.syntax.GatewayList;

/**
 * XMail 1.24 changed the separator of gateway lists ({@code DefaultSMTPGateways}, smtpfwd.tab's gateway column)
 * from {@code ,} to {@code ;}, a comma now introducing per-gateway options. A value is converted only when the
 * source certainly predates 1.24 and the value really is an old list of several hosts: every item a host name or
 * address with an optional port. Anything else, a source that may be on either side of 1.24 included, is reported,
 * not guessed at. Options in smtpfwd.tab's third column
 * and a leading {@code #} (random order) are kept.
 */
public final class GatewaySeparatorStep implements MigrationStep {

    /** The step id. */
    public static final String ID = "gateway-separator";

    static final String NAME = "DefaultSMTPGateways";
    static final XMailVersion CHANGED_IN = XMailVersion.parse("1.24");

    /**
     * {@code host}, {@code host:port}, {@code [ipv6]:port}: what a pre-1.24 list item can be. Whether old XMail
     * trimmed spaces around items is not recorded, so an item with a space is not taken for a host.
     */
    private static final Pattern HOST =
            Pattern.compile("(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 800;
    }

    @Override
    public List<Reference> facts() {
        return List.of(
                References.changeLog("1.24"),
                References.GATEWAY_OPTIONS,
                References.OPTIONS,
                References.FORWARD_GATEWAYS);
    }

    /**
     * @param value a gateway list value
     * @return whether every item of its comma-separated reading is a host, so it can only be an old list
     */
    static boolean onlyHosts(String value) {
        return GatewayList.parseLegacy(value).stream()
                .allMatch(p -> HOST.matcher(p).matches());
    }

    static String converted(String value) {
        return GatewayList.format(value.startsWith("#"), GatewayList.parseLegacy(value));
    }

    @Override
    public StepResult apply(ServerFiles files, StepContext ctx) {
        Work w = new Work(files, ID, reason());
        Sources.Side side = Sources.side(ctx.source(), CHANGED_IN);
        w.input().entry(NAME).ifPresent(e -> serverTab(w, e, side, ctx));
        files.file(MailRootFile.SMTP_FWD).ifPresent(f -> smtpfwd(w, f, side, ctx));
        return w.result();
    }

    private void serverTab(Work w, Entry e, Sources.Side side, StepContext ctx) {
        String v = e.value();
        if (!GatewayList.looksLegacy(v)) {
            return;
        }
        String problem = problem(v, side);
        if (problem != null) {
            w.note(
                    Note.Level.DECIDE,
                    e.line(),
                    NAME,
                    MigrateMessages.text(problem, w.show(v), ctx.source().display()));
            return;
        }
        String nv = converted(v);
        try {
            w.tab(w.tab().setRaw(NAME, nv));
            w.set(e, nv, reason());
        } catch (EditException ex) {
            w.note(Note.Level.DECIDE, e.line(), NAME, MigrateMessages.text("note.unwritable", NAME, (Localized)
                    ex::message));
        }
    }

    @SuppressWarnings("ReferenceEquality") // identity: the same document means no edit
    private void smtpfwd(Work w, TabFile file, Sources.Side side, StepContext ctx) {
        TabDocument doc = file.document();
        for (TabFile.Row row : file.rows()) {
            String v = row.column(1);
            if (!GatewayList.looksLegacy(v)) {
                continue;
            }
            String domain = file.display(row.column(0));
            String problem = problem(v, side);
            if (problem != null) {
                w.note(new Note(
                        Note.Level.DECIDE,
                        ID,
                        MailRootFile.SMTP_FWD,
                        row.line(),
                        domain,
                        MigrateMessages.text(
                                problem, file.display(v), ctx.source().display())));
                continue;
            }
            String nv = converted(v);
            try {
                // Same length (only separators change), so line numbers and the other columns stay put.
                doc = Edits.replaceToken(doc, row.record(), 1, nv, MailRootFile.SMTP_FWD.fileName());
                w.change(new Change(
                        Change.Kind.SET,
                        MailRootFile.SMTP_FWD,
                        row.line(),
                        domain,
                        domain,
                        file.display(v),
                        file.display(nv),
                        false,
                        ID,
                        reason()));
            } catch (EditException ex) {
                w.note(new Note(
                        Note.Level.DECIDE,
                        ID,
                        MailRootFile.SMTP_FWD,
                        row.line(),
                        domain,
                        MigrateMessages.text(
                                "note.unwritable", MailRootFile.SMTP_FWD.fileName(), (Localized) ex::message)));
            }
        }
        if (doc != file.document()) {
            w.file(new TabFile(file.kind(), file.path(), doc, file.charset()));
        }
    }

    /** @return the note key explaining why a legacy-looking value is left alone, or null to convert it */
    private static String problem(String value, Sources.Side side) {
        if (side == Sources.Side.FROM) {
            return "note.gateway-separator.readSince124";
        }
        if (side == Sources.Side.EITHER) {
            return "note.gateway-separator.uncertain";
        }
        if (!onlyHosts(value)) {
            return "note.gateway-separator.notOnlyHosts";
        }
        return null;
    }
}
