package org.xmailkit.report.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.xmailkit.audit.FleetResult;
import org.xmailkit.audit.Severity;
import org.xmailkit.report.RandomFleets;

/**
 * The streaming JSON writer writes what the writer that built the whole document as a tree wrote
 * ({@link TreeJsonWriter}, kept as the reference), byte for byte, for fleets of every shape and in both languages.
 */
class StreamingJsonWriterTest {

    @Provide
    Arbitrary<FleetResult> fleets() {
        return RandomFleets.fleets();
    }

    @Property
    void theDocumentIsByteForByteTheTreeWritersOne(
            @ForAll("fleets") FleetResult fleet, @ForAll boolean japanese, @ForAll boolean failOn) throws IOException {
        Locale l = japanese ? Locale.JAPANESE : Locale.ENGLISH;
        Optional<Severity> threshold = failOn ? Optional.of(Severity.MEDIUM) : Optional.empty();
        ByteArrayOutputStream tree = new ByteArrayOutputStream();
        new TreeJsonWriter(l, "9.9", threshold, RandomFleets.CLOCK).write(fleet, tree);
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        new JsonWriter(l, "9.9", threshold, RandomFleets.CLOCK).write(fleet, streamed);
        assertEquals(tree.toString(StandardCharsets.UTF_8), streamed.toString(StandardCharsets.UTF_8));
    }
}
