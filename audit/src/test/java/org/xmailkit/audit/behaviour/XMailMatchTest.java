package org.xmailkit.audit.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** StrLimIStr and StrIWildMatch as XMail 1.27 has them (the first confirmed with SmtpNoTLSAuths on the wire). */
class XMailMatchTest {

    @ParameterizedTest(name = "\"{1}\" in \"{0}\": {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "PLAIN|PLAIN|true",
                "plain|PLAIN|true",
                "PLAIN,LOGIN|PLAIN|true",
                "PLAIN,LOGIN|LOGIN|false",
                "LOGIN,PLAIN|PLAIN|false",
                ",PLAIN|PLAIN|false",
                "' PLAIN'|PLAIN|false",
                "PLAINPLAIN|PLAIN|true",
                "XPLAIN|PLAIN|false",
                "PLAIN,|PLAIN|true",
                "CRAM-MD5|CRAM-MD5|true",
            })
    void limIStrFindsOnlyWhereASearchStarts(String list, String item, boolean found) {
        assertEquals(found, XMailMatch.limIStr(list, item, ","));
    }

    @ParameterizedTest(name = "\"{0}\" ~ \"{1}\": {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "relay.invalid|*.invalid|true",
                "relay.invalid|*|true",
                "RELAY.invalid|relay.*|true",
                "relay.invalid|relay.inv?lid|true",
                "relay.invalid|*.example|false",
                "a|[abc]|true",
                "d|[abc]|false",
                "d|[^abc]|true",
                "m|[a-z]|true",
                "*|\\*|true",
                "x|\\*|false",
            })
    void wildMatchIsAShellPatternOverTheWholeString(String text, String pattern, boolean matches) {
        assertEquals(matches, XMailMatch.wildMatch(text, pattern));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ABC,abc", "\u00c0X,\u00c0x"})
    void lowerIsAsciiOnly(String in, String out) {
        assertEquals(out, XMailMatch.lower(in));
        assertTrue(XMailMatch.wildMatch(in, out));
        assertFalse(XMailMatch.limIStr("", in, ","));
    }
}
