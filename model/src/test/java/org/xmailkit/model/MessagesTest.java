package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final Messages MODEL = Messages.of("org.xmailkit.model.messages", MessagesTest.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void everyKeyExistsInBothLanguagesWithTheSamePlaceholdersAndNoEmptyValue() {
        ResourceBundle en = MODEL.bundle(Locale.ENGLISH);
        ResourceBundle ja = MODEL.bundle(Locale.JAPANESE);
        assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(ja.keySet()));
        for (String key : en.keySet()) {
            assertFalse(en.getString(key).isBlank(), key);
            assertFalse(ja.getString(key).isBlank(), key);
            assertEquals(placeholders(en.getString(key)), placeholders(ja.getString(key)), key);
            assertTrue(ja.getString(key).chars().anyMatch(c -> c > 0x3000), key + " is Japanese");
        }
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyCodeAndReasonHasAMessage() {
        for (Locale l : Messages.LANGUAGES) {
            for (ProblemCode c : ProblemCode.values()) {
                assertTrue(MODEL.has(l, "problem." + c.name()), c.name());
            }
            for (EditException.Reason r : EditException.Reason.values()) {
                assertTrue(MODEL.has(l, "edit." + r.name()), r.name());
            }
            for (InputException.Reason r : InputException.Reason.values()) {
                assertTrue(MODEL.has(l, "input." + r.name()), r.name());
            }
        }
    }

    @Test
    void formatFillsNumberedPlaceholdersOnly() {
        assertEquals("a 1 {x} 2 {5}", Messages.format("a {0} {x} {1} {5}", 1, 2));
        assertEquals("it's", Messages.format("it's", 1));
        assertTrue(Messages.isJapanese(Locale.JAPAN));
        assertFalse(Messages.isJapanese(null));
    }
}
