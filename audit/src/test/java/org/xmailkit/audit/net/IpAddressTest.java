package org.xmailkit.audit.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest
    @CsvSource({
        "10.1.2.3, 10.1.2.3",
        "0, 0.0.0.0",
        "10, 0.0.0.10",
        "10.1, 10.0.0.1",
        "10.1.2, 10.1.0.2",
        "0x0a.0.0.1, 10.0.0.1",
        "012.0.0.1, 10.0.0.1",
        "4294967295, 255.255.255.255",
        "255.255.255.0, 255.255.255.0",
        "0x, 0.0.0.0",
        "0x.0x.0x.1, 0.0.0.1",
        "0XFF.0377.255.0xFf, 255.255.255.255",
        "0xffffffff, 255.255.255.255",
        "1.0x10000, 1.1.0.0",
        "0000000000010, 0.0.0.8",
        "1.2.65535, 1.2.255.255"
    })
    void readsIpv4InTheFormsInetAtonAccepts(String text, String expected) {
        assertEquals(expected, IpAddress.of(text).toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "256.0.0.1",
                "1.2.3.4.5",
                "10..1",
                "10.0.0.",
                ".10.0.0",
                "08.0.0.1",
                "mail.example.com",
                "10.0.0.1 ",
                "1.2.3.4/8",
                "4294967296",
                "0x100.0.0.1",
                "1.2.65536.0",
                "1.2.3.256",
                "0x1234567890123",
                "00000000000010",
                "\uff11.2.3.4",
                "1.2.3.4.",
                "1.2.3.x",
                "."
            })
    void rejectsWhatIsNotAnIpv4Literal(String text) {
        assertEquals(Optional.empty(), IpAddress.parseV4(text));
    }

    @ParameterizedTest
    @CsvSource({
        "::, ::",
        "::1, ::1",
        "2001:db8::25, 2001:db8::25",
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "::ffff:10.0.0.1, ::ffff:a00:1",
        "fe80::1%eth0, fe80::1",
        "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8"
    })
    void readsIpv6Literals(String text, String expected) {
        assertEquals(expected, IpAddress.of(text).toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ":::",
                "1::2::3",
                "1:2:3:4:5:6:7:8:9",
                "12345::",
                "g::1",
                "[::1]",
                "1:2:3:4:5:6:7:8::",
                "::ffff:10.0.0",
                "fe80::1%"
            })
    void rejectsMalformedIpv6(String text) {
        assertEquals(Optional.empty(), IpAddress.parse(text));
    }

    @Test
    void recognisesIpv4MappedAndCompatibleAddressesLikeXMail() {
        assertTrue(IpAddress.of("::ffff:192.0.2.1").v4Compatible());
        assertTrue(IpAddress.of("::192.0.2.1").v4Compatible());
        assertTrue(IpAddress.of("::").v4Compatible());
        assertFalse(IpAddress.of("2001:db8::1").v4Compatible());
        assertFalse(IpAddress.of("192.0.2.1").v4Compatible());
    }
}
