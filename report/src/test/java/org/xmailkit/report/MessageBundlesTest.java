package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xmailkit.model.testing.Bundles;

/** Every bundle of the module (the pages' labels and the texts of the other outputs) passes the shared bundle check. */
class MessageBundlesTest {

    /** Each bundle with the keys whose Japanese text may lack Japanese. */
    private static final Map<String, String[]> BUNDLES = Map.of(
            ReportMessages.BUNDLE, new String[] {"services.col.tls"}, "org.xmailkit.report.output", new String[] {
                "text.server"
            });

    @Test
    void everyBundleHasBothLanguagesWithTheSameKeysAndPlaceholdersAndJapaneseText() {
        BUNDLES.forEach((name, notJapanese) -> Bundles.assertComplete(ReportMessages.class, name, notJapanese));
    }

    @Test
    void everyBundleOfTheModuleIsChecked() {
        assertEquals(BUNDLES.keySet(), Bundles.inSources(Path.of("src/main/resources")));
    }
}
