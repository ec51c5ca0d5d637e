package org.xmailkit.report.text;

/** Aligns text in columns by its width on a terminal: CJK and full-width characters take two columns. */
public final class Columns {

    private Columns() {}

    /**
     * @param s text
     * @return how many terminal columns it takes
     */
    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            boolean wide = (c >= 0x1100 && c <= 0x115F)
                    || (c >= 0x2E80 && c <= 0xA4CF)
                    || (c >= 0xAC00 && c <= 0xD7A3)
                    || (c >= 0xF900 && c <= 0xFAFF)
                    || (c >= 0xFE30 && c <= 0xFE4F)
                    || (c >= 0xFF00 && c <= 0xFF60)
                    || (c >= 0xFFE0 && c <= 0xFFE6)
                    || c >= 0x1F300;
            w += wide ? 2 : 1;
        }
        return w;
    }

    /**
     * @param s       text
     * @param columns the column width
     * @return the text followed by spaces up to the width (unchanged when it is as wide or wider)
     */
    public static String pad(String s, int columns) {
        int w = width(s);
        return w >= columns ? s : s + " ".repeat(columns - w);
    }

    /**
     * @param s       text
     * @param columns the column width
     * @return the text padded to the width, with at least one space after it
     */
    public static String cell(String s, int columns) {
        return pad(s, columns - 1) + " ";
    }
}
