package org.xmailkit.model.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xmailkit.model.syntax.GatewayOptions.NeedTls;

class GatewayOptionsTest {

    @Test
    void needTlsValuesMapToXmailPolicies() {
        assertEquals(NeedTls.OFF, NeedTls.of("0"));
        assertEquals(NeedTls.OPPORTUNISTIC, NeedTls.of("1"));
        assertEquals(NeedTls.REQUIRED, NeedTls.of("2"));
        assertEquals(NeedTls.OPPORTUNISTIC, NeedTls.of("3"));
        assertEquals(NeedTls.OFF, NeedTls.of("yes"));
        assertEquals(NeedTls.OFF, NeedTls.of("-1"));
        assertEquals(2, NeedTls.REQUIRED.digit());
    }

    @Test
    void bareNeedTlsIsIgnoredAndLastValuedOneWins() {
        GatewayOptions o = GatewayOptions.parse("NeedTLS=2,OutBind=192.0.2.1,NeedTLS");
        assertEquals(Optional.of(NeedTls.REQUIRED), o.needTls());
        assertEquals(1, o.bareNeedTls().size());
        assertEquals(Optional.of("192.0.2.1"), o.outBind());
        assertTrue(GatewayOptions.parse("NeedTLS").needTls().isEmpty());
        assertEquals(
                Optional.of(NeedTls.OFF),
                GatewayOptions.parse("NeedTLS=2,NeedTLS=0").needTls());
    }

    @Test
    void namesAreCaseSensitive() {
        assertTrue(GatewayOptions.parse("needtls=2").needTls().isEmpty());
        assertTrue(GatewayOptions.parse(" NeedTLS=2").needTls().isEmpty());
    }

    @Test
    void globalOverridesDefaultGatewayEntryButNotForwarderColumn() {
        GatewayOptions global = GatewayOptions.parse("NeedTLS=1");
        GatewayOptions entry = GatewayOptions.parse("NeedTLS=2");
        assertEquals(NeedTls.OPPORTUNISTIC, GatewayOptions.forDefaultGateway(entry, global));
        assertEquals(NeedTls.REQUIRED, GatewayOptions.forForwarder(global, entry));
        assertEquals(NeedTls.REQUIRED, GatewayOptions.forDefaultGateway(entry, GatewayOptions.none()));
        assertEquals(NeedTls.OPPORTUNISTIC, GatewayOptions.forForwarder(global, GatewayOptions.none()));
        assertEquals(NeedTls.OFF, GatewayOptions.forForwarder(GatewayOptions.none(), GatewayOptions.none()));
        assertEquals(
                NeedTls.REQUIRED,
                GatewayOptions.forDefaultGateway(entry, GatewayOptions.parse("NeedTLS,OutBind=192.0.2.1")));
    }
}
