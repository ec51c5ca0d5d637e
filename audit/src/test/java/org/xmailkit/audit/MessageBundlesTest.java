package org.xmailkit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
            "org.xmailkit.audit.messages",
            new String[] {"category.tls"},
            "org.xmailkit.audit.rules.sec",
            new String[0],
            "org.xmailkit.audit.rules.tls",
            new String[0],
            "org.xmailkit.audit.rules.cfg",
            new String[0],
            "org.xmailkit.audit.rules.upg",
            new String[0],
            "org.xmailkit.audit.rules.loc",
            new String[0],
            // OPT-008, -009 and -010 show the start-up model's own text of the issue, in the reader's language.
            "org.xmailkit.audit.rules.opt",
            new String[] {"msg.OPT-008.issue", "msg.OPT-009.issue", "msg.OPT-010.issue"},
            "org.xmailkit.audit.rules.net",
            new String[0],
            "org.xmailkit.audit.startup.messages",
            new String[0]);

    @Test
    void everyBundleHasBothLanguagesWithTheSameKeysAndPlaceholdersAndJapaneseText() {
        BUNDLES.forEach((name, notJapanese) -> Bundles.assertComplete(AuditMessages.class, name, notJapanese));
    }

    @Test
    void everyBundleOfTheModuleIsCheckedAndLookedUp() {
        assertEquals(BUNDLES.keySet(), Bundles.inSources(Path.of("src/main/resources")));
        // The engine looks a key up in each of them and in nothing else: the test rules' own bundle is not shipped
        // and not named by production code (TestRules looks there itself).
        Set<String> looked = new TreeSet<>(AuditMessages.bundles());
        assertFalse(looked.contains("org.xmailkit.audit.extension"));
        assertEquals(new TreeSet<>(BUNDLES.keySet()), looked);
    }
}
