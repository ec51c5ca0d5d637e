package org.xmailkit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.xmailkit.model.testing.Bundles;

/** Every bundle of the module (the engine's and each rule group's) passes the shared bundle check. */
class MessageBundlesTest {

    /** Each bundle with the keys whose Japanese text may lack Japanese. */
    private static final Map<String, String[]> BUNDLES = Map.of(
            "org.xmailkit.audit.messages", new String[] {"category.tls"},
            "org.xmailkit.audit.rules.sec", new String[0],
            "org.xmailkit.audit.rules.tls", new String[0],
            "org.xmailkit.audit.rules.cfg", new String[0],
            "org.xmailkit.audit.rules.upg", new String[0],
            "org.xmailkit.audit.rules.opt", new String[0],
            "org.xmailkit.audit.rules.net", new String[0],
            "org.xmailkit.audit.startup.messages", new String[0]);

    @Test
    void everyBundleHasBothLanguagesWithTheSameKeysAndPlaceholdersAndJapaneseText() {
        BUNDLES.forEach((name, notJapanese) -> Bundles.assertComplete(AuditMessages.class, name, notJapanese));
    }

    @Test
    void everyBundleOfTheModuleIsCheckedAndLookedUp() {
        assertEquals(BUNDLES.keySet(), Bundles.inSources(Path.of("src/main/resources")));
        // The engine looks a key up in each of them, and in one more that is not shipped (rules outside the catalogue).
        Set<String> looked = new TreeSet<>(AuditMessages.BUNDLES);
        assertTrue(looked.remove("org.xmailkit.audit.extension"));
        assertEquals(new TreeSet<>(BUNDLES.keySet()), looked);
    }
}
