package org.xmailkit.migrate;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xmailkit.model.Entry;
import org.xmailkit.model.LineEnding;
import org.xmailkit.model.TabDocument;
import org.xmailkit.model.TabLine;
import org.xmailkit.model.TabRecord;

/**
 * A unified diff of two versions of a .tab file, for people: lines are decoded in the file's detected encoding
 * and control bytes other than TAB shown as {@code \xNN}; the value of a secret variable is never shown; a missing
 * final newline is marked as {@code diff} does. The bytes written are never derived from this text.
 */
public final class UnifiedDiff {

    /** Shown instead of a secret value. */
    public static final String HIDDEN = "<value not shown>";
    /** Names whose value is a secret (DynDnsSetup holds DynDNS provider credentials). */
    public static final Set<String> SECRET_NAMES = Set.of("DynDnsSetup");

    private static final String NO_EOL = "\u0000no-eol";
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /**
     * @param oldLabel the label of the old version
     * @param newLabel the label of the new version
     * @param before   the old document
     * @param after    the new document
     * @param charset  the file's encoding (display only)
     * @return the diff lines, empty when the documents are equal
     */
    public static List<String> of(String oldLabel, String newLabel, TabDocument before, TabDocument after,
                                  Charset charset) {
        if (before.equals(after)) {
            return List.of();
        }
        List<String> a = display(before, charset);
        List<String> b = display(after, charset);
        // The edits say which line stands for which; a text diff is the fallback for documents made otherwise.
        Patch<String> patch = Alignment.of(before, after).map(x -> x.patch(a, b)).orElseGet(() -> DiffUtils.diff(a, b));
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

    private static List<String> display(TabDocument doc, Charset charset) {
        List<String> out = new ArrayList<>(doc.lines().size());
        for (TabLine line : doc.lines()) {
            String text = secret(line, doc) ? hidden(line, doc, charset) : printable(line.raw(), charset);
            out.add(line.ending() == LineEnding.NONE ? text + NO_EOL : text);
        }
        return out;
    }

    private static boolean secret(TabLine line, TabDocument doc) {
        for (TabRecord r : line.reads(doc.format())) {
            if (r.kind() == TabRecord.Kind.DATA && r.size() >= 1 && SECRET_NAMES.contains(r.value(0))) {
                return true;
            }
        }
        return false;
    }

    private static String hidden(TabLine line, TabDocument doc, Charset charset) {
        TabRecord r = line.reads(doc.format()).get(0);
        String name = r.kind() == TabRecord.Kind.DATA && r.size() >= 1 ? r.tokens().get(0).raw() : "";
        return printable(name, charset) + "\t" + HIDDEN;
    }

    /**
     * @param bytes   bytes as Latin-1 text
     * @param charset their encoding
     * @return them decoded, control bytes other than TAB escaped
     */
    public static String printable(String bytes, Charset charset) {
        String s = Entry.decode(bytes, charset);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
