package org.xmailkit.model.ctrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CtrlUrlTest {

    @Test
    void parsesUserHostAndPortWithCtrlsAsTheDefault() {
        assertEquals(new CtrlUrl("ops", "mx1.example", 6018), CtrlUrl.parse("ctrl://ops@mx1.example"));
        assertEquals(new CtrlUrl("ops", "mx1.example", 6017), CtrlUrl.parse("CTRL://ops@MX1.example:6017/"));
        assertEquals(
                new CtrlUrl("admin@example.jp", "127.0.0.1", 40000),
                CtrlUrl.parse("ctrl://admin@example.jp@127.0.0.1:40000"));
        assertEquals("ctrl://ops@[::1]:6018", CtrlUrl.parse("ctrl://ops@[::1]").toString());
        assertEquals("[::1]:6018", CtrlUrl.parse("ctrl://ops@[::1]").authority());
    }

    @Test
    void aPasswordInTheAddressIsRefusedWithoutRepeatingIt() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CtrlUrl.parse("ctrl://ops:hunter2@mx1.example"));
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void refusesWhatCannotBeSentOnALoginLine() {
        for (String bad : new String[] {
            "ctrl://@h",
            "ctrl://u@",
            "ctrl://u\"x@h",
            "ctrl://ユーザー@h",
            "ctrl://u@h:0",
            "ctrl://u@h:70000",
            "ctrl://u@h/path",
            "ctrl://u@h:1?x",
            "ctrl://u@bad_host",
            "ctrl://u x@h"
        }) {
            assertThrows(IllegalArgumentException.class, () -> CtrlUrl.parse(bad), bad);
        }
        assertTrue(CtrlUrl.looksLike("Ctrl://x"));
        assertFalse(CtrlUrl.looksLike("/srv/xmail"));
    }

    @Test
    void transportFollowsThePortUnlessGiven() {
        assertEquals(CtrlTransport.STARTTLS, CtrlTransport.forPort(6017));
        assertEquals(CtrlTransport.TLS, CtrlTransport.forPort(6018));
        assertEquals(CtrlTransport.TLS, CtrlTransport.forPort(40123));
    }
}
