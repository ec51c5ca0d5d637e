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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.AuditRun;
import org.xmailkit.audit.net.AddressFilter;
import org.xmailkit.audit.testing.RuleCheck;
import org.xmailkit.model.MailRoot;

class RelayEntriesTest {

    @Test
    void anAuditReadsSmtprelayTabOnce(@TempDir Path dir) {
        MailRoot root = root(dir, "", "smtprelay.tab", tab("10.0.0.0/8") + tab("relay.example.com/32") + tab("x"));
        AuditRun run = new AuditRun();
        List<RelayEntries.Entry> entries = RelayEntries.of(RuleCheck.context(root, run));
        assertEquals(List.of(1, 2, 3), entries.stream().map(e -> e.row().line()).toList());
        assertInstanceOf(AddressFilter.Parsed.class, entries.get(0).reading());
        assertInstanceOf(AddressFilter.HostName.class, entries.get(1).reading());
        assertInstanceOf(AddressFilter.Invalid.class, entries.get(2).reading());
        assertSame(entries, RelayEntries.of(RuleCheck.context(root, run)));
        assertNotSame(entries, RelayEntries.of(RuleCheck.context(root, new AuditRun())));
    }

    @Test
    void aMailRootWithoutSmtprelayTabHasNoEntries(@TempDir Path dir) {
        assertEquals(List.of(), RelayEntries.of(RuleCheck.context(root(dir, ""), new AuditRun())));
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
