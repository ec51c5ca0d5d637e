package org.xmailkit.migrate.steps;

import java.util.ArrayList;
import java.util.List;
import org.xmailkit.migrate.Change;
import org.xmailkit.migrate.MigrationText;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.ServerFiles;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.EditException;
import org.xmailkit.model.Entry;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabFile;

/**
 * The scratch state of one step while it runs: the documents as edited so far and what it has to say. Line numbers
 * given to {@link #change} and {@link #note} refer to the documents the step was given.
 */
final class Work {

    private final String stepId;
    private final MigrationText reason;
    private final ServerTab input;
    private ServerFiles files;
    private final List<Change> changes = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();

    Work(ServerFiles files, String stepId, MigrationText reason) {
        this.files = files;
        this.input = files.serverTab();
        this.stepId = stepId;
        this.reason = reason;
    }

    /** @return server.tab as the step was given it (entries' line numbers refer to it) */
    ServerTab input() {
        return input;
    }

    /** @return server.tab as edited so far */
    ServerTab tab() {
        return files.serverTab();
    }

    void tab(ServerTab tab) {
        files = files.with(tab);
    }

    void file(TabFile file) {
        files = files.with(file);
    }

    ServerFiles files() {
        return files;
    }

    /** Display text of server.tab bytes. */
    String show(String bytes) {
        return bytes == null ? null : input.printable(bytes);
    }

    MigrationText reason() {
        return reason;
    }

    void add(String name, String value, MigrationText why) {
        changes.add(new Change(Change.Kind.ADD, MailRootFile.SERVER_TAB, 0, show(name), show(name), null, show(value),
                false, stepId, why));
    }

    void comment(String text, MigrationText why) {
        changes.add(new Change(Change.Kind.COMMENT, MailRootFile.SERVER_TAB, 0, "#", "#", null, show(text), false,
                stepId, why));
    }

    void set(Entry e, String newValue, MigrationText why) {
        changes.add(new Change(Change.Kind.SET, MailRootFile.SERVER_TAB, e.line(), show(e.name()), show(e.name()),
                show(e.value()), show(newValue), false, stepId, why));
    }

    void rename(Entry e, String newName, String newValue, MigrationText why) {
        changes.add(new Change(Change.Kind.RENAME, MailRootFile.SERVER_TAB, e.line(), show(e.name()), show(newName),
                show(e.value()), show(newValue), false, stepId, why));
    }

    void remove(Entry e, boolean secret, MigrationText why) {
        changes.add(new Change(Change.Kind.REMOVE, MailRootFile.SERVER_TAB, e.line(), show(e.name()), show(e.name()),
                secret ? null : show(e.value()), null, secret, stepId, why));
    }

    /**
     * Removes every line of {@code name} and records each removal.
     *
     * @param name   the variable
     * @param secret whether the value is a secret, never shown
     * @param why    the reason recorded
     */
    void removeAll(String name, boolean secret, MigrationText why) {
        List<Entry> all = input.entries(name);
        tab(tab().remove(name));
        all.forEach(e -> remove(e, secret, why));
    }

    /**
     * Renames the line XMail reads for {@code from} to {@code to}, value kept ({@link Edits#renameLive}), and records
     * the rename and the removal of the dead duplicates.
     *
     * @param from the old name, which must be set
     * @param to   the new name, which must not be set
     * @throws EditException when the line cannot be written; nothing is changed then
     */
    void renameLive(String from, String to) {
        tab(Edits.renameLive(tab(), from, to));
        renamed(from, to, null);
    }

    /**
     * As {@link #renameLive(String, String)}, with a new value.
     *
     * @param from  the old name, which must be set
     * @param to    the new name, which must not be set
     * @param value the new value
     * @throws EditException when the line cannot be written; nothing is changed then
     */
    void renameLive(String from, String to, String value) {
        tab(Edits.renameLive(tab(), from, to).setRaw(to, value));
        renamed(from, to, value);
    }

    /** Records the rename of the live line of {@code from}, to {@code value} (null: the value kept). */
    private void renamed(String from, String to, String value) {
        List<Entry> all = input.entries(from);
        Entry live = all.get(0);
        rename(live, to, value == null ? live.value() : value, reason);
        all.stream().skip(1).forEach(e -> remove(e, false, MigrationText.of("change.removed.deadDuplicate", from)));
    }

    void change(Change c) {
        changes.add(c);
    }

    void note(Note.Level level, int line, String name, MigrationText text) {
        notes.add(new Note(level, stepId, MailRootFile.SERVER_TAB, line, name == null ? "" : show(name), text));
    }

    void note(Note n) {
        notes.add(n);
    }

    String stepId() {
        return stepId;
    }

    StepResult result() {
        return new StepResult(files, changes, notes);
    }
}
