package org.xmailkit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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
 * @param ui       the form control and what it writes: {@code text}, {@code text:<format hint>},
 *                 {@code number}, {@code number:<unit>}, {@code radio:<label>=<value>|...} or
 *                 {@code checkboxes:<label>=<letter>|...}; a value {@code -N} stands for a number typed by the user
 */
public record XMailCfgField(
        String section, int order, String shownAs, String labelJa, String labelEn, boolean required, String ui) {

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

    /**
     * One button of a radio group or one check box: the text the page shows and the value it writes.
     *
     * @param label the page's text
     * @param value the value written to server.tab ({@code -N}: the negated number typed next to it)
     */
    public record Choice(String label, String value) {
        public Choice {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    /** @return the form control: {@code text}, {@code number}, {@code radio} or {@code checkboxes} */
    public String control() {
        int colon = ui.indexOf(':');
        return colon < 0 ? ui : ui.substring(0, colon);
    }

    /** @return the text after the control: a format hint, a unit, or the choices; empty when there is none */
    public String detail() {
        int colon = ui.indexOf(':');
        return colon < 0 ? "" : ui.substring(colon + 1);
    }

    /** @return the choices of a radio group or check box list, in page order; empty for other controls */
    public List<Choice> choices() {
        String control = control();
        if (!control.equals("radio") && !control.equals("checkboxes")) {
            return List.of();
        }
        List<Choice> out = new ArrayList<>();
        for (String part : detail().split("\\|")) {
            int eq = part.lastIndexOf('=');
            if (eq > 0) {
                out.add(new Choice(part.substring(0, eq), part.substring(eq + 1)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The radio button the page shows checked for a value: the one that writes exactly it, or for a negative number
     * the {@code -N} button with the number typed next to it (its label's leading {@code N} replaced by the number,
     * or the number after the label).
     *
     * @param value a value as written in server.tab
     * @return the button's text, if one shows the value
     */
    public Optional<String> choiceLabel(String value) {
        String v = value.strip();
        Optional<String> exact = choices().stream()
                .filter(c -> c.value().equals(v))
                .map(Choice::label)
                .findFirst();
        if (exact.isPresent() || !v.matches("-\\d+")) {
            return exact;
        }
        String n = v.substring(1);
        return choices().stream()
                .filter(c -> c.value().equals("-N"))
                .map(Choice::label)
                .findFirst()
                .map(label -> label.startsWith("N ") ? n + label.substring(1) : label + " " + n);
    }

    /**
     * How the page shows a value: the checked radio button ({@link #choiceLabel}), the checked boxes joined with
     * {@code 、}, or a number's unit. These are XMailCFG's own (Japanese) words.
     *
     * @param value a value as written in server.tab
     * @return the text, if the control shows the value as more than the value itself
     */
    public Optional<String> shown(String value) {
        String v = value.strip();
        return switch (control()) {
            case "radio" -> choiceLabel(v);
            case "checkboxes" -> {
                List<String> on = new ArrayList<>();
                for (Choice c : choices()) {
                    if (!c.value().isBlank() && v.contains(c.value().strip())) {
                        on.add(c.label().strip());
                    }
                }
                yield on.isEmpty() ? Optional.empty() : Optional.of(String.join("\u3001", on));
            }
            case "number" -> detail().isEmpty() || !v.matches("-?\\d+") ? Optional.empty() : Optional.of(detail());
            default -> Optional.empty();
        };
    }
}
