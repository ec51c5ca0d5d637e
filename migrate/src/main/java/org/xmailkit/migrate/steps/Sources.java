package org.xmailkit.migrate.steps;

import org.xmailkit.audit.SourceVersion;
import org.xmailkit.model.Variable;
import org.xmailkit.model.XMailVersion;

/** Questions steps ask about the source version range. */
final class Sources {

    private Sources() {
    }

    /**
     * Whether some plausible source version read the variable: it existed (since) and was not yet removed. A
     * variable whose first version is unknown counts as having existed from the start.
     *
     * @param source the source range
     * @param v      a catalogued variable
     * @return whether the server may have used the line
     */
    static boolean mayHaveRead(SourceVersion source, Variable v) {
        XMailVersion since = v.sinceVersion().orElse(XMailVersion.EARLIEST);
        boolean existed = !source.latest().isBefore(since);
        boolean notYetRemoved = v.removedVersion().map(source::mayBeBefore).orElse(true);
        return existed && notYetRemoved;
    }
}
