package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.rules.sec.SecCheck.keys;
import static org.xmailkit.audit.rules.sec.SecCheck.run;
import static org.xmailkit.audit.rules.sec.SecCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoDnsblTest {

    private final NoDnsbl rule = new NoDnsbl();

    @Test
    void firesWhenAbsentOrEmpty(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-025.absent"), keys(run(rule, dir.resolve("a"), "")));
        assertEquals(List.of("msg.SEC-025.empty"), keys(run(rule, dir.resolve("b"), tab("CustMapsList", ""))));
        assertEquals(List.of("msg.SEC-025.empty"), keys(run(rule, dir.resolve("c"), tab("CustMapsList", "bl.example.net"))));
    }

    @Test
    void staysQuietWithAZone(@TempDir Path dir) {
        assertEquals(List.of(), run(rule, dir, tab("CustMapsList", "bl.example.net:1")));
    }
}
