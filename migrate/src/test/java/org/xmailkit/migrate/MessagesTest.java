package org.xmailkit.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.xmailkit.migrate.steps.Steps;

class MessagesTest {

    @Test
    void everyStepHasAOneLineReasonInBothLanguages() {
        for (MigrationStep s : Steps.ALL) {
            for (Locale l : new Locale[] {Locale.ENGLISH, Locale.JAPANESE}) {
                String r = s.reason().render(l);
                assertFalse(r.isBlank(), s.id());
                assertFalse(r.contains("\n"), s.id());
            }
        }
    }

    @Test
    void theLocalizedHeaderIsACommentAndAsciiInEnglish() {
        assertTrue(
                MigrateMessages.get(Locale.ENGLISH, "header.localized").chars().allMatch(c -> c < 0x80));
        assertTrue(MigrateMessages.get(Locale.ENGLISH, "header.localized").startsWith("#"));
        assertTrue(MigrateMessages.get(Locale.JAPANESE, "header.localized").startsWith("#"));
    }

    @Test
    void stepIdsAreUnique() {
        assertEquals(
                Steps.ALL.size(),
                Steps.ALL.stream().map(MigrationStep::id).distinct().count());
    }
}
