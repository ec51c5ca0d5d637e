package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.MissingResourceException;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.AuditMessages;

/** The texts a page asks for again and again are the bundles' texts, in each language, with the values given. */
class ReportMessagesTest {

    @Test
    void eachCallFillsInItsOwnValuesInItsOwnLanguage() {
        for (int i = 0; i < 3; i++) {
            assertEquals("Server a" + i, ReportMessages.get(Locale.ENGLISH, "server.title", "a" + i));
            assertEquals("サーバ b" + i, ReportMessages.get(Locale.JAPANESE, "server.title", "b" + i));
        }
        assertEquals("Server {0}", ReportMessages.get(Locale.ENGLISH, "server.title"));
        assertEquals("Server {0}", ReportMessages.get(Locale.ROOT, "server.title"));
    }

    @Test
    void theAuditBundlesAnswerWhatTheReportBundleLacks() {
        for (Locale l : new Locale[] {Locale.ENGLISH, Locale.JAPANESE, Locale.ENGLISH}) {
            assertEquals(AuditMessages.get(l, "severity.high"), ReportMessages.get(l, "severity.high"));
        }
    }

    @Test
    void aMissingKeyFailsEveryTime() {
        for (int i = 0; i < 2; i++) {
            assertThrows(MissingResourceException.class, () -> ReportMessages.get(Locale.ENGLISH, "no.such.key"));
        }
    }
}
