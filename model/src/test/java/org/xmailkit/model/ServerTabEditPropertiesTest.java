package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.xmailkit.model.testing.XMail127Default;

/** Any value either reads back exactly as set, with every other line untouched, or is refused. */
class ServerTabEditPropertiesTest {

    @Property
    void aSetValueReadsBackExactlyOrIsRefused(
            @ForAll("names") String name,
            @ForAll("values") String value,
            @ForAll boolean crlf,
            @ForAll boolean quoted) {
        String text = new String(XMail127Default.bytes("server.tab"), StandardCharsets.ISO_8859_1);
        if (!quoted) {
            text = text.replace("\"", "");
        }
        if (crlf) {
            text = text.replace("\n", "\r\n");
        }
        ServerTab before = ServerTab.parse(text.getBytes(StandardCharsets.ISO_8859_1));
        ServerTab after;
        try {
            after = before.setRaw(name, value);
        } catch (EditException refused) {
            return;
        }
        ServerTab reread = ServerTab.parse(after.toBytes());
        assertEquals(value, reread.entry(name).orElseThrow().value());
        List<TabLine> a = before.document().lines();
        List<TabLine> b = reread.document().lines();
        int touched = before.entry(name).map(Entry::line).orElse(a.size() + 1);
        for (int i = 0; i < a.size(); i++) {
            if (i + 1 != touched && !(i == a.size() - 1 && touched == a.size() + 1)) {
                assertArrayEquals(a.get(i).bytes(), b.get(i).bytes(), "line " + (i + 1));
            }
        }
        for (Entry e : before.liveEntries()) {
            if (!e.name().equals(name)) {
                assertEquals(e.value(), reread.entry(e.name()).orElseThrow().value(), e.name());
            }
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("RootDomain", "MaxMTAOps", "CustomSMTPMessage", "SmtpNoTLSAuths", "ReceivedHdrType");
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings()
                .withChars("aZ9 \"\\#\t\r\n\u0000,=:;\u00E9\u0082")
                .ofMaxLength(40);
    }
}
