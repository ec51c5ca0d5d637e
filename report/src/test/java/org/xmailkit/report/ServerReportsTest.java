package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ServerReportsTest {

    @Test
    void aJapaneseReportNamesXMailCfgsButtonsBoxesAndUnits() {
        String radio = "radio:SMTP 認証に成功すれば送信許可=0|直ちに切断=1|N 秒の遅延を挿入して送信許可=-N";
        assertEquals("直ちに切断", ServerReports.uiChoice(radio, "1", Locale.JAPANESE));
        assertEquals("10 秒の遅延を挿入して送信許可", ServerReports.uiChoice(radio, "-10", Locale.JAPANESE));
        assertEquals("遅延(秒) 5", ServerReports.uiChoice("radio:無効=0|有効=1|遅延(秒)=-N", "-5", Locale.JAPANESE));
        assertEquals("", ServerReports.uiChoice(radio, "7", Locale.JAPANESE));
        assertEquals("open mailing features、リレー制限をバイパス",
                ServerReports.uiChoice("checkboxes:open mailing features=M|リレー制限をバイパス=R|サイズチェックをバイパス=Z",
                        "MR", Locale.JAPANESE));
        assertEquals("KB", ServerReports.uiChoice("number:KB", "51200", Locale.JAPANESE));
        assertEquals("", ServerReports.uiChoice("number:KB", "abc", Locale.JAPANESE));
        assertEquals("", ServerReports.uiChoice("text:user@domain", "a@b", Locale.JAPANESE));
    }

    @Test
    void anEnglishReportLeavesXMailCfgsJapaneseWordsOut() {
        assertEquals("", ServerReports.uiChoice("radio:無効=0|有効=1", "1", Locale.ENGLISH));
    }

    @Test
    void encodingsHaveTheNamesAdministratorsKnow() {
        assertEquals("Shift_JIS (CP932)", ServerReports.encoding(org.xmailkit.model.TextEncoding.WINDOWS_31J));
        assertEquals("ASCII", ServerReports.encoding(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("UTF-8", ServerReports.encoding(java.nio.charset.StandardCharsets.UTF_8));
    }
}
