package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabDocumentEndingEvidenceTest {

    private static TabDocument doc(String s) {
        return TabDocument.parse(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String text(TabDocument d) {
        return new String(d.toBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void removingTheLastTerminatedLineKeepsTheFilesStyleForLinesAddedLater() {
        TabDocument d = doc("\"A\"\t\"1\"\n\"B\"\t\"2\"").removeLine(1);
        assertEquals(LineEnding.LF, d.dominantEnding());

        TabDocument appended = d.insertLines(2, List.of("\"C\"\t\"3\""));

        assertEquals("\"B\"\t\"2\"\n\"C\"\t\"3\"", text(appended));
    }

    @Test
    void crlfEvidenceSurvivesToo() {
        TabDocument d = doc("\"A\"\t\"1\"\r\n\"B\"\t\"2\"").removeLine(1).replaceLine(1, "\"B\"\t\"9\"");
        assertEquals(LineEnding.CRLF, d.dominantEnding());
    }

    @Test
    void aFileThatNeverHadATerminatorStillDefaultsToCrlf() {
        assertEquals(LineEnding.CRLF, doc("\"A\"\t\"1\"").dominantEnding());
        assertEquals(LineEnding.CRLF, doc("").dominantEnding());
    }

    @Test
    void countedLinesStillWinOverTheInheritedStyle() {
        TabDocument d = doc("\"A\"\t\"1\"\n\"B\"\t\"2\"").removeLine(1).insertLines(1, List.of("x", "y", "z"));
        assertEquals(LineEnding.LF, d.dominantEnding());
        assertEquals("x\ny\nz\n\"B\"\t\"2\"", text(d));
    }
}
