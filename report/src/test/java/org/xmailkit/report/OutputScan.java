package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.xmailkit.model.fs.Hashes;
import org.xmailkit.model.fs.WriteManifest;

/**
 * Checks a written report the way a browser would see it: nothing loaded from anywhere, every link relative and
 * resolving to a file and anchor of the report, the only script and style those the Content Security Policy allows,
 * header cells with a scope, the language set.
 */
public final class OutputScan {

    private static final Pattern ATTR = Pattern.compile(
            "\\s(href|src|action|xlink:href|srcset|poster|data)=\"([^\"]*" + ")\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");
    private static final Pattern CSP = Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"");

    private OutputScan() {}

    /** @return every file under the directory */
    public static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Keys whose values may be web addresses in JSON and SARIF: citations and schema names, never loaded. */
    private static final Set<String> LINK_KEYS = Set.of("$schema", "informationUri", "helpUri", "url");

    /**
     * Runs every check on every file under the directory: HTML pages as a browser sees them; in JSON and SARIF files
     * (data, which no browser loads) a location is a relative path, and only citations ({@link #LINK_KEYS}) are web
     * addresses.
     */
    public static void check(Path dir) throws Exception {
        List<Path> all = files(dir);
        List<Path> html =
                all.stream().filter(p -> p.toString().endsWith(".html")).toList();
        assertFalse(html.isEmpty(), "no HTML written under " + dir);
        for (Path p : html) {
            checkPage(dir, p);
        }
        for (Path p : all) {
            String name = p.getFileName().toString();
            if (name.endsWith(".json") || name.endsWith(".sarif")) {
                checkData(p);
            } else if (name.equals(WriteManifest.FILE)) {
                checkManifest(dir, p, all);
            } else {
                assertTrue(name.endsWith(".html"), "unexpected file in the report: " + p);
            }
        }
    }

    /** The manifest lists every other file of the report, each with its SHA-256 (as {@code sha256sum -c} checks). */
    static void checkManifest(Path dir, Path manifest, List<Path> all) throws IOException {
        List<String> listed = new ArrayList<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            String name = line.substring(66);
            assertEquals(Hashes.sha256(Files.readAllBytes(dir.resolve(name))), line.substring(0, 64), name);
            assertEquals("  ", line.substring(64, 66), line);
            listed.add(name);
        }
        List<String> files = all.stream()
                .filter(p -> !p.equals(manifest))
                .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                .sorted()
                .toList();
        assertEquals(files, listed.stream().sorted().toList(), "the manifest lists every file of the report");
    }

    /** A JSON or SARIF file: every location ({@code uri}, {@code url}, ...) relative, except citations. */
    public static void checkData(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        walk(file.getFileName().toString(), "", root);
    }

    private static void walk(String file, String key, JsonNode n) {
        if (n.isObject()) {
            n.properties().forEach(e -> walk(file, e.getKey(), e.getValue()));
        } else if (n.isArray()) {
            n.forEach(c -> walk(file, key, c));
        } else if (n.isTextual()) {
            String k = key.toLowerCase(Locale.ROOT);
            String v = n.asText().toLowerCase(Locale.ROOT);
            boolean location = k.endsWith("uri") || k.endsWith("url") || k.equals("href") || k.equals("src");
            // A file: URI names the scan root on this machine (SARIF originalUriBaseIds); it loads nothing.
            if (location && (v.contains(":") || v.startsWith("//")) && !v.startsWith("file:///")) {
                assertTrue(LINK_KEYS.contains(key) && v.startsWith("https://"), file + ": " + key + " = " + n.asText());
            }
        }
    }

    static void checkPage(Path dir, Path page) throws Exception {
        String name = dir.relativize(page).toString();
        String s = Files.readString(page, StandardCharsets.UTF_8);
        String lower = s.toLowerCase(Locale.ROOT);
        assertTrue(s.startsWith("<!DOCTYPE html>"), name);
        assertTrue(s.matches("(?s).*<html lang=\"(en|ja)\">.*"), name + ": lang");
        for (String banned : List.of(
                "http:",
                "https:",
                "ftp:",
                "file:",
                "<iframe",
                "<object",
                "<embed",
                "<link",
                "<img",
                "<base",
                "<frame",
                "<meta http-equiv=\"refresh\"",
                "@import",
                "javascript:")) {
            assertFalse(lower.contains(banned), name + " contains " + banned);
        }
        Matcher a = ATTR.matcher(s);
        while (a.find()) {
            String attr = a.group(1).toLowerCase(Locale.ROOT);
            String value = a.group(2).replace("&amp;", "&");
            if (attr.equals("href")) {
                checkLink(dir, page, value);
            } else {
                assertTrue(value.startsWith("data:"), name + ": " + attr + "=" + value);
            }
        }
        Matcher url = Pattern.compile("url\\(([^)]*)\\)").matcher(s);
        while (url.find()) {
            assertTrue(url.group(1).replace("\"", "").replace("'", "").startsWith("data:"), name + ": " + url.group());
        }
        // Every header cell says what it heads.
        Matcher th = Pattern.compile("<th(\\s[^>]*)?>").matcher(s);
        int headers = 0;
        while (th.find()) {
            headers++;
            assertTrue(
                    th.group().contains(" scope=\"col\"") || th.group().contains(" scope=\"row\""),
                    name + ": " + th.group());
        }
        assertTrue(headers > 0 || !s.contains("<table"), name + ": a table without header cells");
        // Exactly one script and one style, each allowed by the page's policy by hash, and nothing else.
        Matcher csp = CSP.matcher(s);
        assertTrue(csp.find(), name + ": no CSP");
        String policy = csp.group(1).replace("&#39;", "'");
        assertTrue(policy.startsWith("default-src 'none';"), policy);
        assertFalse(policy.contains("unsafe"), policy);
        assertEquals(1, count(lower, "<script"), name + ": scripts");
        assertEquals(1, count(lower, "<style"), name + ": styles");
        assertTrue(policy.contains("'sha256-" + sha256(between(s, "<script>", "</script>")) + "'"), name + ": script");
        assertTrue(policy.contains("'sha256-" + sha256(between(s, "<style>", "</style>")) + "'"), name + ": style");
        // Real tags only: escaped data shows as &lt;...&gt; text and is no tag.
        Matcher tag = Pattern.compile("<[a-zA-Z][^>]*>").matcher(s);
        while (tag.find()) {
            String t = tag.group();
            assertFalse(
                    Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE)
                            .matcher(t)
                            .find(),
                    name + ": " + t);
            assertFalse(
                    t.toLowerCase(Locale.ROOT).contains(" style="), name + ": style attribute (blocked by the policy)");
        }
    }

    private static void checkLink(Path dir, Path page, String href) throws IOException {
        String name = dir.relativize(page).toString();
        assertFalse(href.contains("//"), name + ": " + href);
        assertFalse(href.contains(":"), name + ": " + href);
        String file = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        String fragment = href.contains("#") ? href.substring(href.indexOf('#') + 1) : "";
        Path target = file.isEmpty()
                ? page
                : page.getParent()
                        .resolve(URLDecoder.decode(file, StandardCharsets.UTF_8))
                        .normalize();
        assertTrue(target.startsWith(dir.normalize()), name + ": link leaves the report: " + href);
        if (!Files.isRegularFile(target)) {
            fail(name + ": broken link " + href);
        }
        if (!fragment.isEmpty()) {
            String t = Files.readString(target, StandardCharsets.UTF_8);
            List<String> ids = new ArrayList<>();
            Matcher m = ID.matcher(t);
            while (m.find()) {
                ids.add(m.group(1));
            }
            assertTrue(ids.contains(fragment), name + ": no anchor " + href);
        }
    }

    public static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String between(String s, String open, String close) {
        int a = s.indexOf(open) + open.length();
        return s.substring(a, s.indexOf(close, a));
    }

    private static String sha256(String text) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
