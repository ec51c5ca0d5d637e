package org.xmailkit.migrate.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xmailkit.migrate.FixSelection;
import org.xmailkit.migrate.MigrateMessages;
import org.xmailkit.migrate.MigrationStep;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.Remedy;
import org.xmailkit.migrate.ServerFiles;
import org.xmailkit.migrate.StepContext;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.EditException;
import org.xmailkit.model.Entry;
import org.xmailkit.model.Localized;
import org.xmailkit.model.Reference;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Text;
import org.xmailkit.model.Token;

/**
 * {@code --fix}: asks the audit for the remedies of the configuration as the other steps left it (the rules' own
 * remediation lines, {@link Remedy}) and writes those of the rules the user selected. Only server.tab lines of the
 * form {@code "Name"<TAB>"Value"} are applied; any other remediation is reported for the administrator. Waived
 * findings have no remedy. Nothing happens unless {@code --fix} is given.
 */
public final class FixStep implements MigrationStep {

    /** The step id. */
    public static final String ID = "fix";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 1300; // after every upgrade step: the audit remedies the migrated configuration
    }

    @Override
    public List<Reference> facts() {
        return List.of(Reference.of("audit rule catalogue", "remediation lines of fixable rules"));
    }

    /** A remediation line read as a server.tab setting. */
    record Setting(String name, String value) {}

    /**
     * @param line a remediation line; {@code <TAB>} written out is accepted for a TAB
     * @return the setting, if the line is exactly one {@code name<TAB>value} pair
     */
    static Optional<Setting> parse(String line) {
        String text = line.replace("<TAB>", "\t");
        if (text.isEmpty() || text.charAt(0) == '#' || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return Optional.empty();
        }
        List<String> tokens = new ArrayList<>();
        for (String t : text.split("\t")) {
            if (!t.isEmpty()) {
                tokens.add(Token.read(t, 1).value());
            }
        }
        if (tokens.size() != 2 || tokens.get(0).isEmpty() || tokens.get(0).indexOf(' ') >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Setting(tokens.get(0), tokens.get(1)));
    }

    @Override
    public StepResult apply(ServerFiles files, StepContext ctx) {
        Work w = new Work(files, ID, reason());
        FixSelection selection = ctx.options().fix();
        if (!selection.any()) {
            return w.result();
        }
        Map<String, Setting> planned = new LinkedHashMap<>();
        Map<String, Remedy> by = new LinkedHashMap<>();
        for (Remedy r : ctx.remedies().apply(files)) {
            if (!selection.selects(r)) {
                continue;
            }
            for (String line : r.lines()) {
                Optional<Setting> s = parse(line);
                if (s.isEmpty() || w.input().catalog().find(s.get().name()).isEmpty()) {
                    w.note(
                            Note.Level.DECIDE,
                            r.line(),
                            r.variable(),
                            MigrateMessages.text("note.fix.manual", r.ruleId(), line.replace("\t", "<TAB>")));
                    continue;
                }
                Setting prior = planned.get(s.get().name());
                if (prior == null) {
                    planned.put(s.get().name(), s.get());
                    by.put(s.get().name(), r);
                } else if (!prior.value().equals(s.get().value())) {
                    w.note(
                            Note.Level.CONFLICT,
                            0,
                            s.get().name(),
                            MigrateMessages.text(
                                    "note.fix.conflict",
                                    s.get().name(),
                                    by.get(s.get().name()).ruleId(),
                                    r.ruleId()));
                }
            }
        }
        for (Setting s : planned.values()) {
            Remedy rule = by.get(s.name());
            ServerTab tab = w.tab();
            Text why = MigrateMessages.text("change.fix", rule.ruleId(), rule.title());
            try {
                String bytes = tab.encode(s.name(), s.value());
                Optional<Entry> current = tab.entry(s.name());
                if (current.isPresent() && current.get().value().equals(bytes)) {
                    continue;
                }
                w.tab(tab.setRaw(s.name(), bytes));
                if (current.isPresent()) {
                    Entry e = current.get();
                    // Earlier fixes only edit lines in place or append, so the line still names the input's line.
                    w.set(e, bytes, why);
                } else {
                    w.add(s.name(), bytes, why);
                }
            } catch (EditException e) {
                w.note(Note.Level.DECIDE, 0, s.name(), MigrateMessages.text("note.unwritable", s.name(), (Localized)
                        e::message));
            }
        }
        return w.result();
    }
}
