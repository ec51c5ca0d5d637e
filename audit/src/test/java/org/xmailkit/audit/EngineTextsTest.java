package org.xmailkit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EngineTextsTest {

    private static TreeMap<String, TreeSet<String>> placeholders(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = EngineTextsTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        TreeMap<String, TreeSet<String>> out = new TreeMap<>();
        Pattern ph = Pattern.compile("\\{\\d+}");
        for (String k : p.stringPropertyNames()) {
            TreeSet<String> found = new TreeSet<>();
            Matcher m = ph.matcher(p.getProperty(k));
            while (m.find()) {
                found.add(m.group());
            }
            out.put(k, found);
        }
        return out;
    }

    @Test
    void engineTextsExistInBothLanguagesWithTheSamePlaceholders() throws IOException {
        assertEquals(placeholders("/org/xmailkit/audit/messages.properties"),
                placeholders("/org/xmailkit/audit/messages_ja.properties"));
    }
}
