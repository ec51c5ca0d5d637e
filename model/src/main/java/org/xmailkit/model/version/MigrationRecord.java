package org.xmailkit.model.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabRecord;
import org.xmailkit.model.XMailVersion;

/**
 * The comment line a migration leaves in server.tab, saying what it migrated to and which source version range it
 * assumed: {@code # xmailkit: migrated to 1.27 from 1.24}, or {@code ... from 0.61..1.27}. XMail skips it: a line
 * whose first byte is {@code #} is a comment (XMail 1.27 SvrUtils.cpp {@code SvrReadConfig} reads through
 * MiscUtils.cpp {@code MscGetConfigLine}, which skips them; 1.26 does the same), and without a TAB it would be a
 * one-token line, which is ignored anyway.
 *
 * <p>Anyone who can write server.tab can write this line, so it is never trusted: version detection only widens the
 * range it infers from the file's own contents by it, never narrows it (see {@link VersionDetector}). Only ASCII
 * lines of a bounded length in exactly this form count; anything else that starts like one is reported as
 * unreadable and ignored, and its text is never shown.
 *
 * @param line     the line it was read from (1-based), or 0 for a record not yet written
 * @param target   what the migration migrated to
 * @param earliest the earliest source version it assumed
 * @param latest   the latest source version it assumed
 */
public record MigrationRecord(int line, XMailVersion target, XMailVersion earliest, XMailVersion latest) {

    /** How every record line starts; a comment starting so that is not a well-formed record is unreadable. */
    public static final String PREFIX = "# xmailkit: migrated";
    /** Longer lines are not records (a well-formed one is under 70 bytes). */
    static final int MAX_LENGTH = 120;

    private static final Pattern FORM = Pattern.compile(
            "# xmailkit: migrated to ([0-9a-z.-]{1,20}) from ([0-9a-z.-]{1,20}?)(?:\\.\\.([0-9a-z.-]{1,20}))?");

    public MigrationRecord {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        if (!target.equals(XMailVersion.V1_27) && !target.equals(XMailVersion.V1_27_LOCALIZED)) {
            throw new IllegalArgumentException("not a migration target: " + target);
        }
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("empty version range " + earliest + ".." + latest);
        }
    }

    /**
     * @param target the migration target
     * @param source the source version the migration assumed
     * @return the record of such a migration, not yet written
     */
    public static MigrationRecord of(XMailVersion target, SourceVersion source) {
        return new MigrationRecord(0, target, source.earliest(), source.latest());
    }

    /** @return the line's text (ASCII; no terminator), with every version in one canonical form */
    public String text() {
        String range = earliest.equals(latest) ? canonical(earliest) : canonical(earliest) + ".." + canonical(latest);
        return PREFIX + " to " + canonical(target) + " from " + range;
    }

    /**
     * Equal versions can carry different texts ({@code 01.24}, a range read back from a journal as {@code 0.0});
     * the record writes each one way, so that equal ranges always give the same line.
     */
    static String canonical(XMailVersion v) {
        if (v.equals(XMailVersion.EARLIEST)) {
            return XMailVersion.EARLIEST.toString();
        }
        return v.major() + "." + v.minor() + (v.pre() > 0 ? String.format(Locale.ROOT, "pre%02d", v.pre()) : "")
                + (v.localized() ? "-localized" : "");
    }

    /** @return the source range it records (never marked as given) */
    public SourceVersion range() {
        return new SourceVersion(earliest, latest, List.of(), false);
    }

    /**
     * What server.tab holds in the way of records.
     *
     * @param records    the well-formed records, in file order
     * @param unreadable the lines that start like a record but are not one
     */
    public record Found(List<MigrationRecord> records, List<Integer> unreadable) {
        public Found {
            records = List.copyOf(records);
            unreadable = List.copyOf(unreadable);
        }
    }

    /**
     * @param tab server.tab
     * @return its record lines, read strictly
     */
    public static Found find(ServerTab tab) {
        List<MigrationRecord> records = new ArrayList<>();
        List<Integer> unreadable = new ArrayList<>();
        for (TabRecord r : tab.document().records()) {
            if (r.kind() != TabRecord.Kind.COMMENT || r.piece() > 0 || !r.text().startsWith(PREFIX)) {
                continue;
            }
            MigrationRecord m = parse(r.line(), r.text());
            if (m == null) {
                unreadable.add(r.line());
            } else {
                records.add(m);
            }
        }
        return new Found(records, unreadable);
    }

    /** @return the record the text holds, or null when it is not exactly one */
    static MigrationRecord parse(int line, String text) {
        if (text.length() > MAX_LENGTH) {
            return null;
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            XMailVersion target = XMailVersion.parse(m.group(1));
            XMailVersion earliest = version(m.group(2));
            XMailVersion latest = m.group(3) == null ? earliest : version(m.group(3));
            return new MigrationRecord(line, target, earliest, latest);
        } catch (IllegalArgumentException e) {
            return null; // not a version, out of range, or not a target: not a record
        }
    }

    private static XMailVersion version(String text) {
        return text.equals(XMailVersion.EARLIEST.toString()) ? XMailVersion.EARLIEST : XMailVersion.parse(text);
    }
}
