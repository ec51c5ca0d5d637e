package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final Messages MODEL = Messages.of("org.xmailkit.model.messages", MessagesTest.class);

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
