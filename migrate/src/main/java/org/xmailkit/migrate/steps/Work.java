package org.xmailkit.migrate.steps;

import java.util.ArrayList;
import java.util.List;
import org.xmailkit.migrate.Change;
import org.xmailkit.migrate.MigrateMessages;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.ServerFiles;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.EditException;
import org.xmailkit.model.Entry;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.Printable;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.Text;

/**
 * The scratch state of one step while it runs: the documents as edited so far and what it has to say. Line numbers
 * given to {@link #change} and {@link #note} refer to the documents the step was given.
 */
final class Work {

    private final String stepId;
    private final Text reason;
    private final ServerTab input;
    private ServerFiles files;
    private final List<Change> changes = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();

    Work(ServerFiles files, String stepId, Text reason) {
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

    /** Display text of a name, without a secret glued to it ({@link Secrets#name}). */
    String name(String bytes) {
        return show(Secrets.name(bytes));
    }

    /** Display text of a value of {@code name}, as {@link Secrets#value} allows it to be shown. */
    String value(String name, String bytes) {
        return bytes == null ? null : Printable.of(Secrets.value(name, Entry.decode(bytes, input.charset())));
    }

    private Change change(
            Change.Kind kind, int line, String name, String newName, String oldValue, String newValue, Text why) {
        boolean secret = Secrets.secretName(name) || Secrets.secretName(newName);
        return new Change(
                kind,
                MailRootFile.SERVER_TAB,
                line,
                name(name),
                name(newName),
                value(name, oldValue),
                value(newName, newValue),
                secret,
                stepId,
                why);
    }

    Text reason() {
        return reason;
    }

    void add(String name, String value, Text why) {
        changes.add(change(Change.Kind.ADD, 0, name, name, null, value, why));
    }

    void comment(String text, Text why) {
        changes.add(new Change(
                Change.Kind.COMMENT, MailRootFile.SERVER_TAB, 0, "#", "#", null, show(text), false, stepId, why));
    }

    void set(Entry e, String newValue, Text why) {
        changes.add(change(Change.Kind.SET, e.line(), e.name(), e.name(), e.value(), newValue, why));
    }

    void rename(Entry e, String newName, String newValue, Text why) {
        changes.add(change(Change.Kind.RENAME, e.line(), e.name(), newName, e.value(), newValue, why));
    }

    void remove(Entry e, Text why) {
        changes.add(change(Change.Kind.REMOVE, e.line(), e.name(), e.name(), e.value(), null, why));
    }

    /**
     * Removes every line of {@code name} and records each removal (a secret value is never shown).
     *
     * @param name the variable
     * @param why  the reason recorded
     */
    void removeAll(String name, Text why) {
        List<Entry> all = input.entries(name);
        tab(tab().remove(name));
        all.forEach(e -> remove(e, why));
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
        all.stream().skip(1).forEach(e -> remove(e, MigrateMessages.text("change.removed.deadDuplicate", from)));
    }

    void change(Change c) {
        changes.add(c);
    }

    void note(Note.Level level, int line, String name, Text text) {
        notes.add(new Note(level, stepId, MailRootFile.SERVER_TAB, line, name == null ? "" : name(name), text));
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
