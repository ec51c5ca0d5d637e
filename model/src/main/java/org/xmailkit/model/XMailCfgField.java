package org.xmailkit.model;

import java.util.Locale;
import java.util.Objects;

/**
 * Where XMailCFG's "XMail 環境設定 — XMail 1.27 対応" page shows a setting.
 *
 * @param section  the page section id ({@code basic}, {@code gateway}, {@code security}, {@code tls},
 *                 {@code errors}, {@code psync}, {@code auth}, {@code localized})
 * @param order    1-based position on the page
 * @param shownAs  the name the page prints in parentheses (may be a misspelling or a split name)
 * @param labelJa  the page's Japanese label
 * @param labelEn  an English rendering of the label
 * @param required whether the page marks it {@code *} (required)
 * @param ui       the form control and the values it writes, e.g. {@code 無効=0|有効=1}
 */
public record XMailCfgField(String section, int order, String shownAs, String labelJa, String labelEn,
                            boolean required, String ui) {

    public XMailCfgField {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(shownAs, "shownAs");
        Objects.requireNonNull(labelJa, "labelJa");
        Objects.requireNonNull(labelEn, "labelEn");
        Objects.requireNonNull(ui, "ui");
    }

    /**
     * @param locale the language
     * @return the label in that language
     */
    public String label(Locale locale) {
        return Messages.isJapanese(locale) ? labelJa : labelEn;
    }
}
