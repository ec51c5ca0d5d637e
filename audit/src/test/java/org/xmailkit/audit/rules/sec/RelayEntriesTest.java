package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.tab;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditRun;
import org.xmailkit.audit.net.AddressFilter;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.version.SourceVersion;

class RelayEntriesTest {

    private static AuditContext audit(MailRoot root, AuditRun run) {
        return new AuditContext(
                root, SourceVersion.given(XMailVersion.V1_27), AuditOptions.defaults(), Optional.empty(), run);
    }

    @Test
    void anAuditReadsSmtprelayTabOnce(@TempDir Path dir) {
        MailRoot root = root(dir, "", "smtprelay.tab", tab("10.0.0.0/8") + tab("relay.example.com/32") + tab("x"));
        AuditRun run = new AuditRun();
        List<RelayEntries.Entry> entries = RelayEntries.of(audit(root, run));
        assertEquals(List.of(1, 2, 3), entries.stream().map(e -> e.row().line()).toList());
        assertInstanceOf(AddressFilter.Parsed.class, entries.get(0).reading());
        assertInstanceOf(AddressFilter.HostName.class, entries.get(1).reading());
        assertInstanceOf(AddressFilter.Invalid.class, entries.get(2).reading());
        assertSame(entries, RelayEntries.of(audit(root, run)));
        assertNotSame(entries, RelayEntries.of(audit(root, new AuditRun())));
    }

    @Test
    void aMailRootWithoutSmtprelayTabHasNoEntries(@TempDir Path dir) {
        assertEquals(List.of(), RelayEntries.of(audit(root(dir, ""), new AuditRun())));
    }

    @Test
    void countsAddressesWithACommaEveryThreeDigits() {
        assertEquals("1", RelayEntries.count(0));
        assertEquals("256", RelayEntries.count(8));
        assertEquals("1,024", RelayEntries.count(10));
        assertEquals("131,072", RelayEntries.count(17));
        assertEquals("16,777,216", RelayEntries.count(24));
        assertEquals("4,294,967,296", RelayEntries.count(32));
    }

    @Test
    void groupsAsTheRootLocaleFormatDoes() {
        for (int bits = 0; bits <= 32; bits++) {
            assertEquals(String.format(Locale.ROOT, "%,d", 1L << bits), RelayEntries.count(bits), "bits " + bits);
        }
    }
}
