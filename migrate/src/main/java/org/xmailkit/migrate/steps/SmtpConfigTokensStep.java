package org.xmailkit.migrate.steps;

import java.util.ArrayList;
import java.util.List;
import org.xmailkit.migrate.MigrateMessages;
import org.xmailkit.migrate.MigrationStep;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.ServerFiles;
import org.xmailkit.migrate.StepContext;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.EditException;
import org.xmailkit.model.Entry;
import org.xmailkit.model.Localized;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.syntax.SmtpConfigTokens;

/**
 * {@code SmtpConfig}, {@code SmtpConfig-IP} and {@code SmtpConfig-IP,PORT} tokens are case-sensitive in 1.26 and
 * later, and a space after a comma becomes part of the next token: {@code Mail-Auth} or {@code mail-auth, WantTLS}
 * silently lose a setting. When the source predates 1.26 (old code compared {@code mail-auth} without regard to
 * case) the value is normalised; when the source already read it the 1.26 way, the server has been running without
 * the setting, and switching it on is reported for the administrator to decide, as it is when the source may be on
 * either side of 1.26.
 */
public final class SmtpConfigTokensStep implements MigrationStep {

    /** The step id. */
    public static final String ID = "smtpconfig-tokens";

    static final XMailVersion STRICT_SINCE = XMailVersion.parse("1.26");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public List<Reference> facts() {
        return List.of(References.SMTPCONFIG_TOKENS, References.OPTIONS, References.SMTPCONFIG_TOKENS_OLD);
    }

    @Override
    public StepResult apply(ServerFiles files, StepContext ctx) {
        Work w = new Work(files, ID, reason());
        // Case-insensitive matching is recorded only for the ~1.3-1.5 code and exact matching from 1.26; what 1.6-1.25
        // did is not recorded, so every source before 1.26 is treated as having honoured the token.
        Sources.Side side = Sources.side(ctx.source(), STRICT_SINCE);
        for (Entry e : w.input().liveEntries()) {
            if (!e.name().equals("SmtpConfig") && !e.name().startsWith("SmtpConfig-")) {
                continue;
            }
            SmtpConfigTokens tokens = SmtpConfigTokens.parse(e.value());
            String normalised = tokens.normalised();
            SmtpConfigTokens after = SmtpConfigTokens.parse(normalised);
            if (normalised.equals(e.value())
                    || (tokens.mailAuth() == after.mailAuth() && tokens.wantTls() == after.wantTls())) {
                continue; // 1.27 reads both the same way: nothing to gain from touching the line
            }
            List<String> lost = new ArrayList<>();
            for (String[] m : tokens.misspelled()) {
                lost.add(w.show(m[0]).strip().isEmpty() ? m[0] : "'" + w.show(m[0]) + "'");
            }
            String list = String.join(", ", lost);
            if (side != Sources.Side.BEFORE) {
                String key = side == Sources.Side.FROM
                        ? "note.smtpconfig-tokens.readSince126"
                        : "note.smtpconfig-tokens.uncertain";
                w.note(
                        Note.Level.DECIDE,
                        e.line(),
                        e.name(),
                        MigrateMessages.text(
                                key, list, w.show(normalised), ctx.source().display()));
                continue;
            }
            try {
                w.tab(setLine(w, e, normalised));
                w.set(e, normalised, MigrateMessages.text("change.smtpconfig-tokens", list));
            } catch (EditException ex) {
                w.note(
                        Note.Level.DECIDE,
                        e.line(),
                        e.name(),
                        MigrateMessages.text("note.unwritable", w.show(e.name()), (Localized) ex::message));
            }
        }
        return w.result();
    }

    private static ServerTab setLine(Work w, Entry e, String value) {
        return w.tab().setRaw(e.name(), value);
    }
}
