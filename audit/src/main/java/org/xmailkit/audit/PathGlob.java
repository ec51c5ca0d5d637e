package org.xmailkit.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A path glob of a waiver. {@code *} matches within one path segment, {@code **} across segments, {@code ?} one
 * character other than {@code /}; a backslash is taken as a separator (Windows users write paths that way). The glob
 * matches the end of a path, on whole segments: {@code server.tab} matches every server.tab and
 * {@code mail01/*.tab} matches {@code fleet/mail01/smtprelay.tab}, wherever the scan started. Matching is
 * case-sensitive.
 *
 * @param glob the glob as written
 */
public record PathGlob(String glob) {

    public PathGlob {
        Objects.requireNonNull(glob, "glob");
        if (normalise(glob).isEmpty()) {
            throw new IllegalArgumentException("empty glob");
        }
    }

    /**
     * @param path a path (absolute or relative)
     * @return whether the glob matches the path or one of its trailing runs of segments
     */
    public boolean matches(Path path) {
        Pattern p = pattern();
        List<String> segments = new ArrayList<>();
        for (Path part : path.normalize()) {
            segments.add(part.toString());
        }
        for (int start = 0; start < segments.size(); start++) {
            if (p.matcher(String.join("/", segments.subList(start, segments.size())))
                    .matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param text a name that is not a file, such as a probed endpoint {@code host:port}; {@code /} separates
     *             segments as in a path
     * @return whether the glob matches it or one of its trailing runs of segments
     */
    public boolean matches(String text) {
        Pattern p = pattern();
        String[] segments = text.replace('\\', '/').split("/", -1);
        for (int start = 0; start < segments.length; start++) {
            if (p.matcher(String.join("/", List.of(segments).subList(start, segments.length)))
                    .matches()) {
                return true;
            }
        }
        return false;
    }

    private Pattern pattern() {
        String g = normalise(glob);
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < g.length()) {
            char c = g.charAt(i);
            if (c == '/' && g.substring(i).equals("/**")) {
                re.append("(?:/.*)?"); // "dir/**" also matches "dir" itself (a finding about a whole MailRoot)
                break;
            }
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                if (i + 2 < g.length() && g.charAt(i + 2) == '/') {
                    re.append("(?:.*/)?"); // "**/" also matches no directory at all
                    i += 3;
                } else {
                    re.append(".*");
                    i += 2;
                }
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(re.toString());
    }

    private static String normalise(String glob) {
        String g = glob.strip().replace('\\', '/');
        while (g.startsWith("./")) {
            g = g.substring(2);
        }
        while (g.startsWith("/")) {
            g = g.substring(1);
        }
        while (g.endsWith("/")) {
            g = g.substring(0, g.length() - 1);
        }
        return g.replaceAll("/{2,}", "/");
    }
}
