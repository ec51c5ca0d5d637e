package org.xmailkit.migrate.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xmailkit.migrate.DefaultsPolicy;
import org.xmailkit.migrate.MigrateMessages;
import org.xmailkit.migrate.MigrationStep;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.ServerFiles;
import org.xmailkit.migrate.StepContext;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.version.SourceVersion;

/**
 * Variables whose behaviour when absent differs between the source version and 1.27. With
 * {@code --defaults preserve} the old effective value is written explicitly (a plain line at the end of the file);
 * with {@code adopt} nothing is written and the behaviour change is reported.
 * <ul>
 * <li>{@code DefaultSmtpPerms}: {@code MR} up to 1.26, {@code MRVZ} from 1.27pre01 (found only in the code).</li>
 * <li>{@code EnableSMTP-TLS}, {@code EnablePOP3-TLS}, {@code EnableCTRL-TLS}: before 1.24 there was no TLS; from
 * 1.24 they default to on.</li>
 * <li>{@code DisableEmitAuthUser}: the {@code X-AuthUser:} header arrived in 1.4 and is emitted by default since;
 * before 1.4 there was none.</li>
 * </ul>
 * The old value is written only when the source certainly predates the change: when the range holds versions on
 * both sides there is no single old value to keep (writing {@code MR} on a 1.27 server would take permissions
 * away, writing TLS 0 on a 1.24 server would switch TLS off), so nothing is written and the choice is reported.
 * Variables whose behaviour before they existed is not recorded (EnableAuthSMTP-POP3 before 0.71, AllowSmtpVRFY
 * before 0.68, AllowSmtpETRN and MaxMTAOps before 0.71) are left alone: nothing is known to preserve.
 */
public final class ChangedDefaultsStep implements MigrationStep {

    /** The step id. */
    public static final String ID = "changed-defaults";

    /** One changed default: the value an absent variable meant before the version it changed in. */
    record Changed(String name, String old, XMailVersion changedIn, String key) {}

    static final List<Changed> CHANGED = List.of(
            new Changed("DefaultSmtpPerms", "MR", XMailVersion.parse("1.27pre01"), "perms"),
            new Changed("EnableSMTP-TLS", "0", XMailVersion.parse("1.24"), "tls"),
            new Changed("EnablePOP3-TLS", "0", XMailVersion.parse("1.24"), "tls"),
            new Changed("EnableCTRL-TLS", "0", XMailVersion.parse("1.24"), "tls"),
            new Changed("DisableEmitAuthUser", "1", XMailVersion.parse("1.4"), "authuser"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public List<Reference> facts() {
        return List.of(
                References.PERMS_DEFAULT,
                References.readme("server.tab DefaultSmtpPerms"),
                References.changeLog("1.24"),
                References.TLS_DEFAULTS,
                References.source("SMTPSvr.cpp SMTPHandleCmd_STARTTLS"),
                References.source("MailSvr.cpp (SMTPS, POP3S and CTRLS listeners; -X-, -B-, -W-)"),
                References.changeLog("1.4"),
                References.changeLog("1.10"));
    }

    @Override
    public StepResult apply(ServerFiles files, StepContext ctx) {
        Work w = new Work(files, ID, reason());
        ServerTab in = w.input();
        SourceVersion source = ctx.source();
        DefaultsPolicy policy = ctx.options().defaults();
        List<String> lines = new ArrayList<>();
        // One note per group (the three TLS switches share one), naming every variable concerned.
        Map<String, List<Changed>> noted = new LinkedHashMap<>();
        Map<String, String> how = new LinkedHashMap<>();
        for (Changed c : CHANGED) {
            Sources.Side side = Sources.side(source, c.changedIn());
            if (in.has(c.name()) || side == Sources.Side.FROM) {
                continue;
            }
            String state;
            if (side == Sources.Side.EITHER) {
                state = "uncertain";
            } else if (policy == DefaultsPolicy.PRESERVE) {
                state = "preserved";
                lines.add(w.tab().entryLine(c.name(), c.old()));
                w.add(
                        c.name(),
                        c.old(),
                        MigrateMessages.text(
                                "change.changed-defaults." + c.key(),
                                c.name(),
                                c.old(),
                                now(in, c),
                                c.changedIn().toString()));
            } else {
                state = "adopted";
            }
            String group = c.key() + "." + state;
            noted.computeIfAbsent(group, k -> new ArrayList<>()).add(c);
            how.put(group, state);
        }
        for (Map.Entry<String, List<Changed>> e : noted.entrySet()) {
            Changed c = e.getValue().get(0);
            String names =
                    String.join(", ", e.getValue().stream().map(Changed::name).toList());
            Note.Level level =
                    switch (how.get(e.getKey())) {
                        case "uncertain" -> Note.Level.DECIDE;
                        case "adopted" -> Note.Level.BEHAVIOUR;
                        default -> Note.Level.INFO;
                    };
            w.note(
                    level,
                    0,
                    e.getValue().size() == 1 ? c.name() : "",
                    MigrateMessages.text(
                            "note.changed-defaults." + e.getKey(), names, c.old(), now(in, c), source.display()));
        }
        if (!lines.isEmpty()) {
            w.tab(w.tab().appendRaw(lines));
        }
        return w.result();
    }

    private static String now(ServerTab tab, Changed c) {
        return tab.catalog().get(c.name()).defaultValue();
    }
}
