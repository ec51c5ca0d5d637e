package org.xmailkit.audit.net;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.AuditRun;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.Values;

/**
 * An XMail access map ({@code smtp.ipmap.tab}, {@code pop3.ipmap.tab}, {@code ctrl.ipmap.tab},
 * {@code finger.ipmap.tab}) evaluated as {@code MscCheckAllowedIP} does (MiscUtils.cpp): start with
 * "allow" and precedence -1; every matching line of four or more columns whose {@code atoi} precedence is at least
 * the current one replaces the decision, so the highest precedence wins and a later line wins a tie; the decision is
 * "allow" only when column 3 is {@code ALLOW} (any case). A missing file allows everyone.
 */
public final class IpMap {

    /**
     * One line XMail reads as a rule.
     *
     * @param row        the line
     * @param filter     the address rule, or empty when the address is a host name (resolved at check time, so its
     *                   matches cannot be known offline)
     * @param allow      whether column 3 is {@code ALLOW} (case-insensitive); anything else denies
     * @param precedence {@code atoi} of column 4
     */
    public record Rule(TabFile.Row row, Optional<AddressFilter> filter, boolean allow, long precedence) {
        public Rule {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(filter, "filter");
        }

        /** @return the 1-based line */
        public int line() {
            return row.line();
        }

        /** @return column 3 as written */
        public String action() {
            return row.column(2);
        }
    }

    /**
     * The outcome for one client address.
     *
     * @param allowed   whether the client may connect
     * @param decidedBy the line that decided, or empty when no line matched (allowed by default)
     */
    public record Decision(boolean allowed, Optional<Rule> decidedBy) {
        public Decision {
            Objects.requireNonNull(decidedBy, "decidedBy");
        }
    }

    private final Optional<TabFile> file;
    private final List<Rule> rules;

    private IpMap(Optional<TabFile> file, List<Rule> rules) {
        this.file = file;
        this.rules = List.copyOf(rules);
    }

    /**
     * @param file the map file, or empty when it does not exist
     * @return the map
     */
    public static IpMap of(Optional<TabFile> file) {
        List<Rule> rules = new ArrayList<>();
        if (file.isPresent()) {
            for (TabFile.Row row : file.get().rows()) {
                if (row.size() < 4) {
                    continue;
                }
                AddressFilter.Reading r = AddressFilter.read(row.columns(), row.size());
                Optional<AddressFilter> filter;
                if (r instanceof AddressFilter.Parsed p) {
                    filter = Optional.of(p.filter());
                } else if (r instanceof AddressFilter.HostName) {
                    filter = Optional.empty();
                } else {
                    // MscLoadAddressFilter fails: the line is not a rule at all.
                    continue;
                }
                rules.add(new Rule(
                        row,
                        filter,
                        isAllow(row.column(2)),
                        Values.atoi(row.column(3)).orElse(0)));
            }
        }
        return new IpMap(file, rules);
    }

    /**
     * @param ctx  an audit
     * @param kind an access map file
     * @return the map of the audited MailRoot, read once per MailRoot: several rules ask about the same map
     */
    public static IpMap of(AuditContext ctx, MailRootFile kind) {
        return ctx.derived(READ.get(kind));
    }

    private static final Map<MailRootFile, AuditRun.Derived<IpMap>> READ = new EnumMap<>(MailRootFile.class);

    static {
        for (MailRootFile k : MailRootFile.values()) {
            READ.put(k, new AuditRun.Derived<>(ctx -> of(ctx.root().file(k))));
        }
    }

    /**
     * @param word column 3
     * @return whether XMail reads it as ALLOW ({@code stricmp}, ASCII case only)
     */
    public static boolean isAllow(String word) {
        return word.length() == 5
                && word.chars().allMatch(c -> c < 0x80)
                && word.toUpperCase(Locale.ROOT).equals("ALLOW");
    }

    /** @return whether the file exists */
    public boolean exists() {
        return file.isPresent();
    }

    /** @return the file, if it exists */
    public Optional<TabFile> file() {
        return file;
    }

    /** @return the lines XMail reads as rules, in file order */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * Evaluates the map for a client. Rules whose address is a host name are treated as not matching.
     *
     * @param peer the client address
     * @return the decision
     */
    public Decision decide(IpAddress peer) {
        Rule by = decider(peer);
        return new Decision(by == null || by.allow(), Optional.ofNullable(by));
    }

    /**
     * @param peer the client address
     * @return whether the client may connect, as {@link #decide} has it
     */
    public boolean allows(IpAddress peer) {
        Rule by = decider(peer);
        return by == null || by.allow();
    }

    /** @return the line that decides for the client, or null when none matches (allowed by default) */
    private Rule decider(IpAddress peer) {
        long precedence = -1;
        Rule by = null;
        for (Rule r : rules) {
            if (r.filter().isPresent() && r.filter().get().matches(peer) && r.precedence() >= precedence) {
                precedence = r.precedence();
                by = r;
            }
        }
        return by;
    }
}
