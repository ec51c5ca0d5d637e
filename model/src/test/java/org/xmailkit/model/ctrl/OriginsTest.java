package org.xmailkit.model.ctrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OriginsTest {

    @Test
    void pathsInARegisteredCopyAreNamedAfterTheServer() {
        Path copy = Path.of("target", "origins-test", "copy").toAbsolutePath();
        Origins.Origin o = new Origins.Origin("ctrl://ops@mx1.example:6018", CtrlTransport.TLS);
        try (Origins.Registration r = Origins.register(copy, o)) {
            assertEquals("ctrl://ops@mx1.example:6018", Origins.display(copy));
            assertEquals("ctrl://ops@mx1.example:6018/server.tab", Origins.display(copy.resolve("server.tab")));
            assertEquals(
                    "ctrl://ops@mx1.example:6018/domains/a/b/user.tab",
                    Origins.display(copy.resolve("domains/a/b/user.tab")));
            assertEquals(o, Origins.of(copy.resolve("x")).orElseThrow());
            assertEquals(copy.resolveSibling("other").toString(), Origins.display(copy.resolveSibling("other")));
        }
        assertTrue(Origins.name(copy).isEmpty(), "gone once closed");
    }

    /** Two runs in one process: the end of one never takes away what the other registered. */
    @Test
    void aRunThatEndsRemovesOnlyItsOwnRegistration() {
        Path copy = Path.of("target", "origins-test", "shared").toAbsolutePath();
        Origins.Origin first = new Origins.Origin("ctrl://ops@mx1.example:6018", CtrlTransport.TLS);
        Origins.Origin second = new Origins.Origin("ctrl://ops@mx2.example:6018", CtrlTransport.TLS);
        Origins.Registration a = Origins.register(copy, first);
        try (Origins.Registration b = Origins.register(copy, second)) {
            a.close();
            assertEquals("ctrl://ops@mx2.example:6018/server.tab", Origins.display(copy.resolve("server.tab")));
        }
        assertTrue(Origins.of(copy).isEmpty());
    }
}
