package org.xmailkit.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.xmailkit.audit.Severity;

/**
 * A server's migration plan as the report shows it: what changes and why, the unified diff, the behaviour changes,
 * and the audit before and after. Filled from the migrate module's result; all texts are translated and scrubbed.
 *
 * @param readiness        clean, behaviour changes, failed or not planned
 * @param target           the target version, e.g. {@code 1.27-localized}
 * @param changes          each change with its reason, in plan order
 * @param diffs            the unified diff, one per changed file
 * @param behaviourChanges what the server will do differently afterwards
 * @param notes            other things to know: decisions left to the administrator, conflicts, information
 * @param delta            the audit before versus after, or null when not computed
 * @param failure          why the plan failed, or null
 */
public record MigrationView(
        Readiness readiness,
        String target,
        List<PlannedChange> changes,
        List<DiffFile> diffs,
        List<String> behaviourChanges,
        List<NoteView> notes,
        AuditComparison delta,
        String failure) {

    public MigrationView {
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(target, "target");
        changes = List.copyOf(changes);
        diffs = List.copyOf(diffs);
        behaviourChanges = List.copyOf(behaviourChanges);
        notes = List.copyOf(notes);
        if ((readiness == Readiness.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a failure message goes with FAILED readiness only");
        }
    }

    /**
     * @param target the target version
     * @return the view for a report made without migration plans
     */
    public static MigrationView notPlanned(String target) {
        return new MigrationView(Readiness.NOT_PLANNED, target, List.of(), List.of(), List.of(), List.of(), null, null);
    }

    /**
     * @param target  the target version
     * @param message why it failed, translated
     * @return the view of a failed plan
     */
    public static MigrationView failed(String target, String message) {
        return new MigrationView(Readiness.FAILED, target, List.of(), List.of(), List.of(), List.of(), null, message);
    }

    /**
     * Derives the readiness from what the plan holds.
     *
     * @param target           the target version
     * @param changes          the changes
     * @param diffs            the diffs
     * @param behaviourChanges the behaviour changes
     * @param notes            the other notes
     * @param delta            the audit delta, or null
     * @return the view, clean when no behaviour changes
     */
    public static MigrationView planned(
            String target,
            List<PlannedChange> changes,
            List<DiffFile> diffs,
            List<String> behaviourChanges,
            List<NoteView> notes,
            AuditComparison delta) {
        Readiness r = behaviourChanges.isEmpty() ? Readiness.CLEAN : Readiness.BEHAVIOUR_CHANGES;
        return new MigrationView(r, target, changes, diffs, behaviourChanges, notes, delta, null);
    }

    /**
     * Something to know about the plan besides its changes.
     *
     * @param level {@code decide} (only the administrator can choose), {@code conflict} (two settings disagreed;
     *              the one XMail reads was kept) or {@code info}
     * @param where the file and line concerned, or empty
     * @param text  what to know
     */
    public record NoteView(String level, String where, String text) {}

    /**
     * One change of the plan.
     *
     * @param file     the file, relative to the MailRoot
     * @param kind     what kind of change (e.g. {@code rename}, {@code set}, {@code remove}), translated
     * @param name     the variable or entry changed
     * @param oldValue the value before, or empty
     * @param newValue the value after, or empty
     * @param stepId   the migration step that makes it
     * @param reason   why, one sentence
     */
    public record PlannedChange(
            String file, String kind, String name, String oldValue, String newValue, String stepId, String reason) {}

    /**
     * The unified diff of one file.
     *
     * @param path    the file, relative to the MailRoot
     * @param lines   the diff lines after the file header
     * @param added   how many lines are added
     * @param removed how many lines are removed
     */
    public record DiffFile(String path, List<DiffLine> lines, int added, int removed) {
        public DiffFile {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One line of a unified diff.
     *
     * @param kind    what the line is
     * @param oldLine the line number in the old file, or 0
     * @param newLine the line number in the new file, or 0
     * @param text    the line without its diff marker (for a hunk header, the header itself)
     */
    public record DiffLine(Kind kind, int oldLine, int newLine, String text) {

        /** The kinds of diff lines. */
        public enum Kind {
            HUNK,
            CONTEXT,
            ADDED,
            REMOVED,
            NOTE;

            /** @return the lower-case id (CSS class) */
            public String id() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        /** @return the marker a unified diff puts in front: {@code +}, {@code -}, a space, or nothing */
        public String marker() {
            return switch (kind) {
                case ADDED -> "+";
                case REMOVED -> "-";
                case CONTEXT -> " ";
                case HUNK, NOTE -> "";
            };
        }
    }

    /**
     * The audit before versus after the migration ({@link AuditDelta}) as the report shows it:
     * unwaived findings counted per severity and per rule.
     *
     * @param counts     unsuppressed findings per severity, before and after
     * @param resolved   rules with fewer findings after
     * @param introduced rules with more findings after
     */
    public record AuditComparison(List<DeltaCount> counts, List<DeltaRule> resolved, List<DeltaRule> introduced) {
        public AuditComparison {
            counts = List.copyOf(counts);
            resolved = List.copyOf(resolved);
            introduced = List.copyOf(introduced);
        }

        /** @return the total before */
        public int before() {
            return counts.stream().mapToInt(DeltaCount::before).sum();
        }

        /** @return the total after */
        public int after() {
            return counts.stream().mapToInt(DeltaCount::after).sum();
        }
    }

    /**
     * Findings of one severity before and after.
     *
     * @param severity the severity
     * @param before   how many before
     * @param after    how many after
     */
    public record DeltaCount(Severity severity, int before, int after) {}

    /**
     * A rule whose number of findings changes.
     *
     * @param ruleId   the rule
     * @param severity its severity
     * @param title    its title
     * @param change   by how many findings (positive)
     */
    public record DeltaRule(String ruleId, Severity severity, String title, int change) {}
}
