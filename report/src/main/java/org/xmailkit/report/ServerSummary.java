package org.xmailkit.report;

import java.util.List;
import java.util.Objects;

/**
 * What the fleet page keeps of one server: small and fixed in size, so that a fleet of thousands fits in memory.
 *
 * @param id         the server id
 * @param path       the path given
 * @param version    the source version
 * @param grade      the grade
 * @param caps       the worst caps (at most {@link #CAPS_SHOWN}); the server page lists them all
 * @param capCount   how many caps there are in all
 * @param critical   unsuppressed CRITICAL findings
 * @param high       unsuppressed HIGH findings
 * @param medium     unsuppressed MEDIUM findings
 * @param low        unsuppressed LOW findings
 * @param info       unsuppressed INFO findings
 * @param suppressed suppressed findings
 * @param readiness  migration readiness
 * @param error      why the server could not be audited, or null
 */
public record ServerSummary(
        String id,
        String path,
        String version,
        Grade grade,
        List<GradeCap> caps,
        int capCount,
        int critical,
        int high,
        int medium,
        int low,
        int info,
        int suppressed,
        Readiness readiness,
        String error) {

    /** How many caps the fleet page lists per server; the server page lists them all. */
    public static final int CAPS_SHOWN = 3;

    public ServerSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(grade, "grade");
        caps = List.copyOf(caps.size() <= CAPS_SHOWN ? caps : caps.subList(0, CAPS_SHOWN));
        Objects.requireNonNull(readiness, "readiness");
    }

    /** @return how many caps are not shown on the fleet page */
    public int moreCaps() {
        return Math.max(0, capCount - caps.size());
    }

    /** @return the number of unsuppressed findings */
    public int active() {
        return critical + high + medium + low + info;
    }

    /** @return whether the server was audited */
    public boolean ok() {
        return error == null;
    }
}
