package org.xmailkit.audit.rules.sec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.AuditRun;
import org.xmailkit.audit.net.AddressFilter;
import org.xmailkit.audit.net.IpAddress;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabFile;

/** The lines of smtprelay.tab as SMTPUtils.cpp USmtpIsAllowedRelay reads them: every token of the line is passed. */
final class RelayEntries {

    /**
     * One line.
     *
     * @param file    smtprelay.tab
     * @param row     the line
     * @param reading how its address rule reads
     */
    record Entry(TabFile file, TabFile.Row row, AddressFilter.Reading reading) {
        Entry {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(reading, "reading");
        }

        Optional<AddressFilter> filter() {
            return reading instanceof AddressFilter.Parsed p ? Optional.of(p.filter()) : Optional.empty();
        }

        /** @return the line's columns as written, for messages */
        String written() {
            return Sec.columns(file, row);
        }
    }

    /**
     * An IPv4 network.
     *
     * @param prefix the network address
     * @param bits   the prefix length
     */
    record Net(IpAddress prefix, int bits) {}

    /** Networks that are not on the public Internet: RFC 1918, loopback, link-local, shared address space. */
    static final List<Net> NON_PUBLIC = List.of(
            new Net(IpAddress.of("10.0.0.0"), 8), new Net(IpAddress.of("172.16.0.0"), 12),
            new Net(IpAddress.of("192.168.0.0"), 16), new Net(IpAddress.of("127.0.0.0"), 8),
            new Net(IpAddress.of("169.254.0.0"), 16), new Net(IpAddress.of("100.64.0.0"), 10));

    /** The RFC 1918 private networks. */
    static final List<Net> PRIVATE = NON_PUBLIC.subList(0, 3);

    /** The loopback network. */
    static final Net LOOPBACK = NON_PUBLIC.get(3);

    private RelayEntries() {}

    /**
     * @param ctx the audit
     * @return the lines of smtprelay.tab in file order (none when it is missing)
     */
    static List<Entry> of(AuditContext ctx) {
        return ctx.derived(READ);
    }

    /** The lines, read once per MailRoot: three rules go through them. */
    private static final AuditRun.Derived<List<Entry>> READ = new AuditRun.Derived<>(RelayEntries::read);

    private static List<Entry> read(AuditContext ctx) {
        Optional<TabFile> f = ctx.root().file(MailRootFile.SMTP_RELAY);
        if (f.isEmpty()) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        for (TabFile.Row row : f.get().rows()) {
            out.add(new Entry(f.get(), row, AddressFilter.read(row.columns(), row.size())));
        }
        return List.copyOf(out); // shared by the rules that ask
    }

    /** @return whether every IPv4 client the rule matches is in one of the networks */
    static boolean within(AddressFilter f, List<Net> networks) {
        return networks.stream().anyMatch(n -> f.ipv4Within(n.prefix(), n.bits()));
    }

    /**
     * @param freeBits 0 to 32
     * @return how many IPv4 addresses a rule with that many free bits matches, with a comma every three digits
     */
    static String count(int freeBits) {
        // Grouped by hand: String.format makes a number format on every call.
        String digits = Long.toString(1L << freeBits);
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
