package org.xmailkit.migrate;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xmailkit.model.TabDocument;
import org.xmailkit.model.TabLine;

/**
 * Maps the lines of an edited document back to the original's, so that every change and note names the line an
 * administrator sees in the file on disk, whatever earlier steps inserted or removed.
 */
final class LineMap {

    /** original[i] = the original line number of current line i + 1, or 0 for a line the migration wrote. */
    private final int[] original;

    private LineMap(int[] original) {
        this.original = original;
    }

    /**
     * @param doc the original document
     * @return the identity map
     */
    static LineMap identity(TabDocument doc) {
        int[] m = new int[doc.lines().size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = i + 1;
        }
        return new LineMap(m);
    }

    /**
     * @param current a line number of the current document, or 0
     * @return the original line, or 0 for a new line
     */
    int original(int current) {
        return current < 1 || current > original.length ? 0 : original[current - 1];
    }

    /**
     * @param before the current document
     * @param after  the document a step made from it
     * @return the map for {@code after}
     */
    LineMap next(TabDocument before, TabDocument after) {
        if (before.equals(after)) {
            return this;
        }
        Optional<Alignment> known = Alignment.of(before, after);
        if (known.isPresent()) {
            int[] m = new int[after.lines().size()];
            for (int i = 0; i < m.length; i++) {
                int was = known.get().earlier(i + 1);
                m[i] = was == 0 ? 0 : original(was);
            }
            return new LineMap(m);
        }
        List<String> a = texts(before);
        List<String> b = texts(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        int[] m = new int[b.size()];
        int ai = 0;
        int bi = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            while (ai < d.getSource().getPosition()) {
                m[bi++] = original(++ai);
            }
            int n = d.getTarget().size();
            for (int k = 0; k < n; k++) {
                // A changed line keeps the number of the line it replaced, position by position.
                m[bi + k] = k < d.getSource().size() ? original(d.getSource().getPosition() + k + 1) : 0;
            }
            bi += n;
            ai += d.getSource().size();
        }
        while (bi < b.size()) {
            m[bi++] = original(++ai);
        }
        return new LineMap(m);
    }

    private static List<String> texts(TabDocument doc) {
        List<String> out = new ArrayList<>(doc.lines().size());
        for (TabLine l : doc.lines()) {
            out.add(l.raw() + l.ending().text());
        }
        return out;
    }
}
