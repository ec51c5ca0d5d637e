package org.xmailkit.audit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.xmailkit.audit.Finding;

/** The rule-test harness fails on a marker without a finding and on a finding without a marker. */
class RuleCheckTest {

    @TempDir
    Path dir;

    @Test
    void markersMatchFindingsOnTheLineBelowThemInTheFileWithoutTheMarkers() throws Exception {
        List<Finding> f = RuleCheck.of(TestRules.BAD_VARIABLE).serverTab("""
                "RootDomain"\t"example.jp"
                # FINDING: bad BadOne
                "BadOne"\t"1"
                # FINDING: bad
                "BadTwo"\t"2"
                """).expectMarkers(dir);
        assertEquals(List.of(2, 3), RuleCheck.lines(f));
        assertTrue(!Files.readString(dir.resolve("server.tab")).contains("FINDING"), "the rule never sees a marker");
    }

    @Test
    void aMarkerWithoutAFindingFails() {
        AssertionFailedError e = assertThrows(
                AssertionFailedError.class,
                () -> RuleCheck.of(TestRules.BAD_VARIABLE).serverTab("""
                        # FINDING: bad
                        "Good"\t"1"
                        """).expectMarkers(dir));
        assertTrue(
                e.getMessage().contains("markers without a finding [Expected[file=server.tab, line=1"), e.getMessage());
    }

    @Test
    void aFindingWithoutAMarkerFails() {
        AssertionFailedError e = assertThrows(
                AssertionFailedError.class,
                () -> RuleCheck.of(TestRules.BAD_VARIABLE).serverTab("""
                        "BadThing"\t"1"
                        """).expectMarkers(dir));
        assertTrue(e.getMessage().contains("findings without a marker [server.tab:1 bad"), e.getMessage());
    }

    @Test
    void aMarkersTextMustBeInTheMessage() {
        assertThrows(
                AssertionFailedError.class,
                () -> RuleCheck.of(TestRules.BAD_VARIABLE).serverTab("""
                # FINDING: bad something else
                "BadThing"\t"1"
                """).expectMarkers(dir));
    }

    @Test
    void aMarkerAtTheEndOfAFileExpectsAFindingAboutTheWholeFile() {
        RuleCheck.of(TestRules.STRICT_ONLY).serverTab("""
                "RootDomain"\t"example.jp"
                # FINDING: always
                """).expectMarkers(dir);
    }

    @Test
    void markersWorkInEveryFileOfTheMailRoot() {
        RuleCheck.of(TestRules.RELAY_ROW).file("smtprelay.tab", """
                # FINDING: relay 10.0.0.0/8
                "10.0.0.0/8"
                # FINDING: relay
                "192.168.0.0/16"
                """).expectMarkers(dir);
    }
}
