package org.xmailkit.migrate;

import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeleteDelta;
import com.github.difflib.patch.InsertDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xmailkit.model.TabDocument;

/**
 * Which line of one document each line of another stands for, known from the edits that made it
 * ({@link TabDocument#sourceLine}) rather than found by comparing texts. A text diff costs time in proportion to the
 * lines times the changes (minutes for a file with a hundred thousand changed lines); this costs one pass.
 */
final class Alignment {

    /** For each line of the later document (0-based), the line of the earlier one it stands for, or 0. */
    private final int[] earlier;

    private final int earlierSize;

    private Alignment(int[] earlier, int earlierSize) {
        this.earlier = earlier;
        this.earlierSize = earlierSize;
    }

    /**
     * @param before a document
     * @param after  a document edited from it (or from the same parsed document)
     * @return the alignment, or empty when the two do not share their parsed document or their lines are not in
     *         the same order (then only a text diff can relate them)
     */
    static Optional<Alignment> of(TabDocument before, TabDocument after) {
        if (!before.sameSource(after)) {
            return Optional.empty();
        }
        int b = before.lines().size();
        int max = 0;
        for (int j = 1; j <= b; j++) {
            max = Math.max(max, before.sourceLine(j));
        }
        int[] at = new int[max + 1];
        for (int j = 1; j <= b; j++) {
            int s = before.sourceLine(j);
            if (s > 0) {
                at[s] = j;
            }
        }
        int[] m = new int[after.lines().size()];
        int last = 0;
        for (int i = 0; i < m.length; i++) {
            int s = after.sourceLine(i + 1);
            m[i] = s > 0 && s <= max ? at[s] : 0;
            if (m[i] != 0) {
                if (m[i] <= last) {
                    return Optional.empty(); // reordered: no edit does this, but never guess
                }
                last = m[i];
            }
        }
        return Optional.of(new Alignment(m, b));
    }

    /**
     * @param after 1-based line of the later document
     * @return the line of the earlier document it stands for (replaced or not), or 0 for a line written anew
     */
    int earlier(int after) {
        return after < 1 || after > earlier.length ? 0 : earlier[after - 1];
    }

    /**
     * The changes as a patch over the two documents' display texts: a line that stands for an earlier line with
     * the same text is unchanged; runs of removed, written and replaced lines become one delta each.
     *
     * @param a the earlier document's lines as shown
     * @param b the later document's lines as shown
     * @return the patch
     */
    Patch<String> patch(List<String> a, List<String> b) {
        Patch<String> patch = new Patch<>();
        int ai = 0; // 0-based next line of a
        int bi = 0;
        while (ai < earlierSize || bi < earlier.length) {
            if (bi < earlier.length && earlier[bi] == ai + 1 && a.get(ai).equals(b.get(bi))) {
                ai++;
                bi++;
                continue;
            }
            int aStart = ai;
            int bStart = bi;
            while (ai < earlierSize || bi < earlier.length) {
                int next = bi < earlier.length ? earlier[bi] : Integer.MAX_VALUE;
                if (bi < earlier.length && next == 0) {
                    bi++; // written anew
                } else if (ai < earlierSize && next > ai + 1) {
                    ai++; // removed
                } else if (next == ai + 1 && !a.get(ai).equals(b.get(bi))) {
                    ai++; // replaced
                    bi++;
                } else {
                    break; // the same line again
                }
            }
            patch.addDelta(delta(
                    new Chunk<>(aStart, new ArrayList<>(a.subList(aStart, ai))),
                    new Chunk<>(bStart, new ArrayList<>(b.subList(bStart, bi)))));
        }
        return patch;
    }

    private static AbstractDelta<String> delta(Chunk<String> source, Chunk<String> target) {
        if (target.size() == 0) {
            return new DeleteDelta<>(source, target);
        }
        if (source.size() == 0) {
            return new InsertDelta<>(source, target);
        }
        return new ChangeDelta<>(source, target);
    }
}
