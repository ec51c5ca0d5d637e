package org.xmailkit.migrate.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xmailkit.migrate.MigrateMessages;
import org.xmailkit.migrate.MigrationStep;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.ServerFiles;
import org.xmailkit.migrate.StepContext;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.EditException;
import org.xmailkit.model.Entry;
import org.xmailkit.model.Localized;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Text;
import org.xmailkit.model.syntax.OptionList;

/**
 * XMailCFG shows the two parts of {@code SmtpGwConfig} as {@code SmtpGwConfig-NeedTLS} and
 * {@code SmtpGwConfig-OutBind}. XMail reads neither name; this step folds such lines into the one
 * {@code SmtpGwConfig} XMail reads: {@code NeedTLS} only for 1 or 2 (0, "利用しない", is the same as leaving it
 * out), {@code OutBind} only when not empty. Options already in {@code SmtpGwConfig} win.
 */
public final class XMailCfgGwConfigStep implements MigrationStep {

    /** The step id. */
    public static final String ID = "xmailcfg-gwconfig";

    static final String TARGET = "SmtpGwConfig";
    static final String NEED_TLS = "SmtpGwConfig-NeedTLS";
    static final String OUT_BIND = "SmtpGwConfig-OutBind";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 500; // before smtp-tls, which merges into the SmtpGwConfig this step completes
    }

    @Override
    public List<Reference> facts() {
        return List.of(
                References.XMAILCFG_PAGE,
                References.GATEWAY_OPTIONS,
                References.OPTIONS,
                References.readme("SMTP GATEWAY CONFIGURATION"));
    }

    @Override
    public StepResult apply(ServerFiles files, StepContext ctx) {
        Work w = new Work(files, ID, reason());
        ServerTab in = w.input();
        if (!in.has(NEED_TLS) && !in.has(OUT_BIND)) {
            return w.result();
        }
        Map<String, String> parts = new LinkedHashMap<>();
        List<String> folded = new ArrayList<>();
        in.entry(NEED_TLS).ifPresent(e -> {
            String t = e.value().strip();
            if (t.isEmpty() || t.equals("0")) {
                folded.add(NEED_TLS);
            } else if (t.equals("1") || t.equals("2")) {
                folded.add(NEED_TLS);
                parts.put("NeedTLS", t);
            } else {
                // XMailCFG's SSL/TLS接続 radio has three choices (XMail 環境設定 page), taken as 0, 1 and 2; any
                // other value's meaning is unknown: not guessed.
                w.note(
                        Note.Level.DECIDE,
                        e.line(),
                        NEED_TLS,
                        MigrateMessages.text("note.xmailcfg-gwconfig.unknownNeedTls", w.show(e.value())));
            }
        });
        in.entry(OUT_BIND).ifPresent(e -> {
            String t = e.value().strip();
            if (t.isEmpty()) {
                folded.add(OUT_BIND);
            } else if (t.chars().allMatch(c -> c > ' ' && c != ',' && c != '=' && c != ';' && c < 0x7F)) {
                folded.add(OUT_BIND);
                parts.put("OutBind", t);
            } else {
                w.note(
                        Note.Level.DECIDE,
                        e.line(),
                        OUT_BIND,
                        MigrateMessages.text("note.xmailcfg-gwconfig.badOutBind", w.show(e.value())));
            }
        });
        if (folded.isEmpty()) {
            return w.result();
        }
        try {
            Optional<Entry> current = in.entry(TARGET);
            if (current.isPresent()) {
                mergeInto(w, current.get(), parts);
                removeFolded(w, folded, MigrateMessages.text("change.removed.folded", TARGET));
            } else if (parts.isEmpty()) {
                removeFolded(w, folded, MigrateMessages.text("change.removed.nothingToCarry", TARGET));
                w.note(Note.Level.INFO, 0, TARGET, MigrateMessages.text("note.xmailcfg-gwconfig.nothing"));
            } else {
                String value = join(parts);
                Entry first = folded.stream()
                        .map(n -> in.entry(n).orElseThrow())
                        .min((a, b) -> Integer.compare(a.line(), b.line()))
                        .orElseThrow();
                w.renameLive(first.name(), TARGET, value);
                List<String> rest = new ArrayList<>(folded);
                rest.remove(first.name());
                removeFolded(w, rest, MigrateMessages.text("change.removed.folded", TARGET));
                w.note(
                        Note.Level.BEHAVIOUR,
                        first.line(),
                        TARGET,
                        MigrateMessages.text(
                                "2".equals(parts.get("NeedTLS"))
                                        ? "note.xmailcfg-gwconfig.nowRead.required"
                                        : "note.xmailcfg-gwconfig.nowRead",
                                value));
            }
        } catch (EditException e) {
            return failed(files, e, in);
        }
        return w.result();
    }

    private static StepResult failed(ServerFiles files, EditException e, ServerTab in) {
        Work w = new Work(files, ID, MigrateMessages.text("step." + ID + ".reason"));
        w.note(
                Note.Level.DECIDE,
                in.entry(TARGET).map(Entry::line).orElse(0),
                TARGET,
                MigrateMessages.text("note.unwritable", TARGET, (Localized) e::message));
        return w.result();
    }

    private static void mergeInto(Work w, Entry current, Map<String, String> parts) {
        String value = current.value();
        OptionList options = OptionList.parse(value);
        for (Map.Entry<String, String> p : parts.entrySet()) {
            Optional<OptionList.Option> existing = options.get(p.getKey());
            if (existing.isPresent()) {
                if (!p.getValue().equals(existing.get().value())) {
                    w.note(
                            Note.Level.CONFLICT,
                            current.line(),
                            TARGET,
                            MigrateMessages.text(
                                    "note.xmailcfg-gwconfig.conflict",
                                    p.getKey(),
                                    w.show(p.getValue()),
                                    w.show(String.valueOf(existing.get().value()))));
                }
            } else {
                value = value.isEmpty()
                        ? p.getKey() + "=" + p.getValue()
                        : value + "," + p.getKey() + "=" + p.getValue();
            }
        }
        if (!value.equals(current.value())) {
            w.tab(w.tab().setRaw(TARGET, value));
            w.set(current, value, w.reason());
            w.note(
                    Note.Level.BEHAVIOUR,
                    current.line(),
                    TARGET,
                    MigrateMessages.text("note.xmailcfg-gwconfig.nowRead", w.show(value)));
        }
    }

    private static void removeFolded(Work w, List<String> names, Text why) {
        names.forEach(n -> w.removeAll(n, why));
    }

    private static String join(Map<String, String> parts) {
        List<String> out = new ArrayList<>();
        parts.forEach((k, v) -> out.add(k + "=" + v));
        return String.join(",", out);
    }
}
