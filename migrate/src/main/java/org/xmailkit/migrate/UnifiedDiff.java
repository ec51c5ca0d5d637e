package org.xmailkit.migrate;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.xmailkit.model.Entry;
import org.xmailkit.model.LineEnding;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.Printable;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.TabDocument;
import org.xmailkit.model.TabLine;

/**
 * A unified diff of two versions of a .tab file, for people: lines are decoded in the file's detected encoding
 * and control characters escaped ({@link Printable}); secrets are masked on every line, context lines included
 * ({@link Secrets#line}); a missing final newline is marked as {@code diff} does. The bytes written are never
 * derived from this text.
 */
public final class UnifiedDiff {

    private static final String NO_EOL = "\u0000no-eol";
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /**
     * @param kind     the file
     * @param oldLabel the label of the old version
     * @param newLabel the label of the new version
     * @param before   the old document
     * @param after    the new document
     * @param charset  the file's encoding (display only)
     * @return the diff lines, empty when the documents are equal
     */
    public static List<String> of(
            MailRootFile kind,
            String oldLabel,
            String newLabel,
            TabDocument before,
            TabDocument after,
            Charset charset) {
        if (before.equals(after)) {
            return List.of();
        }
        List<String> a = display(kind, before, charset);
        List<String> b = display(kind, after, charset);
        // The edits say which line stands for which; a text diff is the fallback for documents made otherwise.
        Patch<String> patch =
                Alignment.of(before, after).map(x -> x.patch(a, b)).orElseGet(() -> DiffUtils.diff(a, b));
        List<String> out = new ArrayList<>();
        for (String line : UnifiedDiffUtils.generateUnifiedDiff(oldLabel, newLabel, a, patch, CONTEXT)) {
            if (line.endsWith(NO_EOL)) {
                out.add(line.substring(0, line.length() - NO_EOL.length()));
                out.add("\\ No newline at end of file");
            } else {
                out.add(line);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> display(MailRootFile kind, TabDocument doc, Charset charset) {
        List<String> out = new ArrayList<>(doc.lines().size());
        for (TabLine line : doc.lines()) {
            String text = Printable.of(Secrets.forms(Entry.decode(Secrets.maskedRaw(line, kind), charset)));
            out.add(line.ending() == LineEnding.NONE ? text + NO_EOL : text);
        }
        return out;
    }
}
