package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xmailkit.model.testing.Bundles;

/** Every bundle of the module (the general one and one per command family) passes the shared bundle check. */
class MessageBundlesTest {

    /** Each bundle with the keys whose Japanese text may lack Japanese. */
    private static final Map<String, String[]> BUNDLES = Map.of(
            "org.xmailkit.cli.messages", new String[] {"vars.field.xmailcfg"},
            "org.xmailkit.cli.audit", new String[0],
            "org.xmailkit.cli.migrate", new String[0],
            "org.xmailkit.cli.report", new String[0],
            "org.xmailkit.cli.ctrl", new String[] {"ctrl.transport.TLS"},
            "org.xmailkit.cli.probe", new String[0]);

    @Test
    void everyBundleHasBothLanguagesWithTheSameKeysAndPlaceholdersAndJapaneseText() {
        BUNDLES.forEach((name, notJapanese) -> Bundles.assertComplete(CommandContext.class, name, notJapanese));
    }

    @Test
    void everyBundleOfTheModuleIsChecked() {
        assertEquals(BUNDLES.keySet(), Bundles.inSources(Path.of("src/main/resources")));
        // and the commands look up no bundle beyond them
        assertEquals(BUNDLES.size(), CommandContext.BUNDLES.size());
    }
}
