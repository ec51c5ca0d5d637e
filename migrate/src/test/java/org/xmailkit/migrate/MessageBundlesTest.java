package org.xmailkit.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xmailkit.model.testing.Bundles;

/** Every bundle of the module passes the shared bundle check. */
class MessageBundlesTest {

    /** Each bundle with the keys whose Japanese text may lack Japanese. */
    private static final Map<String, String[]> BUNDLES = Map.of(MigrateMessages.BUNDLE, new String[0]);

    @Test
    void everyBundleHasBothLanguagesWithTheSameKeysAndPlaceholdersAndJapaneseText() {
        BUNDLES.forEach((name, notJapanese) -> Bundles.assertComplete(MigrateMessages.class, name, notJapanese));
    }

    @Test
    void everyBundleOfTheModuleIsChecked() {
        assertEquals(BUNDLES.keySet(), Bundles.inSources(Path.of("src/main/resources")));
    }
}
