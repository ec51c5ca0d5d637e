package org.xmailkit.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.xmailkit.model.Catalog;
import org.xmailkit.model.Effective;
import org.xmailkit.model.Entry;
import org.xmailkit.model.LineEnding;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabDocument;
import org.xmailkit.model.TabLine;
import org.xmailkit.model.TabRecord;
import org.xmailkit.model.TextEncoding;
import org.xmailkit.model.Variable;

/** The migration invariants, as assertions shared by the fleet tests and the property tests. */
final class Invariants {

    private Invariants() {}

    /** Every invariant that holds between one configuration and its migration. */
    static void check(MigrationPlan.Applied a) {
        for (MailRootFile kind : kinds(a.before())) {
            TabDocument before = doc(a.before(), kind);
            TabDocument after = doc(a.after(), kind);
            Set<String> named = named(a.changes(), kind);
            untouchedLinesKept(before, after, named, kind);
            lineEndingsKept(before, after);
            encodingKept(before, after, charset(a.before(), kind));
        }
        effectiveKept(a.before().serverTab(), a.after().serverTab(), named(a.changes(), MailRootFile.SERVER_TAB));
    }

    private static List<MailRootFile> kinds(ServerFiles f) {
        List<MailRootFile> out = new ArrayList<>();
        out.add(MailRootFile.SERVER_TAB);
        out.addAll(f.others().keySet());
        return out;
    }

    private static TabDocument doc(ServerFiles f, MailRootFile kind) {
        return kind == MailRootFile.SERVER_TAB
                ? f.serverTab().document()
                : f.file(kind).orElseThrow().document();
    }

    private static Charset charset(ServerFiles f, MailRootFile kind) {
        return kind == MailRootFile.SERVER_TAB
                ? f.serverTab().charset()
                : f.file(kind).orElseThrow().charset();
    }

    /**
     * The raw names (server.tab variables, or smtpfwd.tab domains) some change names, old and new, and the old text
     * of each comment line a change rewrites.
     */
    static Set<String> named(List<Change> changes, MailRootFile kind) {
        Set<String> s = new HashSet<>();
        for (Change c : changes) {
            if (c.file() == kind) {
                s.addAll(c.names());
                if (c.kind() == Change.Kind.COMMENT && c.oldValue() != null) {
                    s.add(c.oldValue());
                }
            }
        }
        return s;
    }

    private static List<String> lines(TabDocument d) {
        return d.lines().stream().map(l -> l.raw() + l.ending().text()).toList();
    }

    /**
     * A line that disappears or changes must be one whose entry a change names, or a comment a change rewrites; no
     * other comment, blank or unrelated line is ever touched. (A final line that only gained a terminator because
     * lines were appended counts as kept.)
     */
    static void untouchedLinesKept(TabDocument before, TabDocument after, Set<String> named, MailRootFile kind) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            for (int i = 0; i < d.getSource().size(); i++) {
                int n = d.getSource().getPosition() + i + 1;
                TabLine line = before.line(n);
                if (line.ending() == LineEnding.NONE
                        && b.contains(line.raw() + after.dominantEnding().text())) {
                    continue;
                }
                String name = nameOf(line, before);
                assertTrue(
                        name != null && named.contains(display(name, before, kind)),
                        kind.fileName() + ":" + n + " changed without a change naming it: " + line.raw());
            }
        }
    }

    private static String display(String raw, TabDocument doc, MailRootFile kind) {
        Charset cs = TextEncoding.detect(doc.toBytes());
        return kind == MailRootFile.SERVER_TAB
                ? ServerTab.of(doc, Catalog.builtin(), cs).printable(raw)
                : Entry.decode(raw, cs);
    }

    /** @return the name a data line sets, the text of a comment line, or null */
    private static String nameOf(TabLine line, TabDocument doc) {
        for (TabRecord r : line.reads(doc.format())) {
            if (r.kind() == TabRecord.Kind.DATA && r.size() >= 1) {
                return r.value(0);
            }
            if (r.kind() == TabRecord.Kind.COMMENT && r.piece() == 0) {
                return r.text();
            }
        }
        return null;
    }

    /** New lines take the file's own terminator; a file without a final newline keeps lacking one. */
    static void lineEndingsKept(TabDocument before, TabDocument after) {
        if (before.lines().isEmpty()) {
            return;
        }
        LineEnding eol = before.dominantEnding();
        Set<String> old = new HashSet<>(lines(before));
        for (TabLine l : after.lines()) {
            if (!old.contains(l.raw() + l.ending().text())) {
                assertTrue(
                        l.ending() == eol || l.ending() == LineEnding.NONE,
                        "a written line uses " + l.ending() + " in a " + eol + " file: " + l.raw());
            }
        }
        if (after.lines().isEmpty()) {
            return;
        }
        // A file without a final newline keeps lacking one, unless its unterminated last line was itself removed
        // (the line before it keeps its own terminator, byte for byte).
        String lastRaw = before.lines().get(before.lines().size() - 1).raw();
        boolean lastSurvives = after.lines().stream().anyMatch(l -> l.raw().equals(lastRaw));
        if (!before.lacksFinalNewline() || lastSurvives) {
            assertEquals(before.lacksFinalNewline(), after.lacksFinalNewline(), "final newline kept as it was");
        }
    }

    /** Whatever was written is in the file's own encoding: the file still decodes in it. */
    static void encodingKept(TabDocument before, TabDocument after, Charset charset) {
        byte[] b = before.toBytes();
        if (TextEncoding.decodes(b, charset)) {
            assertTrue(TextEncoding.decodes(after.toBytes(), charset), "the file no longer decodes as " + charset);
        }
    }

    /** Every variable no change names reads the same, with the same origin, before and after. */
    static void effectiveKept(ServerTab before, ServerTab after, Set<String> named) {
        Set<String> names = new HashSet<>();
        for (Variable v : before.catalog().all()) {
            names.add(v.name());
        }
        for (Entry e : before.entries()) {
            names.add(e.name());
        }
        for (Entry e : after.entries()) {
            names.add(e.name());
        }
        for (String n : names) {
            if (named.contains(before.printable(n))) {
                continue;
            }
            Effective x = before.effective(n);
            Effective y = after.effective(n);
            assertEquals(x.origin(), y.origin(), n + ": origin");
            assertTrue(Objects.equals(x.value(), y.value()), n + ": " + x.value() + " became " + y.value());
        }
    }
}
