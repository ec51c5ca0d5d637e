package org.xmailkit.audit;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xmailkit.model.Entry;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabDocument;
import org.xmailkit.model.TabLine;
import org.xmailkit.model.TabRecord;
import org.xmailkit.model.Text;

/**
 * Applies waivers to one server's findings: inline {@code # xmailkit:ignore RULE [expires=DATE] reason} comment
 * lines right above the flagged line of a {@code .tab} file, then the waiver file. An inline waiver counts only on a
 * line XMail skips as a whole: never in ctrlaccounts.tab, whose reader has no comments (the line would be an
 * account), nor on a line so long that XMail reads its tail as data.
 */
final class InlineWaivers {

    /** The marker; {@code #} must be the line's first byte, as XMail's comment rule requires. */
    static final Pattern MARK = Pattern.compile("#[ \t]*xmailkit:ignore(?:[ \t]+(.*))?");

    private final MailRoot root;
    private final Set<String> rules;
    private final Waivers fileWaivers;
    private final LocalDate today;
    private final Map<String, Notice> notices = new LinkedHashMap<>();
    private final Map<Path, Optional<Doc>> documents = new HashMap<>();

    InlineWaivers(MailRoot root, Set<String> rules, Waivers fileWaivers, LocalDate today) {
        this.root = root;
        this.rules = rules;
        this.fileWaivers = fileWaivers;
        this.today = today;
    }

    /** @return the notices collected so far, in the order met */
    List<Notice> notices() {
        return List.copyOf(notices.values());
    }

    /**
     * @param f a finding
     * @return it, with the suppression that applies, if any
     */
    Finding apply(Finding f) {
        Optional<Suppression> file = fileWaivers.find(f, today).map(w -> w.suppression(today));
        Optional<Suppression> chosen = choose(f.rule().id(), f.location(), file);
        return chosen.isPresent() ? f.withSuppression(chosen.get()) : f;
    }

    /**
     * @param f a probe finding
     * @return it, with the suppression that applies, if any: inline above the line it names, else the waiver file
     */
    NetFinding apply(NetFinding f) {
        Optional<Suppression> file =
                fileWaivers.find(f, Optional.of(root.directory()), today).map(w -> w.suppression(today));
        Optional<Suppression> chosen =
                f.cause().isPresent() ? choose(f.rule().id(), f.cause().get(), file) : file;
        return chosen.map(f::withSuppression).orElse(f);
    }

    /** An active inline waiver first, then an active file waiver, then an expired one (which counts again). */
    private Optional<Suppression> choose(String rule, Location at, Optional<Suppression> file) {
        List<Suppression> inline = inline(rule, at);
        for (Suppression s : inline) {
            if (s.active()) {
                return Optional.of(s);
            }
        }
        if (file.isPresent() && file.get().active()) {
            return file;
        }
        return inline.isEmpty() ? file : Optional.of(inline.get(0));
    }

    private List<Suppression> inline(String ruleId, Location location) {
        int line = location.line();
        if (line <= 1) {
            return List.of();
        }
        Optional<Doc> doc = document(location.file());
        if (doc.isEmpty()) {
            return List.of();
        }
        TabDocument d = doc.get().document();
        List<Suppression> out = new ArrayList<>();
        for (int k = Math.min(line, d.lines().size() + 1) - 1; k >= 1; k--) {
            TabLine tl = d.line(k);
            if (tl.raw().indexOf('#') < 0) {
                break; // no encoding XMail reads makes a '#' of anything but its own byte: most lines stop here
            }
            String text = Entry.decode(stripEnd(tl.raw()), doc.get().charset());
            Matcher m = MARK.matcher(text);
            if (!m.matches()) {
                break;
            }
            Location at = Location.line(location.file(), k, "");
            if (!skippedByXMail(tl, d)) {
                notice(at, AuditMessages.text("inline.notComment", doc.get().name()));
                break;
            }
            String body = m.group(1) == null ? "" : m.group(1).strip();
            int blank = firstBlank(body);
            String rule = body.substring(0, blank);
            if (rule.isEmpty()) {
                notice(at, AuditMessages.text("waiver.error.badRule", ""));
                continue;
            }
            try {
                Waivers.Body b = Waivers.body(
                        rule, body.substring(blank), rules, doc.get().name(), k);
                if (b.rule().equals(ruleId)) {
                    out.add(new Suppression(
                            Suppression.Kind.INLINE,
                            b.reason(),
                            Optional.ofNullable(b.expires()),
                            b.expires() != null && today.isAfter(b.expires()),
                            doc.get().name() + ":" + k));
                }
            } catch (WaiverException e) {
                notice(at, e.text());
            }
        }
        return out;
    }

    private void notice(Location at, Text text) {
        notices.putIfAbsent(at.file() + ":" + at.line() + ":" + text.key(), new Notice(at, text));
    }

    /** A line XMail skips entirely: each of its reads (a long line is read in pieces) is a comment or blank. */
    private static boolean skippedByXMail(TabLine line, TabDocument d) {
        return line.reads(d.format()).stream().noneMatch(r -> r.kind() == TabRecord.Kind.DATA);
    }

    private record Doc(TabDocument document, Charset charset, String name) {}

    private Optional<Doc> document(Path file) {
        // Asked for every finding: each file is looked for once.
        Optional<Doc> known = documents.get(file);
        if (known == null) {
            known = find(file);
            documents.put(file, known);
        }
        return known;
    }

    private Optional<Doc> find(Path file) {
        if (same(file, root.serverTabPath())) {
            return Optional.of(new Doc(
                    root.serverTab().document(),
                    root.serverTab().charset(),
                    String.valueOf(root.serverTabPath().getFileName())));
        }
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        return MailRootFile.byFileName(name.toString())
                .filter(k -> k != MailRootFile.SERVER_TAB)
                .flatMap(root::file)
                .filter(tf -> same(tf.path(), file))
                .map(tf -> new Doc(tf.document(), tf.charset(), name.toString()));
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static String stripEnd(String raw) {
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == '\r' || raw.charAt(end - 1) == ' ' || raw.charAt(end - 1) == '\t')) {
            end--;
        }
        return raw.substring(0, end);
    }

    private static int firstBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return s.length();
    }
}
