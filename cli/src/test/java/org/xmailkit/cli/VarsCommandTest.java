package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.xmailkit.model.Catalog;
import org.xmailkit.model.Variable;

class VarsCommandTest {

    @Test
    void listsTheWholeCatalogue() {
        Run r = Run.of("vars");
        assertEquals(ExitCode.OK, r.exit());
        for (Variable v : Catalog.builtin().all()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(v.name() + " ")), v.name());
        }
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("EnableSMTP-TLS ") && l.contains("Support SMTP TLS")));
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("SmtpMsgIPBandMaps ") && l.contains("[misspelling]")));
        Run ja = Run.of("vars", "--lang", "ja");
        assertTrue(ja.out().lines().anyMatch(l -> l.startsWith("EnableSMTP-TLS ") && l.contains("SMTP TLS をサポートする")));
    }

    @Test
    void describesOneVariableInBothLanguages() {
        Run r = Run.of("vars", "ReceivedHdrType");
        assertEquals(ExitCode.OK, r.exit());
        String out = r.out();
        assertTrue(out.startsWith("ReceivedHdrType\n"));
        assertTrue(out.contains("1.27 default     0"), out);
        assertTrue(out.contains("enum (read as a number"), out);
        assertTrue(out.contains("radio buttons: S:非表示、C:表示 \u2192 0, S:非表示、C:認証済みなら非表示 \u2192 3"), out);
        assertTrue(out.contains("Security / Recieved:ヘッダ制御 (ReceivedHdrType)"), out);
        assertTrue(out.contains("English          Which addresses"), out);
        assertTrue(out.contains("Japanese         XMail の SMTP サーバ"), out);
        Run ja = Run.of("vars", "--lang", "ja", "ReceivedHdrType");
        assertTrue(ja.out().contains("セキュリティ関連設定 / Recieved:ヘッダ制御"), ja.out());
        assertTrue(ja.out().contains("ラジオボタン: "));
    }

    @Test
    void findsNamesByOtherSpellingsAndByXMailCfgLabel() {
        assertTrue(Run.of("vars", "ルートドメイン").out().startsWith("RootDomain\n"));
        assertTrue(Run.of("vars", "enablesmtp-tls").out().startsWith("EnableSMTP-TLS\n"));
        assertTrue(Run.of("vars", "SmtpConfig-192.0.2.1,587").out().startsWith("SmtpConfig-IP,PORT\n"));
        Run alias = Run.of("vars", "SmtpMsgIPBandMaps");
        assertTrue(alias.out().contains("XMail reads      SmtpMsgIPBanMaps"), alias.out());
        Run removed = Run.of("vars", "SMTP-TLS");
        assertTrue(removed.out().contains("removed in       1.25"));
        assertTrue(removed.out().contains("replaced by      SmtpGwConfig (NeedTLS=1)"));
    }

    @Test
    void anUnknownNameIsAUsageErrorWithASuggestion() {
        Run r = Run.of("vars", "RootDomian");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(
                r.err()
                        .startsWith("xmailkit: no variable named 'RootDomian' in the catalogue Did you mean "
                                + "RootDomain?"),
                r.err());
        assertEquals(ExitCode.USAGE, Run.of("vars", "A", "B").exit());
    }

    @Test
    void jsonGivesOneVariableOrTheCatalogue() throws IOException {
        JsonNode one = new ObjectMapper()
                .readTree(Run.of("vars", "--format", "json", "SmtpGwConfig-NeedTLS")
                        .out());
        assertEquals("xmailcfg_part", one.get("role").asText());
        assertEquals("SmtpGwConfig", one.get("aliasOf").asText());
        assertEquals("2", one.get("xmailcfg").get("choices").get(2).get("value").asText());
        JsonNode all =
                new ObjectMapper().readTree(Run.of("vars", "--format", "json").out());
        assertEquals(Catalog.builtin().all().size(), all.size());
    }
}
