package org.xmailkit.report;

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

class OutputTextsTest {

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = OutputTextsTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static TreeMap<String, TreeSet<String>> placeholders(Properties p) {
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
    void everyOutputTextExistsInBothLanguagesWithTheSamePlaceholders() throws IOException {
        Properties en = load("/org/xmailkit/report/output.properties");
        Properties ja = load("/org/xmailkit/report/output_ja.properties");
        assertEquals(placeholders(en), placeholders(ja));
    }
}
