package org.xmailkit.migrate;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.xmailkit.model.version.SourceVersion;

/**
 * What a step sees besides the documents.
 *
 * @param source   the source version (given or detected)
 * @param options  the migration options
 * @param remedies the fixes the audit offers for a state of the files (used only by the {@code --fix} step)
 * @param original the files as read, before any step (used only by the step that records the migration)
 */
public record StepContext(
        SourceVersion source,
        MigrationOptions options,
        Function<ServerFiles, List<Remedy>> remedies,
        ServerFiles original) {

    public StepContext {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(remedies, "remedies");
        Objects.requireNonNull(original, "original");
    }
}
