package org.xmailkit.model.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Text;
import org.xmailkit.model.XMailVersion;

/**
 * The migration record in server.tab: a comment XMail skips, read strictly, and only ever widening the version range
 * detection infers from the file's contents, so that a forged record can make a migration do less, never more.
 */
class MigrationRecordTest {

    private static ServerTab tab(String text) {
        return ServerTab.parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static SourceVersion detect(String text) {
        return new VersionDetector().detect(tab(text));
    }

    private static String range(SourceVersion v) {
        return v.earliest() + ".." + v.latest();
    }

    @Test
    void theRecordIsACommentXMailSkips() {
        ServerTab t = tab("\"RootDomain\"\t\"example.jp\"\n# xmailkit: migrated to 1.27 from 1.24\n");
        assertEquals(
                List.of("RootDomain"), t.entries().stream().map(e -> e.name()).toList());
        assertEquals(List.of(), t.problems());
    }

    @Test
    void theRecordWrittenReadsBack() {
        SourceVersion exact = SourceVersion.given(XMailVersion.parse("1.24"));
        SourceVersion wide = new SourceVersion(XMailVersion.EARLIEST, XMailVersion.V1_27_LOCALIZED, List.of(), false);
        for (MigrationRecord r : List.of(
                MigrationRecord.of(XMailVersion.V1_27, exact),
                MigrationRecord.of(XMailVersion.V1_27_LOCALIZED, wide))) {
            MigrationRecord back =
                    MigrationRecord.find(tab(r.text() + "\n")).records().get(0);
            assertEquals(new MigrationRecord(1, r.target(), r.earliest(), r.latest()), back, r.text());
        }
        assertEquals(
                "# xmailkit: migrated to 1.27 from 1.24",
                MigrationRecord.of(XMailVersion.V1_27, exact).text());
        assertEquals(
                "# xmailkit: migrated to 1.27-localized from pre-0.50..1.27-localized",
                MigrationRecord.of(XMailVersion.V1_27_LOCALIZED, wide).text());
    }

    @Test
    void equalRangesAlwaysGiveTheSameLine() {
        SourceVersion fromJournal =
                new SourceVersion(XMailVersion.parse("0.0"), XMailVersion.parse("01.05"), List.of(), false);
        assertEquals(
                "# xmailkit: migrated to 1.27 from pre-0.50..1.5",
                MigrationRecord.of(XMailVersion.V1_27, fromJournal).text());
        assertEquals(
                "# xmailkit: migrated to 1.27 from 1.27pre06",
                MigrationRecord.of(XMailVersion.V1_27, SourceVersion.given(XMailVersion.parse("1.27pre6")))
                        .text());
    }

    @Test
    void aRecordWidensTheRangeTheContentsGive() {
        // SMTP-RDNSCheck alone says 0.55 or later; the record says the first migration assumed 0.54.
        SourceVersion v = detect("\"SMTP-RDNSCheck\"\t\"1\"\n# xmailkit: migrated to 1.27 from 0.54\n");
        assertEquals("0.54..1.27", range(v));
        assertEquals(
                "version.evidence.record",
                v.evidence().get(v.evidence().size() - 1).key());
        assertTrue(
                v.evidence().get(v.evidence().size() - 1).render(Locale.ENGLISH).startsWith("line 2 records"));
    }

    @Test
    void aRecordNeverNarrowsTheRange() {
        assertEquals(
                "pre-0.50..1.27", range(detect("\"RootDomain\"\t\"x.jp\"\n# xmailkit: migrated to 1.27 from 1.24\n")));
        assertEquals("1.24..1.24", range(detect("\"SMTP-TLS\"\t\"0\"\n# xmailkit: migrated to 1.27 from 1.24\n")));
        assertEquals(
                "1.24..1.27", range(detect("\"SMTP-TLS\"\t\"0\"\n# xmailkit: migrated to 1.27 from 1.25..1.27\n")));
    }

    @Test
    void everyRecordCountsAndEachOnlyWidens() {
        SourceVersion v = detect("""
                "SMTP-TLS"\t"0"
                # xmailkit: migrated to 1.27 from 1.22
                # xmailkit: migrated to 1.27-localized from 1.26..1.27-localized
                """);
        assertEquals("1.22..1.27-localized", range(v));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "# xmailkit: migrated to 1.26 from 1.24",
                "# xmailkit: migrated to 1.27 from 1.26..1.24",
                "# xmailkit: migrated to 1.27 from 99999999999.1",
                "# xmailkit: migrated to 1.27 from 1.24 because",
                "# xmailkit: migrated to 1.27 from ../../etc/passwd",
                "# xmailkit: migrated to 1.27 from 1.24\t\"x\"",
                "# xmailkit: migrated to 1.27 from 1.24-localized",
                "# xmailkit: migrated to 1.27 from \u00e9",
                "# xmailkit: migrated",
            })
    void aLineThatOnlyStartsLikeARecordIsIgnoredAndNotShown(String line) {
        SourceVersion v = detect("\"SMTP-TLS\"\t\"0\"\n" + line + "\n");
        assertEquals("1.24..1.24", range(v), line);
        Text last = v.evidence().get(v.evidence().size() - 1);
        assertEquals("version.evidence.recordUnreadable", last.key());
        assertEquals(List.of("2"), last.args(), "only the line number is shown, never the text");
    }

    @Test
    void anOverlongRecordIsNotOne() {
        String line = "# xmailkit: migrated to 1.27 from 1.24" + " ".repeat(200);
        MigrationRecord.Found f = MigrationRecord.find(tab(line + "\n"));
        assertEquals(List.of(), f.records());
        assertEquals(List.of(1), f.unreadable());
    }

    @Test
    void aRecordElsewhereThanAtTheStartOfALineIsNotOne() {
        MigrationRecord.Found f = MigrationRecord.find(tab("""
                 # xmailkit: migrated to 1.27 from 0.54
                "X"\t"# xmailkit: migrated to 1.27 from 0.54"
                """));
        assertEquals(List.of(), f.records());
        assertEquals(List.of(), f.unreadable());
        assertFalse(detect("\"SMTP-TLS\"\t\"0\"\n \"# xmailkit: migrated to 1.27 from 0.54\n")
                .mayBeBefore(XMailVersion.parse("1.24")));
    }
}
