package org.xmailkit.audit.rules.cfg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Entry;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Text;

/**
 * CFG-019: a domain or address setting that is not a valid domain name or {@code user@domain} address: RootDomain,
 * POP3Domain, HeloDomain, SmtpServerDomain; PostMaster, ErrorsAdmin, TempErrorsAdmin, Pop3SyncErrorAccount. XMail
 * does not check them when reading server.tab; the SMTP peers and XMail's own address checks do.
 */
public final class InvalidSyntax implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-019",
            Severity.MEDIUM,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(
                    References.RFC5321_SYNTAX,
                    Reference.of("RFC 1123", "2.1"),
                    Reference.of("RFC 5322", "3.4.1"),
                    Reference.of(References.SOURCE, "USmlValidAddress (dot-atom check)")),
            List.of());

    /** Domain settings, in XMailCFG page order. */
    static final List<String> DOMAINS = List.of("RootDomain", "POP3Domain", "HeloDomain", "SmtpServerDomain");
    /** Address settings, in XMailCFG page order. */
    static final List<String> ADDRESSES =
            List.of("PostMaster", "ErrorsAdmin", "TempErrorsAdmin", "Pop3SyncErrorAccount");
    /** Settings where {@code ""} is a documented value (XMail treats it as "none" or "not set"). */
    static final Set<String> EMPTY_ALLOWED =
            Set.of("POP3Domain", "HeloDomain", "ErrorsAdmin", "TempErrorsAdmin", "Pop3SyncErrorAccount");

    private static final Pattern ATEXT = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+");
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("\\[[0-9A-Fa-f:.]+\\]|\\[IPv6:[0-9A-Fa-f:.]+\\]");

    /** Why a domain is invalid: a message key suffix and its value. */
    record Flaw(String key, String value) {}

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        ServerTab tab = ctx.tab();
        List<Finding> out = new ArrayList<>();
        for (String name : DOMAINS) {
            tab.entry(name).ifPresent(e -> {
                String v = e.value();
                if (v.isEmpty()) {
                    if (!EMPTY_ALLOWED.contains(name)) {
                        out.add(at(ctx, e, INFO.message("emptyDomain", name)));
                    }
                    return;
                }
                boolean literalOk =
                        name.equals("HeloDomain") && ADDRESS_LITERAL.matcher(v).matches();
                if (!literalOk) {
                    domainFlaw(v)
                            .ifPresent(f -> out.add(at(
                                    ctx,
                                    e,
                                    INFO.message(
                                            "domain." + f.key(),
                                            name,
                                            Evidence.show(tab, v),
                                            Evidence.show(tab, f.value())))));
                }
            });
        }
        for (String name : ADDRESSES) {
            tab.entry(name).ifPresent(e -> {
                String v = e.value();
                if (v.isEmpty()) {
                    if (!EMPTY_ALLOWED.contains(name)) {
                        out.add(at(ctx, e, INFO.message("emptyAddress", name)));
                    }
                    return;
                }
                int at = v.lastIndexOf('@');
                if (at <= 0 || at == v.length() - 1) {
                    out.add(at(ctx, e, INFO.message("address.noAt", name, Evidence.show(tab, v))));
                    return;
                }
                String local = v.substring(0, at);
                String domain = v.substring(at + 1);
                if (!dotAtom(local)) {
                    out.add(at(ctx, e, INFO.message("address.local", name, Evidence.show(tab, v))));
                } else if (!ADDRESS_LITERAL.matcher(domain).matches()) {
                    domainFlaw(domain)
                            .ifPresent(f -> out.add(at(
                                    ctx,
                                    e,
                                    INFO.message(
                                            "address.domain",
                                            name,
                                            Evidence.show(tab, v),
                                            Evidence.show(tab, domain)))));
                }
            });
        }
        return out;
    }

    /**
     * Checks a host name against RFC 1123 / RFC 5321: LDH labels of 1-63 bytes, no hyphen at either end, at most
     * 253 bytes, no trailing dot (SMTP's Domain syntax has none).
     *
     * @param d a domain as written
     * @return what is wrong with it, if anything
     */
    static Optional<Flaw> domainFlaw(String d) {
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (!(c == '.' || c == '-' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                int end = i + 1;
                while (end < d.length() && d.charAt(end) >= 0x80) {
                    end++; // show a whole multi-byte character, not its first byte
                }
                return Optional.of(new Flaw("char", d.substring(i, end)));
            }
        }
        if (d.endsWith(".") && d.length() > 1) {
            return Optional.of(new Flaw("trailingDot", d));
        }
        if (d.length() > 253) {
            return Optional.of(new Flaw("length", Integer.toString(d.length())));
        }
        // Only letters, digits, '-' and '.' are left: a label is fine unless empty, too long or edged with '-'.
        for (int start = 0; start <= d.length(); ) {
            int dot = d.indexOf('.', start);
            int end = dot < 0 ? d.length() : dot;
            int n = end - start;
            if (n == 0 || n > 63 || d.charAt(start) == '-' || d.charAt(end - 1) == '-') {
                return Optional.of(new Flaw("label", d.substring(start, end)));
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    /** The dot-atom XMail requires for local parts: atoms of atext joined by single dots. */
    static boolean dotAtom(String local) {
        for (String atom : local.split("\\.", -1)) {
            if (!ATEXT.matcher(atom).matches()) {
                return false;
            }
        }
        return true;
    }

    private static Finding at(AuditContext ctx, Entry e, Text message) {
        return TabFindings.at(INFO, ctx, e, e.valueToken().column(), message);
    }
}
