package org.xmailkit.migrate;

import java.util.List;
import org.xmailkit.model.Reference;
import org.xmailkit.model.Text;

/**
 * One migration step: a pure function over the lossless documents. It touches only the lines it must, reports
 * every edit as a {@link Change} and everything else worth knowing as a {@link Note}, and changes nothing when run
 * on its own output.
 */
public interface MigrationStep {

    /** @return the stable id, e.g. {@code rename-rarp-check} */
    String id();

    /**
     * Where the step runs among the others: steps run in ascending order (the generated {@code Steps} list sorts them
     * by it; two steps never share one). The order matters where a step builds on another's edits: the XMailCFG
     * {@code SmtpGwConfig-*} fold before {@code SMTP-TLS} is merged into the same {@code SmtpGwConfig}, {@code --fix}
     * after the other steps, the record of the migration last. Elsewhere it only orders the plan's changes.
     *
     * @return the step's place, e.g. {@code 300}; a new step takes a free number between its neighbours
     */
    int order();

    /** @return the XMail facts the step rests on, with section (shown in the generated step docs) */
    List<Reference> facts();

    /** @return why the step exists, in one line (key {@code step.<id>.reason}) */
    default Text reason() {
        return MigrateMessages.text("step." + id() + ".reason");
    }

    /**
     * @param files the documents
     * @param ctx   the source version, options and audit access
     * @return the documents afterwards, the edits and the notes
     */
    StepResult apply(ServerFiles files, StepContext ctx);
}
