package org.xmailkit.report;

/** Chart geometry shared by the model builders, so that templates only place what Java computed. */
public final class Charts {

    /** The longest bar, in SVG user units. */
    public static final int WIDTH = 220;

    private Charts() {}

    /**
     * @param value a count
     * @param max   the largest count of the chart
     * @return the bar length: proportional, at least 2 units for a non-zero count so it stays visible
     */
    public static int bar(long value, long max) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return (int) Math.max(2, Math.round((double) WIDTH * value / max));
    }
}
