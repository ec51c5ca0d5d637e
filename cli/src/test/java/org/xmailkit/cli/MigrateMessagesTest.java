package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.xmailkit.model.Messages;

class MigrateMessagesTest {

    private static final Messages MIGRATE = Messages.of("org.xmailkit.cli.migrate", MigrateMessagesTest.class);

    @Test
    void migrateTextsExistInBothLanguagesWithTheSameKeys() {
        Set<String> en = new TreeSet<>(MIGRATE.bundle(Locale.ENGLISH).keySet());
        Set<String> ja = new TreeSet<>(MIGRATE.bundle(Locale.JAPANESE).keySet());
        assertEquals(en, ja);
        for (String k : ja) {
            assertTrue(MIGRATE.get(Locale.JAPANESE, k).chars().anyMatch(c -> c >= 0x3040) || k.startsWith("opt."),
                    k + " is not translated");
        }
    }
}
