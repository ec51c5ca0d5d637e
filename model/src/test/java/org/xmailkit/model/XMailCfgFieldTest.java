package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one place that says how XMailCFG's page shows a value (the show command and the report both ask it). */
class XMailCfgFieldTest {

    private static XMailCfgField field(String ui) {
        return new XMailCfgField("basic", 1, "X", "ラベル", "Label", false, ui);
    }

    @Test
    void aNegativeNumberIsTheMinusNButtonWithTheNumberTypedNextToIt() {
        XMailCfgField leading = field("radio:SMTP 認証に成功すれば送信許可=0|直ちに切断=1|N 秒の遅延を挿入して送信許可=-N");
        assertEquals(Optional.of("直ちに切断"), leading.choiceLabel("1"));
        assertEquals(Optional.of("10 秒の遅延を挿入して送信許可"), leading.choiceLabel("-10"));
        XMailCfgField trailing = field("radio:無効=0|有効=1|遅延(秒)=-N");
        assertEquals(Optional.of("遅延(秒) 5"), trailing.choiceLabel("-5"));
        assertEquals(Optional.empty(), trailing.choiceLabel("-x"), "not a number XMailCFG would have written");
        assertEquals(Optional.empty(), trailing.choiceLabel("7"));
    }

    @Test
    void checkBoxesAndUnitsAreShownToo() {
        assertEquals(
                Optional.of("M 機能、R 機能"),
                field("checkboxes:M 機能=M|R 機能=R|Z 機能=Z").shown("MR"));
        assertEquals(Optional.of("KB"), field("number:KB").shown("51200"));
        assertEquals(Optional.empty(), field("number:KB").shown("abc"));
        assertEquals(Optional.empty(), field("text:user@domain").shown("a@b"));
    }
}
