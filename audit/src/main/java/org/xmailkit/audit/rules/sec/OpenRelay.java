package org.xmailkit.audit.rules.sec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.net.AddressFilter;
import org.xmailkit.audit.net.IpMap;
import org.xmailkit.audit.net.Probes;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.References;
import org.xmailkit.model.fs.SafeReader;

/** SEC-001: smtprelay.tab or a custdomains file lets every client relay. See {@link #INFO}. */
public final class OpenRelay implements Rule {

    private static final Pattern ZEROS = Pattern.compile("0+");
    private static final Pattern ZERO_MASK = Pattern.compile("0+\\.0+\\.0+\\.0+");
    private static final Pattern TLD_TAB = Pattern.compile("\\.[^.]+\\.tab");

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-001",
            Severity.CRITICAL,
            Category.RELAY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("SMTPUtils.cpp USmtpIsAllowedRelay"),
                    References.source("MiscUtils.cpp MscLoadAddressFilter"),
                    References.source("SMTPSvr.cpp SMTPCheckRelayCapability"),
                    References.source("SMAILUtils.cpp USmlGetDomainCustomFile"),
                    References.rfc(2505, "2.1"),
                    References.rfc(5321, "7.9")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        String suffix = reachableFromInternet(ctx) ? "" : ".limited";
        for (RelayEntries.Entry e : RelayEntries.of(ctx)) {
            Optional<AddressFilter> f = e.filter();
            if (f.isEmpty()) {
                continue;
            }
            String key;
            if (f.get().matchesEveryIpv4()) {
                key = malformed(e) ? "malformed" : "everyone";
            } else if (f.get().matchesEveryIpv6()) {
                key = "everyoneIpv6";
            } else {
                continue;
            }
            out.add(Finding.of(
                    INFO,
                    Sec.at(e.file(), e.row().line()),
                    INFO.message(
                            key + suffix, e.row().line(), e.written(), f.get().display()),
                    Evidence.line(e.file(), e.row().line())));
        }
        customDomains(ctx, out);
        return out;
    }

    /** A mask XMail reads as 0 bits although it does not say 0: missing, junk or negative bits, a short mask. */
    private static boolean malformed(RelayEntries.Entry e) {
        String first = e.row().column(0);
        int slash = first.indexOf('/');
        if (slash >= 0) {
            return !ZEROS.matcher(first.substring(slash + 1)).matches();
        }
        return !ZERO_MASK.matcher(e.row().column(1)).matches();
    }

    /**
     * Whether Internet clients get as far as the relay check: smtp.ipmap.tab admits them, or
     * SMTP-IpMapDropCode is 0 (which blocks nothing in 1.27) or negative (which only delays).
     */
    private static boolean reachableFromInternet(AuditContext ctx) {
        IpMap map = IpMap.of(ctx, MailRootFile.SMTP_IPMAP);
        long drop = ctx.tab().effective("SMTP-IpMapDropCode").number().orElse(1);
        return drop <= 0 || Probes.admitsInternet(map);
    }

    /** custdomains/.tab matches every destination; custdomains/.tld.tab every destination under a top-level domain. */
    private static void customDomains(AuditContext ctx, List<Finding> out) {
        Optional<Path> dir = ctx.root().path("custdomains").filter(d -> switch (ctx.root()
                .kind(d)) {
            case FILE, SPECIAL -> false;
            default -> true;
        });
        if (dir.isEmpty()) {
            return;
        }
        List<Path> files;
        try {
            // Only the names count: .tab and .tld.tab. Nothing is opened; a refused directory is a read error.
            files = ctx.root().list(dir.get(), "*.tab", SafeReader.MAX_ENTRIES).stream()
                    .filter(p -> ctx.root().kind(p) == SafeReader.Kind.FILE)
                    .toList();
        } catch (InputException ex) {
            return;
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            if (name.equals(".tab")) {
                out.add(Finding.of(INFO, Location.file(p), INFO.message("customAll", Sec.relative(ctx, p))));
            } else if (TLD_TAB.matcher(name).matches()) {
                String tld = name.substring(1, name.length() - 4);
                out.add(Finding.of(
                        INFO, Location.file(p), INFO.message("customTld", Sec.relative(ctx, p), Evidence.text(tld))));
            }
        }
    }
}
