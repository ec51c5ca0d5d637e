package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.xmailkit.model.TextEncoding;
import org.xmailkit.model.XMailCfgField;

class ServerReportsTest {

    /** A page row with this form control (the catalogue's {@code ui} column). */
    private static XMailCfgField field(String ui) {
        return new XMailCfgField("basic", 1, "X", "ラベル", "Label", false, ui);
    }

    @Test
    void aJapaneseReportNamesXMailCfgsButtonsBoxesAndUnits() {
        String radio = "radio:SMTP 認証に成功すれば送信許可=0|直ちに切断=1|N 秒の遅延を挿入して送信許可=-N";
        assertEquals("直ちに切断", ServerReports.uiChoice(field(radio), "1", Locale.JAPANESE));
        assertEquals("10 秒の遅延を挿入して送信許可", ServerReports.uiChoice(field(radio), "-10", Locale.JAPANESE));
        assertEquals("遅延(秒) 5", ServerReports.uiChoice(field("radio:無効=0|有効=1|遅延(秒)=-N"), "-5", Locale.JAPANESE));
        assertEquals("", ServerReports.uiChoice(field(radio), "7", Locale.JAPANESE));
        assertEquals(
                "open mailing features、リレー制限をバイパス",
                ServerReports.uiChoice(
                        field("checkboxes:open mailing features=M|リレー制限をバイパス=R|サイズチェックをバイパス=Z"),
                        "MR",
                        Locale.JAPANESE));
        assertEquals("KB", ServerReports.uiChoice(field("number:KB"), "51200", Locale.JAPANESE));
        assertEquals("", ServerReports.uiChoice(field("number:KB"), "abc", Locale.JAPANESE));
        assertEquals("", ServerReports.uiChoice(field("text:user@domain"), "a@b", Locale.JAPANESE));
    }

    @Test
    void anEnglishReportLeavesXMailCfgsJapaneseWordsOut() {
        assertEquals("", ServerReports.uiChoice(field("radio:無効=0|有効=1"), "1", Locale.ENGLISH));
        assertEquals("", ServerReports.uiChoice(null, "1", Locale.JAPANESE), "a setting the page does not show");
    }

    @Test
    void encodingsHaveTheNamesAdministratorsKnow() {
        assertEquals("Shift_JIS (CP932)", ServerReports.encoding(TextEncoding.WINDOWS_31J));
        assertEquals("ASCII", ServerReports.encoding(StandardCharsets.US_ASCII));
        assertEquals("UTF-8", ServerReports.encoding(StandardCharsets.UTF_8));
    }
}
