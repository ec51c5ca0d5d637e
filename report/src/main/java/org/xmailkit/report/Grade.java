package org.xmailkit.report;

import java.util.Locale;

/**
 * A server's letter grade, A (best) to F. The grade is the lowest {@link GradeCap} that applies; see
 * {@link Grading} for what caps a grade.
 */
public enum Grade {
    A,
    B,
    C,
    D,
    E,
    F;

    /** @return the lower-case letter, used in CSS classes and message keys */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param other another grade
     * @return the worse of the two
     */
    public Grade worst(Grade other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
