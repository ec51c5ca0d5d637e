package org.xmailkit.migrate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.version.SourceVersion;

/**
 * The migration of one server: what changes, why, the bytes to write and a diff to read.
 *
 * @param path    the MailRoot directory or bare server.tab
 * @param bare    whether only server.tab was given
 * @param source  the source version used (given or detected, with evidence)
 * @param options the options
 * @param changes the edits, in step order
 * @param notes   what the administrator should know
 * @param files   every file read, server.tab first, with before and after bytes
 */
public record MigrationResult(
        Path path,
        boolean bare,
        SourceVersion source,
        MigrationOptions options,
        List<Change> changes,
        List<Note> notes,
        List<FileResult> files) {

    public MigrationResult {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
        files = List.copyOf(files);
    }

    /**
     * @param more notes about the server that come from elsewhere than the steps (XMail's command line, say)
     * @return this result with them after its own notes
     */
    public MigrationResult withNotes(List<Note> more) {
        List<Note> all = new ArrayList<>(notes);
        all.addAll(more);
        return new MigrationResult(path, bare, source, options, changes, all, files);
    }

    /** @return whether any file changes */
    public boolean changed() {
        return files.stream().anyMatch(FileResult::changed);
    }

    /** @return the files that change */
    public List<FileResult> changedFiles() {
        return files.stream().filter(FileResult::changed).toList();
    }

    /** @return every file read, with its bytes after the migration (to audit the migrated configuration) */
    public Map<MailRootFile, byte[]> afterBytes() {
        Map<MailRootFile, byte[]> out = new EnumMap<>(MailRootFile.class);
        files.forEach(f -> out.put(f.kind(), f.after()));
        return out;
    }

    /** @return the unified diff of every changed file */
    public List<String> diff() {
        List<String> out = new ArrayList<>();
        for (FileResult f : files) {
            out.addAll(f.diff());
        }
        return out;
    }
}
