package org.xmailkit.model.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xmailkit.model.Catalog;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Text;
import org.xmailkit.model.TextEncoding;
import org.xmailkit.model.Variable;
import org.xmailkit.model.XMailVersion;

class VersionDetectorTest {

    private final VersionDetector detector = new VersionDetector();

    private static SourceVersion detect(String text) {
        return detect(text, StandardCharsets.UTF_8);
    }

    private static SourceVersion detect(String text, Charset cs) {
        return new VersionDetector().detect(ServerTab.parse(text.getBytes(cs)));
    }

    private static List<String> keys(SourceVersion v) {
        return v.evidence().stream().map(Text::key).toList();
    }

    private static void assertRange(String earliest, String latest, SourceVersion v) {
        assertEquals(earliest + ".." + latest, v.earliest() + ".." + v.latest(), () -> "evidence: " + render(v));
    }

    private static List<String> render(SourceVersion v) {
        return v.evidence().stream().map(t -> t.render(Locale.ENGLISH)).toList();
    }

    // ------------------------------------------------------------ files in the style of each era

    @Test
    void style10x() {
        SourceVersion v = detect("""
                "RootDomain"\t"example.co.jp"
                "PostMaster"\t"postmaster@example.co.jp"
                "HeloDomain"\t"mail.example.co.jp"
                "DefaultSMTPGateways"\t"192.0.2.2,192.0.2.15"
                "RBL-MAPSCheck"\t"1"
                "ORBS-MAPSCheck"\t"1"
                "CustMapsList"\t"relays.ordb.org:1"
                "DefaultSmtpPerms"\t"MRZ"
                "MaxMessageSize"\t"10000"
                """);
        assertRange("0.74", "1.2", v);
        assertTrue(v.certainlyBefore(XMailVersion.parse("1.24")));
    }

    @Test
    void style11x() {
        SourceVersion v = detect("""
                "RootDomain"\t"example.co.jp"
                "SmtpServerDomain"\t"mail.example.co.jp"
                "SmtpMsgIPBanMaps"\t"550 Denied"
                "ReceivedHdrType"\t"3"
                "DefaultSMTPGateways"\t"relay1.example:25,relay2.example:25"
                "SmtpConfig"\t"Mail-Auth"
                """);
        assertRange("1.16", "1.23", v);
        assertTrue(keys(v).containsAll(List.of(
                "version.evidence.receivedHdrType", "version.evidence.commaGateways", "version.evidence.tokenCase")));
    }

    @Test
    void style122() {
        SourceVersion v = detect("""
                "RootDomain"\t"example.com"
                "NoSenderBounce"\t"1"
                "SMTP-MaxErrors"\t"10"
                "DefaultSMTPGateways"\t"a.example,b.example"
                """);
        assertRange("1.21", "1.23", v);
        assertEquals(
                2,
                keys(v).stream().filter(k -> k.equals("version.evidence.since")).count());
    }

    @Test
    void style124() {
        SourceVersion v = detect("""
                "RootDomain"\t"example.com"
                "EnableSMTP-TLS"\t"1"
                "SMTP-TLS"\t"1"
                "DefaultSMTPGateways"\t"a.example;b.example"
                """);
        assertRange("1.24", "1.24", v);
        assertTrue(v.exact());
    }

    @Test
    void style125() {
        SourceVersion v = detect("""
                "RootDomain"\t"example.com"
                "SmtpGwConfig"\t"NeedTLS=1"
                "SmtpNoTLSAuths"\t"CRAM-MD5"
                "Pop3LogPasswd"\t"0"
                "SmtpConfig"\t"Mail-Auth"
                """);
        assertRange("1.25", "1.25", v);
    }

    @Test
    void style126() {
        SourceVersion v = detect("""
                "RootDomain"\t"example.com"
                "SmtpGwConfig"\t"NeedTLS=2"
                "SmtpNoTLSAuths"\t""
                "SmtpConfig"\t"mail-auth,WantTLS"
                "SmtpConfig-192.0.2.1,587"\t"MailAuth"
                """);
        assertRange("1.25", "1.27", v);
        assertTrue(v.mayBeBefore(XMailVersion.parse("1.27pre01")), "1.26 and 1.27 cannot be told apart");
        assertFalse(v.certainlyBefore(XMailVersion.parse("1.27pre01")));
    }

    @Test
    void style127WrittenByXMailCfgInShiftJis() {
        SourceVersion v = detect("""
                "RootDomain"\t"example.co.jp"\r
                "SmtpMsgIPBandMaps"\t"550 不正中継として登録されています"\r
                "SmtpGwConfig-NeedTLS"\t"1"\r
                "SMTPLocalRule1"\t"0"\r
                "SMTPLocalRule2"\t"0"\r
                """, TextEncoding.WINDOWS_31J);
        assertRange("1.27", "1.27-localized", v);
        assertFalse(v.mayBeBefore(XMailVersion.V1_27));
        assertTrue(keys(v).contains("version.evidence.localized"));
    }

    // ------------------------------------------------------------ each kind of evidence

    @Test
    void namesWithUnknownOrPre050SinceBoundNothing() {
        SourceVersion v = detect("\"RootDomain\"\t\"example.com\"\n\"SmartDNSHost\"\t\"192.0.2.53:udp\"\n");
        assertRange("pre-0.50", "1.27", v);
        assertEquals(List.of("version.evidence.none"), keys(v));
    }

    @Test
    void emptyFileIsAnyVersion() {
        SourceVersion v = detect("");
        assertRange("pre-0.50", "1.27", v);
        assertFalse(v.given());
    }

    @Test
    void sinceNamesTheVariableAndLine() {
        SourceVersion v = detect("\"RootDomain\"\t\"x\"\n\"SmtpNoTLSAuths\"\t\"\"\n");
        assertRange("1.25", "1.27", v);
        Text t = v.evidence().get(0);
        assertEquals(List.of("SmtpNoTLSAuths", "2", "1.25"), t.args());
    }

    @Test
    void removedVariableBoundsTheRangeFromAbove() {
        SourceVersion v = detect("\"DynDnsSetup\"\t\"dyn.example,80,/u\"\n");
        assertRange("pre-0.50", "1.23", v);
        assertEquals(List.of("version.evidence.removed"), keys(v));
    }

    @Test
    void removedSinceAndRemovedGiveBothBounds() {
        assertRange("0.68", "0.70", detect("\"HeloUseRootDomain\"\t\"1\"\n"));
    }

    @Test
    void perConnectionPatternCountsAsItsSince() {
        assertRange("1.25", "1.27", detect("\"SmtpConfig-192.0.2.1,25\"\t\"WantTLS\"\n"));
    }

    @Test
    void gatewayFormats() {
        assertRange("1.7", "1.27", detect("\"DefaultSMTPGateways\"\t\"relay.example:2525\"\n"));
        assertRange("1.24", "1.27", detect("\"DefaultSMTPGateways\"\t\"relay.example,NeedTLS=2\"\n"));
        assertRange("pre-0.50", "1.23", detect("\"DefaultSMTPGateways\"\t\"a.example,b.example\"\n"));
    }

    @Test
    void smtpConfigTokens() {
        assertRange("pre-0.50", "1.25", detect("\"SmtpConfig\"\t\"MAIL-AUTH\"\n"));
        assertRange("1.24", "1.27", detect("\"SmtpConfig\"\t\"WantTLS\"\n"));
        assertRange("pre-0.50", "1.27", detect("\"SmtpConfig\"\t\"mail-auth, WantTLS\"\n"));
    }

    @Test
    void valuesOnlyLaterVersionsUnderstand() {
        assertRange("1.16", "1.27", detect("\"ReceivedHdrType\"\t\"4\"\n"));
        assertRange("1.6", "1.27", detect("\"ReceivedHdrType\"\t\"1\"\n"));
        SourceVersion s = detect("\"DefaultSmtpPerms\"\t\"MRS\"\n");
        assertRange("1.24", "1.27", s);
        assertEquals(
                List.of("DefaultSmtpPerms", "1", "S", "1.24"),
                s.evidence().get(0).args());
        assertRange("0.71", "1.27", detect("\"DefaultSmtpPerms\"\t\"MRT\"\n"));
    }

    @Test
    void threeTokenLineIsANoteUnlessALaterLineSetsTheSameName() {
        SourceVersion note = detect("\"MaxMessageSize\"\t\"10\"\t\"x\"\n");
        assertRange("0.74", "1.27", note);
        assertTrue(keys(note).contains("version.evidence.extraTokens"));
        SourceVersion shadowed = detect("\"MaxMessageSize\"\t\"10\"\t\"x\"\n\"MaxMessageSize\"\t\"20\"\n");
        assertRange("0.74", "1.23", shadowed);
        assertTrue(keys(shadowed).contains("version.evidence.extraTokensShadowed"));
    }

    @Test
    void xmailCfgTraces() {
        assertRange("1.25", "1.27", detect("\"SmtpGwConfig-OutBind\"\t\"192.0.2.1\"\n"));
        SourceVersion alias = detect("\"SmtpMsgIPBanSpammres\"\t\"550 no\"\n");
        assertRange("1.12", "1.27", alias);
        assertEquals(List.of("version.evidence.xmailcfgAlias"), keys(alias));
    }

    @Test
    void conflictIsReportedAndTheRangeWidens() {
        SourceVersion v = detect("\"EnableSMTP-TLS\"\t\"1\"\n\"SMTP-RARPCheck\"\t\"1\"\n");
        assertRange("1.24", "1.27", v);
        Text conflict = v.evidence().stream()
                .filter(t -> t.key().equals("version.evidence.conflict"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("SMTP-RARPCheck", "2", "0.55", "EnableSMTP-TLS", "1", "1.24"), conflict.args());
    }

    @Test
    void conflictWithTheLocalizedTraceDoesNotCrash() {
        SourceVersion v = detect("\"SMTPLocalRule1\"\t\"1\"\n\"DefaultSMTPGateways\"\t\"a,b\"\n"
                + "\"SmtpConfig\"\t\"Mail-Auth\"\n\"DynDnsSetup\"\t\"x\"\n");
        assertRange("1.27", "1.27-localized", v);
        assertEquals(
                3,
                keys(v).stream()
                        .filter(k -> k.equals("version.evidence.conflict"))
                        .count());
    }

    @Test
    void anyMixOfCatalogueNamesGivesAValidRange() {
        List<Variable> all = Catalog.builtin().all();
        Random random = new Random(20100225);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(8); i++) {
                Variable var = all.get(random.nextInt(all.size()));
                String name = var.role() == Variable.Role.PATTERN ? "SmtpConfig-192.0.2.1,25" : var.name();
                names.add(name);
                String value =
                        switch (random.nextInt(4)) {
                            case 0 -> "1";
                            case 1 -> "a,b";
                            case 2 -> "Mail-Auth";
                            default -> "x\ty";
                        };
                text.append('"').append(name).append("\"\t\"").append(value).append("\"\n");
            }
            SourceVersion v = detector.detect(ServerTab.parse(text.toString().getBytes(StandardCharsets.UTF_8)));
            assertFalse(v.latest().isBefore(v.earliest()), names::toString);
            assertFalse(v.evidence().isEmpty());
            v.evidence().forEach(t -> {
                t.render(Locale.ENGLISH);
                t.render(Locale.JAPANESE);
            });
        }
    }

    @Test
    void previousRelease() {
        assertEquals(
                "1.23", VersionDetector.previous(XMailVersion.parse("1.24")).toString());
        assertEquals(
                "1.26",
                VersionDetector.previous(XMailVersion.parse("1.27pre01")).toString());
        assertEquals("0.74", VersionDetector.previous(XMailVersion.parse("1.0")).toString());
        assertEquals(
                "0.54", VersionDetector.previous(XMailVersion.parse("0.55")).toString());
        assertEquals(XMailVersion.EARLIEST, VersionDetector.previous(XMailVersion.parse("0.50")));
    }

    @Test
    void evidenceRendersInBothLanguages() {
        SourceVersion v = detect("\"EnableSMTP-TLS\"\t\"1\"\n\"SMTP-RARPCheck\"\t\"1\"\n");
        for (Text t : v.evidence()) {
            assertTrue(t.render(Locale.ENGLISH).contains("line"));
            assertTrue(t.render(Locale.JAPANESE).contains("行目"));
        }
    }
}
