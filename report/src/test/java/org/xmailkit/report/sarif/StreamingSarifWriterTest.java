package org.xmailkit.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.xmailkit.audit.FleetResult;
import org.xmailkit.report.RandomFleets;

/**
 * The streaming SARIF writer writes what the writer that built the whole log as a tree wrote
 * ({@link TreeSarifWriter}, kept as the reference), byte for byte, for fleets of every shape and in both languages.
 */
class StreamingSarifWriterTest {

    @Provide
    Arbitrary<FleetResult> fleets() {
        return RandomFleets.fleets();
    }

    @Property
    void theLogIsByteForByteTheTreeWritersOne(@ForAll("fleets") FleetResult fleet, @ForAll boolean japanese)
            throws IOException {
        Locale l = japanese ? Locale.JAPANESE : Locale.ENGLISH;
        ByteArrayOutputStream tree = new ByteArrayOutputStream();
        new TreeSarifWriter(l, "9.9").write(fleet, tree);
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        new SarifWriter(l, "9.9").write(fleet, streamed);
        assertEquals(tree.toString(StandardCharsets.UTF_8), streamed.toString(StandardCharsets.UTF_8));
    }
}
