package org.xmailkit.model.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xmailkit.model.Catalog;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabDocument;
import org.xmailkit.model.Variable;

class RemovalTest {

    private static ServerTab tab(String text) {
        return ServerTab.of(
                TabDocument.parse(text.getBytes(StandardCharsets.ISO_8859_1)),
                Catalog.builtin(),
                StandardCharsets.ISO_8859_1);
    }

    private static Optional<Removal.Setting> fix(Removal r, String text) {
        ServerTab t = tab(text);
        return r.replacement(t, t.entry(r.variable()).orElseThrow());
    }

    @Test
    void everyRemovedCatalogueNameHasItsRemovalAndNoOtherName() {
        for (Variable v : Catalog.builtin().all()) {
            assertEquals(v.role() == Variable.Role.REMOVED, Removal.of(v.name()).isPresent(), v.name());
        }
    }

    @Test
    void theFixCarriesWhatTheOldVariableMeant() {
        assertEquals(
                Optional.of(new Removal.Setting("SMTP-RDNSCheck", "-30")),
                fix(Removal.RARP_CHECK, "\"SMTP-RARPCheck\"\t\"-30\"\n"));
        assertEquals(
                Optional.of(new Removal.Setting("HeloDomain", "mx.example.jp")),
                fix(Removal.HELO_USE_ROOT_DOMAIN, "\"RootDomain\"\t\"mx.example.jp\"\n\"HeloUseRootDomain\"\t\"1\"\n"));
        assertEquals(
                Optional.empty(),
                fix(Removal.HELO_USE_ROOT_DOMAIN, "\"HeloUseRootDomain\"\t\"1\"\n"),
                "no RootDomain to carry");
        assertEquals(
                Optional.empty(),
                fix(Removal.HELO_USE_ROOT_DOMAIN, "\"RootDomain\"\t\"mx.example.jp\"\n\"HeloUseRootDomain\"\t\"0\"\n"),
                "off: the default greeting");
        assertEquals(
                Optional.of(new Removal.Setting("SmtpGwConfig", "NeedTLS=1")),
                fix(Removal.SMTP_TLS, "\"SMTP-TLS\"\t\"1\"\n"));
        assertEquals(
                Optional.of(new Removal.Setting("SmtpGwConfig", "OutBind=10.0.0.1,NeedTLS=1")),
                fix(Removal.SMTP_TLS, "\"SmtpGwConfig\"\t\"OutBind=10.0.0.1\"\n\"SMTP-TLS\"\t\"1\"\n"));
        assertEquals(Optional.empty(), fix(Removal.DYNDNS_SETUP, "\"DynDnsSetup\"\t\"a,80,/u,bob,pw\"\n"));
        assertEquals(Optional.empty(), fix(Removal.RBL_MAPS_CHECK, "\"RBL-MAPSCheck\"\t\"1\"\n"));
    }

    @Test
    void aReplacementAlreadyWrittenSupersedesTheOldLine() {
        assertTrue(Removal.RARP_CHECK.superseded(tab("\"SMTP-RDNSCheck\"\t\"0\"\n")));
        assertTrue(Removal.SMTP_TLS.superseded(tab("\"SmtpGwConfig\"\t\"NeedTLS=2\"\n")));
        assertTrue(!Removal.SMTP_TLS.superseded(tab("\"SmtpGwConfig\"\t\"OutBind=10.0.0.1\"\n")));
        assertEquals(
                Optional.empty(), fix(Removal.RARP_CHECK, "\"SMTP-RARPCheck\"\t\"1\"\n\"SMTP-RDNSCheck\"\t\"0\"\n"));
    }
}
