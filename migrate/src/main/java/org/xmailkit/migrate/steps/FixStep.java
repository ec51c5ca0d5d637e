package org.xmailkit.migrate.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xmailkit.audit.AuditMessages;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Reference;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.migrate.FixSelection;
import org.xmailkit.migrate.MigrationStep;
import org.xmailkit.migrate.MigrationText;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.ServerFiles;
import org.xmailkit.migrate.StepContext;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.EditException;
import org.xmailkit.model.Entry;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Token;

/**
 * {@code --fix}: audits the configuration as the other steps left it and writes the remediation lines of the
 * findings whose rules the user selected and that are marked fixable. Only server.tab lines of the form
 * {@code "Name"<TAB>"Value"} are applied; any other remediation is reported for the administrator. Waived findings
 * are left alone. Nothing happens unless {@code --fix} is given.
 */
public final class FixStep implements MigrationStep {

    /** The step id. */
    public static final String ID = "fix";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Reference> facts() {
        return List.of(Reference.of("audit rule catalogue", "remediation lines of fixable rules"));
    }

    /** A remediation line read as a server.tab setting. */
    record Setting(String name, String value) {
    }

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

    private static MigrationText.Localized title(RuleInfo rule) {
        return locale -> AuditMessages.has(locale, "rule." + rule.id() + ".title") ? rule.title(locale) : rule.id();
    }

    @Override
    public StepResult apply(ServerFiles files, StepContext ctx) {
        Work w = new Work(files, ID, reason());
        FixSelection selection = ctx.options().fix();
        if (!selection.any()) {
            return w.result();
        }
        Map<String, Setting> planned = new LinkedHashMap<>();
        Map<String, RuleInfo> by = new LinkedHashMap<>();
        for (Finding f : ctx.findings().apply(files)) {
            RuleInfo rule = f.rule();
            if (f.suppressed() || !selection.selects(rule)) {
                continue;
            }
            for (String line : rule.remediationLines()) {
                Optional<Setting> s = parse(line);
                if (s.isEmpty() || w.input().catalog().find(s.get().name()).isEmpty()) {
                    w.note(Note.Level.DECIDE, f.location().line(), f.location().variable(),
                            MigrationText.of("note.fix.manual", rule.id(), line.replace("\t", "<TAB>")));
                    continue;
                }
                Setting prior = planned.get(s.get().name());
                if (prior == null) {
                    planned.put(s.get().name(), s.get());
                    by.put(s.get().name(), rule);
                } else if (!prior.value().equals(s.get().value())) {
                    w.note(Note.Level.CONFLICT, 0, s.get().name(), MigrationText.of("note.fix.conflict",
                            s.get().name(), by.get(s.get().name()).id(), rule.id()));
                }
            }
        }
        for (Setting s : planned.values()) {
            RuleInfo rule = by.get(s.name());
            ServerTab tab = w.tab();
            MigrationText why = MigrationText.of("change.fix", rule.id(), title(rule));
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
                w.note(Note.Level.DECIDE, 0, s.name(), MigrationText.of("note.unwritable", s.name(),
                        (MigrationText.Localized) e::message));
            }
        }
        return w.result();
    }
}
