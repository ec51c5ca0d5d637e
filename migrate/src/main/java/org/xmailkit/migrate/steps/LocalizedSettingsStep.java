package org.xmailkit.migrate.steps;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
import org.xmailkit.model.TabLine;
import org.xmailkit.model.TextEncoding;
import org.xmailkit.model.Values;

/**
 * The localized 1.27 build adds {@code SMTPLocalRule1} (lift the symbol-character restrictions on mail
 * addresses) and {@code SMTPLocalRule2} (allow double quotes in mail addresses). For the localized target both are
 * written explicitly, 0 unless {@code --local-rule1/2 on}, under a comment naming XMailCFG's section; a value
 * already set is kept unless an option asks otherwise. For the original 1.27 nothing is removed: the settings are
 * reported as ignored by that build.
 */
public final class LocalizedSettingsStep implements MigrationStep {

    /** The step id. */
    public static final String ID = "localized-settings";

    static final String RULE1 = "SMTPLocalRule1";
    static final String RULE2 = "SMTPLocalRule2";

    /** Encodings in which a Japanese comment can be written: the file's encoding is known and holds Japanese. */
    private static final Set<Charset> JAPANESE_CAPABLE =
            Set.of(StandardCharsets.UTF_8, TextEncoding.WINDOWS_31J, TextEncoding.EUC_JP);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 1200;
    }

    @Override
    public List<Reference> facts() {
        return List.of(
                References.XMAILCFG_PAGE, References.ADDRESS_CHECK, References.READ_CONFIG, References.CONFIG_LINE);
    }

    @Override
    public StepResult apply(ServerFiles files, StepContext ctx) {
        Work w = new Work(files, ID, reason());
        if (!ctx.options().target().localized()) {
            for (String name : List.of(RULE1, RULE2)) {
                w.input().entry(name).ifPresent(e -> {
                    w.note(
                            Note.Level.INFO,
                            e.line(),
                            name,
                            MigrateMessages.text("note.localized-settings.ignored", name));
                    if (Values.atoi(e.value()).orElse(0) != 0) {
                        w.note(
                                Note.Level.BEHAVIOUR,
                                e.line(),
                                name,
                                MigrateMessages.text("note.localized-settings.lost." + name));
                    }
                });
            }
            return w.result();
        }
        Optional<Boolean> want1 = ctx.options().localRule1();
        Optional<Boolean> want2 = ctx.options().localRule2();
        try {
            adjust(w, RULE1, want1);
            adjust(w, RULE2, want2);
            ServerTab in = w.input();
            boolean has1 = in.has(RULE1);
            boolean has2 = in.has(RULE2);
            if (!has1 && !has2) {
                appendSection(w, want1.orElse(false), want2.orElse(false));
            } else if (!has1 || !has2) {
                String missing = has1 ? RULE2 : RULE1;
                Entry present = in.entry(has1 ? RULE1 : RULE2).orElseThrow();
                String value = flag((has1 ? want2 : want1).orElse(false));
                w.tab(w.tab().insertRaw(present.line() + 1, List.of(w.tab().entryLine(missing, value))));
                w.add(missing, value, MigrateMessages.text("change.localized-settings.add", missing, value));
            }
        } catch (EditException e) {
            Work failed = new Work(files, ID, reason());
            failed.note(Note.Level.DECIDE, 0, RULE1, MigrateMessages.text("note.unwritable", RULE1, (Localized)
                    e::message));
            return failed.result();
        }
        return w.result();
    }

    // The localized build's defaults for SMTPLocalRule1/2 are not published; 0 (the original build's behaviour) is
    // assumed and written, so the file says what the server does either way.
    private static String flag(boolean on) {
        return on ? "1" : "0";
    }

    /** Sets a rule already present when an option asks for another value; in-place edits keep line numbers. */
    private static void adjust(Work w, String name, Optional<Boolean> wanted) {
        Optional<Entry> e = w.input().entry(name);
        if (e.isEmpty() || wanted.isEmpty()) {
            return;
        }
        boolean now = Values.atoi(e.get().value()).orElse(0) != 0;
        if (now != wanted.get()) {
            String v = flag(wanted.get());
            w.tab(w.tab().setRaw(name, v));
            w.set(e.get(), v, MigrateMessages.text("change.localized-settings.set", name, v));
        }
    }

    private static void appendSection(Work w, boolean on1, boolean on2) {
        ServerTab tab = w.tab();
        List<String> lines = new ArrayList<>();
        List<TabLine> existing = tab.document().lines();
        if (!existing.isEmpty() && !existing.get(existing.size() - 1).raw().isBlank()) {
            lines.add("");
        }
        String header = header(tab);
        lines.add(header);
        lines.add(tab.entryLine(RULE1, flag(on1)));
        lines.add(tab.entryLine(RULE2, flag(on2)));
        w.tab(tab.appendRaw(lines));
        w.comment(header, MigrateMessages.text("change.localized-settings.header"));
        w.add(RULE1, flag(on1), MigrateMessages.text("change.localized-settings.add", RULE1, flag(on1)));
        w.add(RULE2, flag(on2), MigrateMessages.text("change.localized-settings.add", RULE2, flag(on2)));
    }

    /**
     * The section comment, as bytes: in Japanese (XMailCFG's section name) when the file's encoding is known to
     * hold Japanese, else in ASCII, so that no byte of an unknown encoding is ever guessed.
     */
    static String header(ServerTab tab) {
        if (JAPANESE_CAPABLE.contains(tab.charset())) {
            return tab.encode("#", MigrateMessages.get(Locale.JAPANESE, "header.localized"));
        }
        return MigrateMessages.get(Locale.ENGLISH, "header.localized");
    }
}
