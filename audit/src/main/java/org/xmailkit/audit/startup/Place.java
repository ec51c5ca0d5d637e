package org.xmailkit.audit.startup;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where an argument of XMail's command line was written.
 *
 * @param file  the file, or empty for a line typed with {@code --cmdline}
 * @param line  1-based line in the file, or 0
 * @param label what holds it: {@code MAIL_CMD_LINE}, {@code ExecStart}, {@code --cmdline}, ...
 */
public record Place(Optional<Path> file, int line, String label) {

    public Place {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(label, "label");
    }

    /**
     * @param label what holds the text
     * @return a place that is no file
     */
    public static Place typed(String label) {
        return new Place(Optional.empty(), 0, label);
    }

    /** @return {@code file:line (label)}, or the label alone */
    public String display() {
        return display(Path::toString);
    }

    /**
     * @param shown how a path is shown (e.g. relative to the MailRoot)
     * @return {@code file:line (label)}, or the label alone
     */
    public String display(Function<Path, String> shown) {
        return file.map(f -> shown.apply(f) + (line > 0 ? ":" + line : "") + " (" + label + ")")
                .orElse(label);
    }
}
