package org.xmailkit.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xmailkit.model.testing.XMail127Default;

/**
 * Short Japanese texts of the kind admins put into server.tab (SMTP replies, labels, names), encoded the ways
 * Japanese MailRoots are found: Windows-31J, EUC-JP, UTF-8 with and without BOM; in four shapes, from the bare
 * value to a whole server.tab with one Japanese line.
 */
final class JapaneseCorpus {

    /** One sample file (a class, not a record: it holds a byte array). */
    static final class Sample {
        private final String text;
        private final String shape;
        private final Charset charset;
        private final boolean bom;
        private final byte[] bytes;

        Sample(String text, String shape, Charset charset, boolean bom, byte[] bytes) {
            this.text = text;
            this.shape = shape;
            this.charset = charset;
            this.bom = bom;
            this.bytes = bytes.clone();
        }

        String text() {
            return text;
        }

        String shape() {
            return shape;
        }

        Charset charset() {
            return charset;
        }

        boolean bom() {
            return bom;
        }

        byte[] bytes() {
            return bytes.clone();
        }

        /** @return the non-ASCII bytes in the sample, the evidence a detector has */
        int nonAsciiBytes() {
            int n = 0;
            for (byte b : bytes) {
                if (b < 0) {
                    n++;
                }
            }
            return n;
        }

        /** @return a length bucket of the evidence: 1-4, 5-16, 17-48 or 49+ non-ASCII bytes */
        String bucket() {
            int n = nonAsciiBytes();
            return n <= 4 ? "1-4" : n <= 16 ? "5-16" : n <= 48 ? "17-48" : "49+";
        }

        /** @return the encoding name as the test reports it */
        String encodingName() {
            return bom ? "UTF-8+BOM" : charset.name();
        }
    }

    static final List<String> PHRASES = List.of(
            "550 不正中継は禁止されています",
            "550 このサーバからの送信は許可されていません",
            "554 スパム送信元として登録されています",
            "550 お使いのIPアドレスは拒否リストに登録されています",
            "421 ただいま混み合っています。しばらくしてから再送してください",
            "550 送信者アドレスが不正です",
            "550 宛先のユーザは存在しません",
            "530 認証が必要です",
            "552 メールの容量が大きすぎます",
            "迷惑メール対策のため受信を拒否しました",
            "お問い合わせは postmaster@example.jp まで",
            "システム管理者へ連絡してください",
            "このメールは自動送信です",
            "配送できませんでした",
            "ご迷惑をおかけします",
            "管理者",
            "営業部",
            "総務課 山田",
            "メールサーバ",
            "受信拒否",
            "ウイルス検出",
            "容量超過",
            "テスト",
            "宛先不明",
            "社内専用",
            "東京本社",
            "大阪支店",
            "日本語",
            "株式会社サンプル",
            "文字化け確認",
            "エラー",
            "ユーザ定義メッセージ",
            "ポストマスター",
            "全角ＡＢＣ１２３",
            "【重要】お知らせ",
            "〒100-0001 東京都千代田区",
            "表",
            "ソフト開発",
            "能力",
            "予定",
            "十分",
            "ﾃｽﾄ",
            "ｼｽﾃﾑ管理者");

    static final List<String> SHAPES = List.of("value", "one-line", "several-lines", "whole-file");

    private JapaneseCorpus() {}

    /** @return every phrase in every shape and encoding it can be written in */
    static List<Sample> samples() {
        List<Sample> out = new ArrayList<>();
        String server =
                new String(XMail127Default.bytes("server.tab"), StandardCharsets.ISO_8859_1).replace("\n", "\r\n");
        for (int i = 0; i < PHRASES.size(); i++) {
            String phrase = PHRASES.get(i);
            String next = PHRASES.get((i + 7) % PHRASES.size());
            String third = PHRASES.get((i + 13) % PHRASES.size());
            for (String shape : SHAPES) {
                String text =
                        switch (shape) {
                            case "value" -> phrase;
                            case "one-line" -> "\"SmtpMsgIPBan\"\t\"" + phrase + "\"\r\n";
                            case "several-lines" ->
                                "\"RootDomain\"\t\"example.jp\"\r\n\"SmtpMsgIPBan\"\t\"" + phrase
                                        + "\"\r\n\"CustomSMTPMessage\"\t\"" + next + "\"\r\n#\"SmtpMsgIPBanMaps\"\t\""
                                        + third
                                        + "\"\r\n";
                            default -> server + "\"CustomSMTPMessage\"\t\"" + phrase + "\"\r\n";
                        };
                for (Charset cs : List.of(TextEncoding.WINDOWS_31J, TextEncoding.EUC_JP, StandardCharsets.UTF_8)) {
                    CharsetEncoder enc = cs.newEncoder();
                    if (!enc.canEncode(text)) {
                        continue;
                    }
                    byte[] bytes = text.getBytes(cs);
                    out.add(new Sample(text, shape, cs, false, bytes));
                    if (cs.equals(StandardCharsets.UTF_8)) {
                        ByteArrayOutputStream b = new ByteArrayOutputStream();
                        b.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                        b.writeBytes(bytes);
                        out.add(new Sample(text, shape, cs, true, b.toByteArray()));
                    }
                }
            }
        }
        return out;
    }
}
