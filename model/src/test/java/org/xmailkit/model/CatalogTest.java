package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private static final Catalog CATALOG = Catalog.builtin();
    private static final Pattern EN_SENTENCE_END = Pattern.compile("[.!?](\\s|$)");

    private static List<Variable> pageRows() {
        return CATALOG.all().stream().filter(v -> v.xmailcfg() != null).toList();
    }

    @Test
    void everyRowHasAnEnglishAndAJapaneseDescriptionOfOneOrTwoSentences() {
        for (Variable v : CATALOG.all()) {
            String en = v.descriptionEn();
            String ja = v.descriptionJa();
            assertFalse(en.isBlank(), v.name());
            assertFalse(ja.isBlank(), v.name());
            assertFalse(en.contains("TODO") || ja.contains("TODO"), v.name());
            Matcher m = EN_SENTENCE_END.matcher(en);
            int sentences = 0;
            while (m.find()) {
                sentences++;
            }
            assertTrue(sentences >= 1 && sentences <= 2, v.name() + " has " + sentences + " English sentences");
            assertTrue(en.chars().allMatch(c -> c >= 0x20 && c < 0x7F), v.name() + ": English text is ASCII");
            long jaSentences = ja.chars().filter(c -> c == '。').count();
            assertTrue(jaSentences >= 1 && jaSentences <= 2, v.name() + " has " + jaSentences + " Japanese sentences");
            assertTrue(ja.chars().anyMatch(c -> c >= 0x3040 && c <= 0x30FF), v.name() + ": Japanese text has kana");
            assertNotEquals(en, ja, v.name());
            assertFalse(v.values().isBlank(), v.name() + " values");
        }
    }

    @Test
    void theXMailCfgPageHasFiftyThreeRowsAllRepresentedWithLabelsAndControls() {
        Set<Integer> orders = new TreeSet<>();
        for (Variable v : pageRows()) {
            XMailCfgField f = v.xmailcfg();
            orders.add(f.order());
            assertFalse(f.labelJa().isBlank(), v.name());
            assertFalse(f.labelEn().isBlank(), v.name());
            assertFalse(f.shownAs().isBlank(), v.name());
            assertTrue(Set.of("text", "number", "radio", "checkboxes").contains(f.control()), v.name() + ": " + f.ui());
            if (f.control().equals("radio") || f.control().equals("checkboxes")) {
                assertTrue(f.choices().size() >= 2, v.name());
            }
            assertTrue(Catalog.SECTIONS.contains(f.section()), f.section());
        }
        assertEquals(IntStream.rangeClosed(1, 53).boxed().collect(Collectors.toCollection(TreeSet::new)), orders);
    }

    @Test
    void sectionsFollowThePageOrder() {
        List<Variable> rows = new ArrayList<>(pageRows());
        rows.sort((a, b) -> Integer.compare(a.xmailcfg().order(), b.xmailcfg().order()));
        int last = 0;
        for (Variable v : rows) {
            int section = Catalog.SECTIONS.indexOf(v.xmailcfg().section());
            assertTrue(
                    section >= last, v.name() + " is in section " + v.xmailcfg().section() + " after a later one");
            last = section;
        }
        assertEquals("basic", CATALOG.get("RootDomain").xmailcfg().section());
        assertEquals("gateway", CATALOG.get("DefaultSMTPGateways").xmailcfg().section());
        assertEquals("tls", CATALOG.get("SSLMaxCertsDepth").xmailcfg().section());
        assertEquals("localized", CATALOG.get("SMTPLocalRule2").xmailcfg().section());
    }

    @Test
    void onlyTheFiveBasicNamesAreRequired() {
        Set<String> required = pageRows().stream()
                .filter(v -> v.xmailcfg().required())
                .map(Variable::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(
                new TreeSet<>(Set.of("RootDomain", "POP3Domain", "PostMaster", "HeloDomain", "SmtpServerDomain")),
                required);
    }

    @Test
    void everyPageRowNameIsWhatThePageShows() {
        Map<Integer, Set<String>> shown = new TreeMap<>();
        for (Variable v : pageRows()) {
            for (String s : v.xmailcfg().shownAs().split(",")) {
                shown.computeIfAbsent(v.xmailcfg().order(), k -> new TreeSet<>())
                        .add(s);
            }
        }
        assertEquals(Set.of("SmtpMsgIPBandMaps"), shown.get(20));
        assertEquals(Set.of("SmtpMsgIPBanSpammres"), shown.get(22));
        assertEquals(Set.of("SmtpGwConfig-OutBind", "SmtpGwConfig-NeedTLS"), shown.get(16));
        assertEquals(Set.of("SmtpGwConfig-NeedTLS"), shown.get(17));
        assertEquals(Set.of("ReceivedHdrType"), shown.get(29));
    }

    @Test
    void realVariablesCarryThePageRowsShownUnderMisspelledNames() {
        XMailCfgField maps = CATALOG.get("SmtpMsgIPBanMaps").xmailcfg();
        assertEquals(20, maps.order());
        assertEquals("不正中継拒否メッセージ", maps.labelJa());
        XMailCfgField spammers = CATALOG.get("SmtpMsgIPBanSpammers").xmailcfg();
        assertEquals(22, spammers.order());
        assertEquals("不正アクセスホスト拒否メッセージ", spammers.labelJa());
        assertEquals(maps, CATALOG.get("SmtpMsgIPBandMaps").xmailcfg());
        assertEquals(spammers, CATALOG.get("SmtpMsgIPBanSpammres").xmailcfg());
    }

    @Test
    void smtpGwConfigRepresentsBothSplitGatewayRows() {
        Variable gw = CATALOG.get("SmtpGwConfig");
        assertEquals(Variable.Role.VARIABLE, gw.role());
        assertEquals("gateway", gw.xmailcfg().section());
        assertTrue(gw.xmailcfg().shownAs().contains("SmtpGwConfig-OutBind"));
        assertTrue(gw.xmailcfg().shownAs().contains("SmtpGwConfig-NeedTLS"));
        Variable needTls = CATALOG.get("SmtpGwConfig-NeedTLS");
        assertEquals(Variable.Role.XMAILCFG_PART, needTls.role());
        assertEquals(
                List.of("0", "1", "2"),
                needTls.xmailcfg().choices().stream()
                        .map(XMailCfgField.Choice::value)
                        .toList());
        assertEquals("利用しない(平文による通信)", needTls.xmailcfg().choiceLabel("0").orElseThrow());
    }

    @Test
    void receivedHdrTypeKeepsThePageOrderToValueMapping() {
        List<XMailCfgField.Choice> choices =
                CATALOG.get("ReceivedHdrType").xmailcfg().choices();
        assertEquals(
                List.of(
                        new XMailCfgField.Choice("S:非表示、C:表示", "0"),
                        new XMailCfgField.Choice("S:非表示、C:認証済みなら非表示", "3"),
                        new XMailCfgField.Choice("S:非表示、C:非表示", "2"),
                        new XMailCfgField.Choice("S:表示、C:認証済みなら非表示", "4"),
                        new XMailCfgField.Choice("S:表示、C:表示", "1")),
                choices);
    }

    @Test
    void radioMappingsWriteXMailsValues() {
        assertEquals(
                "-N",
                CATALOG.get("SMTP-IpMapDropCode").xmailcfg().choices().get(2).value());
        assertEquals(
                "1",
                CATALOG.get("DisableEmitAuthUser").xmailcfg().choices().stream()
                        .filter(c -> c.label().equals("付加しない"))
                        .findFirst()
                        .orElseThrow()
                        .value());
        assertEquals(
                List.of("M", "R", "V", "S", "T", "Z"),
                CATALOG.get("DefaultSmtpPerms").xmailcfg().choices().stream()
                        .map(XMailCfgField.Choice::value)
                        .toList());
        assertEquals(
                Optional.of("常時記録"), CATALOG.get("Pop3LogPasswd").xmailcfg().choiceLabel("2"));
        assertEquals("KB", CATALOG.get("MaxMessageSize").xmailcfg().detail());
    }

    @Test
    void aliasesAndXMailCfgPartsPointToVariablesXMailReads() {
        int aliases = 0;
        for (Variable v : CATALOG.all()) {
            boolean isAlias = v.role() == Variable.Role.ALIAS || v.role() == Variable.Role.XMAILCFG_PART;
            assertEquals(isAlias, !v.aliasOf().isEmpty(), v.name());
            if (isAlias) {
                aliases++;
                Variable target = CATALOG.get(v.aliasOf());
                assertEquals(Variable.Role.VARIABLE, target.role(), v.name() + " -> " + v.aliasOf());
                assertFalse(v.readBy127(), v.name());
            }
        }
        assertEquals(4, aliases);
        assertEquals("SmtpMsgIPBanMaps", CATALOG.get("SmtpMsgIPBandMaps").aliasOf());
        assertEquals("SmtpMsgIPBanSpammers", CATALOG.get("SmtpMsgIPBanSpammres").aliasOf());
        assertEquals("SmtpGwConfig", CATALOG.get("SmtpGwConfig-NeedTLS").aliasOf());
        assertEquals("SmtpGwConfig", CATALOG.get("SmtpGwConfig-OutBind").aliasOf());
    }

    @Test
    void localizedRowsAreTheTwoSmtpLocalRules() {
        List<String> localized = CATALOG.all().stream()
                .filter(v -> v.role() == Variable.Role.LOCALIZED)
                .map(Variable::name)
                .toList();
        assertEquals(List.of("SMTPLocalRule1", "SMTPLocalRule2"), localized);
        for (String n : localized) {
            Variable v = CATALOG.get(n);
            assertFalse(v.readBy127());
            assertEquals("localized", v.xmailcfg().section());
            assertEquals(Variable.Accessor.FLAG, v.accessor());
            assertEquals("0", v.defaultValue());
        }
        assertEquals(52, CATALOG.get("SMTPLocalRule1").xmailcfg().order());
        assertEquals(53, CATALOG.get("SMTPLocalRule2").xmailcfg().order());
    }

    @Test
    void removedVariablesNameWhenAndWhatReplacedThem() {
        for (Variable v : CATALOG.all()) {
            if (v.role() == Variable.Role.REMOVED) {
                assertFalse(v.removedIn().isEmpty(), v.name());
                assertFalse(v.replacedBy().isEmpty(), v.name());
                assertTrue(v.removedVersion().orElseThrow().isBefore(XMailVersion.V1_27), v.name());
                assertEquals(null, v.defaultValue(), v.name());
            } else {
                assertTrue(v.removedIn().isEmpty(), v.name());
            }
        }
        assertEquals("SMTP-RDNSCheck", CATALOG.get("SMTP-RARPCheck").replacedBy());
    }

    @Test
    void defaultsMatchTheAccessorThatReadsThem() {
        for (Variable v : CATALOG.all()) {
            String def = v.defaultValue();
            if (def == null) {
                continue;
            }
            switch (v.accessor()) {
                case FLAG -> assertTrue(def.equals("0") || def.equals("1"), v.name() + " default " + def);
                case INT -> assertTrue(Values.isPlainInteger(def), v.name() + " default " + def);
                case STRING -> assertFalse(def.isEmpty(), v.name());
            }
        }
    }

    @Test
    void defaultsCheckedAgainstXMailsCodeWhereTheDocumentationDiffers() {
        // The code default, not the documented one.
        assertEquals(
                "+X-Deliver-To,+Received,To,Cc", CATALOG.get("FetchHdrTags").defaultValue());
        assertEquals("MRVZ", CATALOG.get("DefaultSmtpPerms").defaultValue());
        // XMail appends " (<zone>)" to whatever text it uses, so the default text ends before it.
        assertEquals(
                "550 Denied due inclusion of your IP inside",
                CATALOG.get("SmtpMsgIPBanMaps").defaultValue());
        // Read with SvrGetConfigInt although it works as a switch: "" and "yes" both read as 0.
        Variable emit = CATALOG.get("DisableEmitAuthUser");
        assertEquals(Variable.Kind.FLAG, emit.kind());
        assertEquals(Variable.Accessor.INT, emit.accessor());
        assertEquals("1", CATALOG.get("EnableAuthSMTP-POP3").defaultValue());
        assertEquals("1", CATALOG.get("SMTP-IpMapDropCode").defaultValue());
        assertEquals(null, CATALOG.get("SmtpNoTLSAuths").defaultValue());
    }

    @Test
    void smtpConfigNamesResolveToTheirPatterns() {
        assertEquals(
                "SmtpConfig-IP",
                CATALOG.find("SmtpConfig-192.0.2.1").orElseThrow().name());
        assertEquals(
                "SmtpConfig-IP,PORT",
                CATALOG.find("SmtpConfig-192.0.2.1,587").orElseThrow().name());
        assertEquals("SmtpConfig", CATALOG.find("SmtpConfig").orElseThrow().name());
        assertTrue(CATALOG.find("SmtpConfig-").isEmpty());
        assertTrue(CATALOG.find("smtpconfig").isEmpty());
    }

    @Test
    void suggestionsCoverCaseWhitespaceBomAndTypos() {
        assertEquals(Optional.of("EnableSMTP-TLS"), CATALOG.suggest("enablesmtp-tls"));
        assertEquals(Optional.of("RootDomain"), CATALOG.suggest("RootDomain "));
        assertEquals(Optional.of("RootDomain"), CATALOG.suggest("\u00EF\u00BB\u00BFRootDomain"));
        assertEquals(Optional.of("RootDomain"), CATALOG.suggest(" \"RootDomain\""));
        assertEquals(Optional.of("RootDomain"), CATALOG.suggest("RootDomian"));
        assertEquals(Optional.of("SmtpMsgIPBanMaps"), CATALOG.suggest("smtpmsgipbandmaps"));
        assertEquals(Optional.empty(), CATALOG.suggest("ControlPort"));
    }

    @Test
    void everyLabelAndDescriptionIsLocalized() {
        Variable v = CATALOG.get("AllowNullSender");
        assertEquals(v.descriptionJa(), v.description(Locale.JAPANESE));
        assertEquals(v.descriptionEn(), v.description(Locale.ENGLISH));
        assertEquals("Senderアドレスが空白でも許可", v.xmailcfg().label(Locale.JAPANESE));
        assertEquals("Allow an empty sender address", v.xmailcfg().label(Locale.ENGLISH));
    }

    @Test
    void readRejectsAMalformedCatalogueNamingTheLine() {
        String header = String.join("\t", Catalog.COLUMNS) + "\n";
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Catalog.read(
                        new ByteArrayInputStream((header + "X\tVARIABLE\n").getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("catalog.tsv:2:"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Catalog.read(new ByteArrayInputStream("name\n".getBytes(StandardCharsets.UTF_8))));
        assertNotNull(CATALOG.get("RootDomain"));
    }
}
