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

    /** @return the XMail facts the step rests on, with section */
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
