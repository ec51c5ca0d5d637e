package org.xmailkit.report.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ColumnsTest {

    @Test
    void japaneseTakesTwoColumnsPerCharacter() {
        assertEquals(4, Columns.width("削除"));
        assertEquals(6, Columns.width("ab削除"));
        assertEquals("削除    ", Columns.pad("削除", 8));
        assertEquals("delete  ", Columns.pad("delete", 8));
    }

    @Test
    void cellAlwaysLeavesAtLeastOneSpace() {
        assertEquals("名前変更 ", Columns.cell("名前変更", 8));
        assertEquals("abc     ", Columns.cell("abc", 8));
        assertEquals("filters.post-rcpt.tab:12 ", Columns.cell("filters.post-rcpt.tab:12", 18));
    }

    @Test
    void padLeavesWideTextAlone() {
        assertEquals("toolongtext", Columns.pad("toolongtext", 4));
    }
}
