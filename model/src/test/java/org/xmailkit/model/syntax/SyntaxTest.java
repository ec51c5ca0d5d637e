package org.xmailkit.model.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntaxTest {

    @Test
    void optionListKeepsCaseAndSpacesAndBareNames() {
        OptionList o = OptionList.parse("NeedTLS=2, OutBind=1.2.3.4,NeedTLS");
        assertEquals(3, o.options().size());
        assertEquals(" OutBind", o.options().get(1).name());
        assertFalse(o.options().get(2).hasValue());
        assertTrue(o.get("OutBind").isEmpty());
        assertEquals("NeedTLS", o.get("NeedTLS").orElseThrow().name());
    }

    @Test
    void gatewayListSplitsOnSemicolonAndOptionsAfterFirstComma() {
        GatewayList g = GatewayList.parse("relay.example:2525,NeedTLS=2;[2001:db8::1]:25");
        assertEquals(2, g.entries().size());
        assertEquals("relay.example:2525", g.entries().get(0).host());
        assertEquals(
                "2", g.entries().get(0).options().get("NeedTLS").orElseThrow().value());
        assertEquals("[2001:db8::1]:25", g.entries().get(1).host());
    }

    @Test
    void legacyCommaListIsOneGatewayWithJunkOptionIn124() {
        assertTrue(GatewayList.looksLegacy("192.0.2.2,192.0.2.15"));
        GatewayList g = GatewayList.parse("192.0.2.2,192.0.2.15");
        assertEquals(1, g.entries().size());
        assertEquals(List.of("192.0.2.2", "192.0.2.15"), GatewayList.parseLegacy("192.0.2.2,192.0.2.15"));
        assertFalse(GatewayList.looksLegacy("relay,NeedTLS=2"));
    }

    @Test
    void smtpConfigIsCaseSensitiveAndLosesTokensAfterSpaces() {
        SmtpConfigTokens t = SmtpConfigTokens.parse("mail-auth, WantTLS");
        assertTrue(t.mailAuth());
        assertFalse(t.wantTls());
        assertEquals("mail-auth,WantTLS", t.normalised());
        SmtpConfigTokens legacy = SmtpConfigTokens.parse("Mail-Auth");
        assertFalse(legacy.mailAuth());
        assertEquals("mail-auth", legacy.normalised());
        assertEquals("Mail-Auth", legacy.misspelled().get(0)[0]);
        assertFalse(SmtpConfigTokens.parse("WantTLS=0").wantTls());
    }

    @Test
    void custMapsListStopsAtItemWithoutColonAndUsesAtoi() {
        CustMapsList c = CustMapsList.parse("zen.spamhaus.org:1,bl.example:2x,broken,later:1");
        assertEquals(2, c.entries().size());
        assertTrue(c.entries().get(0).rejects());
        assertEquals(2, c.entries().get(1).code());
        assertFalse(c.entries().get(1).rejects());
        assertEquals("broken,later:1", c.ignored());
    }
}
