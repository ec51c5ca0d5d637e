package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XMailVersionTest {

    @Test
    void parsesReleasesPreReleasesAndTheLocalizedBuild() {
        XMailVersion v = XMailVersion.parse("1.27pre06");
        assertEquals(1, v.major());
        assertEquals(27, v.minor());
        assertEquals(6, v.pre());
        assertFalse(v.localized());
        assertEquals("1.27pre06", v.toString());
        assertEquals(0, XMailVersion.parse("0.74").major());
        assertEquals(74, XMailVersion.parse("0.74").minor());
        assertEquals(XMailVersion.V1_27, XMailVersion.parse("1.27"));
        assertEquals(XMailVersion.V1_27_LOCALIZED, XMailVersion.parse("1.27-localized"));
        assertTrue(XMailVersion.parse("1.27-localized").localized());
        assertEquals(XMailVersion.V1_27, XMailVersion.V1_27_LOCALIZED.original());
        assertEquals(XMailVersion.parse("1.22"), XMailVersion.parse(" 1.22 "));
    }

    @Test
    void minorNumbersCompareAsNumbers() {
        assertTrue(XMailVersion.parse("1.6").isBefore(XMailVersion.parse("1.10")));
        assertTrue(XMailVersion.parse("1.9").isBefore(XMailVersion.parse("1.10")));
        assertTrue(XMailVersion.parse("0.74").isBefore(XMailVersion.parse("1.0")));
    }

    @Test
    void theOrderRunsFromOldReleasesThroughPreReleasesToTheLocalizedBuild() {
        List<String> ordered = List.of(
                "0.74", "1.6", "1.10", "1.22", "1.26", "1.27pre01", "1.27pre06", "1.27pre14", "1.27", "1.27-localized");
        List<XMailVersion> shuffled =
                new ArrayList<>(ordered.stream().map(XMailVersion::parse).toList());
        Collections.shuffle(shuffled, new Random(7));
        Collections.sort(shuffled);
        assertEquals(ordered, shuffled.stream().map(XMailVersion::toString).toList());
        assertTrue(XMailVersion.V1_27_LOCALIZED.isAtLeast(XMailVersion.V1_27));
        assertTrue(XMailVersion.V1_27.isAtLeast(XMailVersion.V1_27));
        assertFalse(XMailVersion.V1_27.isAtLeast(XMailVersion.V1_27_LOCALIZED));
    }

    @Test
    void equalVersionsHaveEqualHashes() {
        assertEquals(
                XMailVersion.parse("1.27pre06").hashCode(),
                XMailVersion.parse("1.27pre6").hashCode());
        assertEquals(XMailVersion.parse("1.27pre06"), XMailVersion.parse("1.27pre6"));
        assertNotEquals(XMailVersion.V1_27, XMailVersion.V1_27_LOCALIZED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "1", "1.x", "v1.27", "1.27-LOCALIZED", "1.26-localized", "1.27pre06-localized", "1.27 pre06"
            })
    void rejectsWhatIsNotAVersion(String text) {
        assertThrows(IllegalArgumentException.class, () -> XMailVersion.parse(text));
    }

    @Test
    void readsTheCataloguesRecordedVersions() {
        assertEquals(Optional.of(XMailVersion.EARLIEST), XMailVersion.parseRecorded("pre-0.50 (2000-02-28)"));
        assertEquals(Optional.empty(), XMailVersion.parseRecorded("unknown"));
        assertEquals(Optional.empty(), XMailVersion.parseRecorded(""));
        assertEquals(Optional.of(XMailVersion.parse("1.24")), XMailVersion.parseRecorded("1.24"));
        assertTrue(XMailVersion.EARLIEST.isBefore(XMailVersion.parse("0.50")));
        for (Variable v : Catalog.builtin().all()) {
            v.sinceVersion();
            v.removedVersion();
        }
        assertEquals(
                XMailVersion.V1_27_LOCALIZED,
                Catalog.builtin().get("SMTPLocalRule1").sinceVersion().orElseThrow());
    }
}
