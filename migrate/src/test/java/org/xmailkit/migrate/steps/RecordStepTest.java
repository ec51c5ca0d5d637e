package org.xmailkit.migrate.steps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmailkit.migrate.steps.StepTesting.range;
import static org.xmailkit.migrate.steps.StepTesting.source;
import static org.xmailkit.migrate.steps.StepTesting.tab;
import static org.xmailkit.migrate.steps.StepTesting.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmailkit.migrate.Change;
import org.xmailkit.migrate.MigrationOptions;
import org.xmailkit.migrate.ServerFiles;
import org.xmailkit.migrate.StepContext;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TextEncoding;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.version.MigrationRecord;
import org.xmailkit.model.version.SourceVersion;

/** The record a migration leaves in server.tab: written only with other edits, updated in place, never repeated. */
class RecordStepTest {

    private static final MigrationOptions LOCALIZED =
            MigrationOptions.standard().withTarget(XMailVersion.V1_27_LOCALIZED);

    /** Runs the step as the last of a plan whose earlier steps turned {@code original} into {@code edited}. */
    private static StepResult record(ServerFiles original, ServerFiles edited, SourceVersion s, MigrationOptions o) {
        StepResult r = new RecordStep().apply(edited, new StepContext(s, o, x -> List.of(), original));
        StepResult again = new RecordStep().apply(r.files(), new StepContext(s, o, x -> List.of(), original));
        assertEquals(List.of(), again.changes(), "recording twice changes nothing");
        assertEquals(text(r), text(again));
        return r;
    }

    @Test
    void aMigrationThatChangesNothingElseWritesNoRecord() {
        ServerFiles f = tab("\"RootDomain\"\t\"example.jp\"\n");
        StepResult r = record(f, f, source("1.26"), MigrationOptions.standard());
        assertEquals(List.of(), r.changes());
        assertEquals("\"RootDomain\"\t\"example.jp\"\n", text(r));
    }

    @Test
    void aMigrationThatChangedSomethingAppendsItsTargetAndSourceRange() {
        ServerFiles before = tab("\"SMTP-TLS\"\t\"0\"\n\"RootDomain\"\t\"example.jp\"\n");
        ServerFiles after = tab("\"RootDomain\"\t\"example.jp\"\n");

        StepResult r = record(before, after, range("0.61", "1.27"), LOCALIZED);

        assertEquals(
                "\"RootDomain\"\t\"example.jp\"\n# xmailkit: migrated to 1.27-localized from 0.61..1.27\n", text(r));
        Change c = r.changes().get(0);
        assertEquals(Change.Kind.COMMENT, c.kind());
        assertEquals(0, c.line());
        MigrationRecord read =
                MigrationRecord.find(r.files().serverTab()).records().get(0);
        assertEquals(
                new MigrationRecord(2, XMailVersion.V1_27_LOCALIZED, XMailVersion.parse("0.61"), XMailVersion.V1_27),
                read);
        assertEquals(
                List.of(),
                r.files().serverTab().entries().stream()
                        .filter(e -> e.line() == 2)
                        .toList(),
                "XMail reads the record as a comment, not as a setting");
    }

    @Test
    void theRecordKeepsCrlfShiftJisAndAMissingFinalNewline() {
        byte[] in =
                "\"SmtpMsgIPBan\"\t\"550 拒否\"\r\n\"SmtpMsgIPBanMaps\"\t\"550 不正\"".getBytes(TextEncoding.WINDOWS_31J);
        ServerFiles edited = ServerFiles.of(ServerTab.parse(in));
        ServerFiles original =
                ServerFiles.of(ServerTab.parse("\"SmtpMsgIPBandMaps\"\t\"550 不正\"".getBytes(TextEncoding.WINDOWS_31J)));

        StepResult r = record(original, edited, source("1.27"), MigrationOptions.standard());

        byte[] out = r.files().serverTab().toBytes();
        byte[] expected = ("\"SmtpMsgIPBan\"\t\"550 拒否\"\r\n\"SmtpMsgIPBanMaps\"\t\"550 不正\"\r\n"
                        + "# xmailkit: migrated to 1.27 from 1.27")
                .getBytes(TextEncoding.WINDOWS_31J);
        assertArrayEquals(expected, out);
        assertTrue(TextEncoding.decodes(out, TextEncoding.WINDOWS_31J));
    }

    @Test
    void anEarlierRecordIsUpdatedInPlaceAndLaterOnesAreLeft() {
        String in = """
                "RootDomain"\t"example.jp"
                # xmailkit: migrated to 1.27 from 1.24
                "SMTPLocalRule1"\t"0"
                # xmailkit: migrated to 1.27 from 0.54
                """;
        ServerFiles original = tab(in.replace("\"SMTPLocalRule1\"\t\"0\"\n", ""));

        StepResult r = record(original, tab(in), range("0.61", "1.27"), LOCALIZED);

        assertEquals(in.replace("to 1.27 from 1.24", "to 1.27-localized from 0.61..1.27"), text(r));
        Change c = r.changes().get(0);
        assertEquals(2, c.line());
        assertEquals("# xmailkit: migrated to 1.27 from 1.24", c.oldValue());
        assertEquals("# xmailkit: migrated to 1.27-localized from 0.61..1.27", c.newValue());
    }

    @Test
    void aRecordThatAlreadySaysItIsLeftAsItIs() {
        String in = "\"RootDomain\"\t\"example.jp\"\r\n# xmailkit: migrated to 1.27 from 1.24\r\n";
        ServerFiles edited = ServerFiles.of(ServerTab.parse(in.getBytes(StandardCharsets.US_ASCII)));
        StepResult r = record(tab("\"SMTP-TLS\"\t\"0\"\n"), edited, source("1.24"), MigrationOptions.standard());
        assertEquals(List.of(), r.changes());
        assertEquals(in, text(r));
    }

    @Test
    void aLineThatOnlyLooksLikeARecordIsNeitherReadNorRewritten() {
        String in = "# xmailkit: migrated to 1.26 from 1.24\n\"RootDomain\"\t\"example.jp\"\n";
        StepResult r = record(tab(""), tab(in), source("1.24"), MigrationOptions.standard());
        assertEquals(in + "# xmailkit: migrated to 1.27 from 1.24\n", text(r));
    }
}
