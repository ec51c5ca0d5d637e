package org.xmailkit.model;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An XMail version: {@code 0.74}, {@code 1.22}, {@code 1.27pre06}, {@code 1.27}, or the migration target
 * {@code 1.27-localized} (the updated, localized 1.27 build, ordered after the original 1.27).
 * Minor numbers compare as numbers, so {@code 1.6 < 1.10 < 1.27}.
 */
public final class XMailVersion implements Comparable<XMailVersion> {

    /** XMail 1.27, the original release. */
    public static final XMailVersion V1_27 = new XMailVersion(1, 27, 0, false, "1.27");
    /** The updated, localized XMail 1.27 build (adds SMTPLocalRule1/2 and OpenSSL 1.1.1). */
    public static final XMailVersion V1_27_LOCALIZED = new XMailVersion(1, 27, 0, true, "1.27-localized");
    /** Anything before 0.50, the first numbered release (the ChangeLog's dated entries of 1999-2000). */
    public static final XMailVersion EARLIEST = new XMailVersion(0, 0, 0, false, "pre-0.50");

    private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)(?:pre(\\d+))?(-localized)?");
    private static final Comparator<XMailVersion> ORDER = Comparator.comparingInt((XMailVersion v) -> v.major)
            .thenComparingInt(v -> v.minor)
            .thenComparingInt(v -> v.pre == 0 ? Integer.MAX_VALUE : v.pre)
            .thenComparing(v -> v.localized);

    private final int major;
    private final int minor;
    private final int pre;
    private final boolean localized;
    private final String text;

    private XMailVersion(int major, int minor, int pre, boolean localized, String text) {
        this.major = major;
        this.minor = minor;
        this.pre = pre;
        this.localized = localized;
        this.text = text;
    }

    /**
     * @param text a version such as {@code 1.24}, {@code 1.27pre06} or {@code 1.27-localized}
     * @return the version
     * @throws IllegalArgumentException when the text is not a version
     */
    public static XMailVersion parse(String text) {
        String t = text.trim();
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an XMail version: " + text);
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int pre = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        boolean localized = m.group(4) != null;
        if (localized && (major != 1 || minor != 27 || pre != 0)) {
            throw new IllegalArgumentException("only 1.27 has a localized build: " + text);
        }
        return new XMailVersion(major, minor, pre, localized, t);
    }

    /**
     * Parses a version as the catalogue records it: a version, {@code pre-0.50 (date)} or {@code unknown}.
     *
     * @param recorded the recorded text
     * @return the version, {@link #EARLIEST} for pre-0.50, empty when unknown
     */
    public static Optional<XMailVersion> parseRecorded(String recorded) {
        String t = recorded.trim();
        if (t.isEmpty() || t.startsWith("unknown")) {
            return Optional.empty();
        }
        if (t.startsWith("pre-0.50")) {
            return Optional.of(EARLIEST);
        }
        int space = t.indexOf(' ');
        return Optional.of(parse(space < 0 ? t : t.substring(0, space)));
    }

    /** @return the major number */
    public int major() {
        return major;
    }

    /** @return the minor number */
    public int minor() {
        return minor;
    }

    /** @return the pre-release number, 0 for a release */
    public int pre() {
        return pre;
    }

    /** @return whether this is the localized 1.27 build */
    public boolean localized() {
        return localized;
    }

    /** @return this version without the localized marker */
    public XMailVersion original() {
        return localized ? V1_27 : this;
    }

    /**
     * @param other a version
     * @return whether this version is earlier than the other
     */
    public boolean isBefore(XMailVersion other) {
        return compareTo(other) < 0;
    }

    /**
     * @param other a version
     * @return whether this version is the other or later
     */
    public boolean isAtLeast(XMailVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(XMailVersion o) {
        return ORDER.compare(this, o);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XMailVersion v
                && v.major == major
                && v.minor == minor
                && v.pre == pre
                && v.localized == localized;
    }

    @Override
    public int hashCode() {
        return ((major * 131 + minor) * 131 + pre) * 2 + (localized ? 1 : 0);
    }

    @Override
    public String toString() {
        return text;
    }
}
