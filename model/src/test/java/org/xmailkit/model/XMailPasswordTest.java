package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class XMailPasswordTest {

    @Test
    void theWorkedExampleEncodesAndDecodes() {
        assertEquals("36560617001144", XMailPassword.encode("S3cret!"));
        XMailPassword.Decoded d = XMailPassword.decode("36560617001144");
        assertTrue(d.ok());
        assertEquals("S3cret!", d.password());
        assertFalse(d.nulTruncated());
    }

    @Test
    void theShippedAccountsPasswordIsXmail() {
        assertEquals("xmail", XMailPassword.decode("1d08040c09").password());
        assertEquals("1d08040c09", XMailPassword.encode("xmail"));
        assertEquals(
                "davidel@maticad.it",
                XMailPassword.decode("0104130c010009250804110c0604014b0c11").password());
        assertEquals("foopasswd", XMailPassword.decode("030a0a150416161201").password());
    }

    @Test
    void aSixtyFivePairIsANulThatEndsThePassword() {
        XMailPassword.Decoded d = XMailPassword.decode("04076506");
        assertTrue(d.ok());
        assertEquals("ab", d.password());
        assertTrue(d.nulTruncated());
        assertEquals("", XMailPassword.decode("65").password());
    }

    @Test
    void anOddLengthFailsBeforeDecodingAnything() {
        XMailPassword.Decoded d = XMailPassword.decode("123");
        assertEquals(XMailPassword.Status.ODD_LENGTH, d.status());
        assertEquals("", d.password());
        assertFalse(d.ok());
    }

    @Test
    void aPairWithoutAHexDigitFailsKeepingThePrefix() {
        XMailPassword.Decoded first = XMailPassword.decode("zz41");
        assertEquals(XMailPassword.Status.NOT_HEX, first.status());
        assertEquals("", first.password());
        XMailPassword.Decoded later = XMailPassword.decode("1d08zz");
        assertEquals(XMailPassword.Status.NOT_HEX, later.status());
        assertEquals("xm", later.password());
    }

    @Test
    void decodingIsAsLenientAsSscanf() {
        assertEquals("xmail", XMailPassword.decode("1D08040C09").password(), "upper case");
        assertEquals(
                String.valueOf((char) (0x1 ^ 0x65)), XMailPassword.decode("1g").password(), "1g reads as 1");
        assertEquals(
                String.valueOf((char) (0x1 ^ 0x65)), XMailPassword.decode(" 1").password(), "leading blank");
        assertEquals(
                String.valueOf((char) (0xF ^ 0x65)), XMailPassword.decode("+f").password(), "sign");
        assertEquals(
                String.valueOf((char) ((-1 ^ 0x65) & 0xFF)),
                XMailPassword.decode("-1").password());
        assertTrue(XMailPassword.decode("").ok());
    }

    @Property
    void everyPasswordWithoutNulRoundTrips(@ForAll @CharRange(from = 1, to = 255) @StringLength(max = 40) String pw) {
        String stored = XMailPassword.encode(pw);
        assertEquals(pw.length() * 2, stored.length());
        assertEquals(stored.toLowerCase(Locale.ROOT), stored);
        XMailPassword.Decoded d = XMailPassword.decode(stored);
        assertEquals(pw, d.password());
        assertFalse(d.nulTruncated(), "only a NUL byte encodes to 65");
    }
}
