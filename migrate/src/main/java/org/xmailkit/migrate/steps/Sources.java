package org.xmailkit.migrate.steps;

import org.xmailkit.model.Variable;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.version.SourceVersion;

/**
 * Questions steps ask about the source version range, answered in three ways: yes, no, or "the range holds versions
 * on both sides". The answers carry the migration rule for uncertain sources (docs/migrate.md): a step makes an edit
 * whose rightness depends on the answer only when the answer is certain, or when the same edit is right for every
 * version in the range; otherwise it leaves the lines as they are and asks the administrator to decide.
 */
final class Sources {

    private Sources() {}

    /** Where the source range lies relative to a version. */
    enum Side {
        /** Every plausible version is older. */
        BEFORE,
        /** Every plausible version is that version or later. */
        FROM,
        /** The range holds versions on both sides. */
        EITHER
    }

    /** Whether the source read a variable. */
    enum Read {
        /** Every plausible version read it. */
        YES,
        /** No plausible version read it. */
        NO,
        /** Some plausible versions read it and some did not. */
        MAYBE
    }

    /**
     * @param source  the source range
     * @param version a version where XMail's behaviour changed
     * @return which side of it the source lies on
     */
    static Side side(SourceVersion source, XMailVersion version) {
        if (source.certainlyBefore(version)) {
            return Side.BEFORE;
        }
        return source.mayBeBefore(version) ? Side.EITHER : Side.FROM;
    }

    /**
     * Whether the source read the variable: it existed (since) and was not yet removed. A variable whose first
     * version is unknown counts as having existed from the start.
     *
     * @param source the source range
     * @param v      a catalogued variable
     * @return yes, no, or maybe
     */
    static Read read(SourceVersion source, Variable v) {
        Side existed = side(source, v.sinceVersion().orElse(XMailVersion.EARLIEST));
        Side removed = v.removedVersion().map(r -> side(source, r)).orElse(Side.BEFORE);
        if (existed == Side.BEFORE || removed == Side.FROM) {
            return Read.NO;
        }
        return existed == Side.FROM && removed == Side.BEFORE ? Read.YES : Read.MAYBE;
    }

    /**
     * @param source the source range
     * @param v      a catalogued variable
     * @return whether some plausible source version read it
     */
    static boolean mayHaveRead(SourceVersion source, Variable v) {
        return read(source, v) != Read.NO;
    }
}
