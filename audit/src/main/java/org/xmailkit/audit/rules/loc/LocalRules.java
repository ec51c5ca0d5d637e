package org.xmailkit.audit.rules.loc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.rules.cfg.TabFindings;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.Text;
import org.xmailkit.model.Values;

/** What the LOC rules share: the localized build's settings and how their values are taken. */
final class LocalRules {

    /** The localized build's settings, in XMailCFG page order. */
    static final List<String> NAMES = List.of("SMTPLocalRule1", "SMTPLocalRule2");

    /** XMail 1.27's address check, which the switches relax. */
    static final Reference ADDRESS_CHECK = References.ADDRESS_CHECK;

    private LocalRules() {}

    /**
     * @param ctx     the audit
     * @param info    the rule
     * @param value   which values to report
     * @param message the message for a switch (its name, its value as written)
     * @return a finding at the value of each switch that is written with a value the test accepts, in page order
     */
    static List<Finding> atValues(
            AuditContext ctx, RuleInfo info, Predicate<String> value, BiFunction<String, String, Text> message) {
        List<Finding> out = new ArrayList<>();
        for (String name : NAMES) {
            ctx.tab()
                    .entry(name)
                    .filter(e -> value.test(e.value()))
                    .ifPresent(e -> out.add(
                            TabFindings.at(info, ctx, e, e.valueToken().column(), message.apply(name, e.value()))));
        }
        return out;
    }

    /**
     * Whether a value turns the switch on. The localized build's parsing is not documented; XMailCFG writes 0 or 1
     * for 無効/有効, and XMail reads every other switch with atoi != 0, so that reading is assumed here.
     *
     * @param value the value as written
     * @return whether it is taken as on
     */
    static boolean on(String value) {
        return Values.atoi(value).orElse(0) != 0;
    }

    /**
     * @param value the value as written
     * @return whether it is exactly {@code 0} or {@code 1}, the values XMailCFG writes
     */
    static boolean valid(String value) {
        return value.equals("0") || value.equals("1");
    }
}
