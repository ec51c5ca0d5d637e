package org.xmailkit.audit.rules.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.rules.sec.SecCheck.keys;
import static org.xmailkit.audit.rules.sec.SecCheck.run;
import static org.xmailkit.audit.rules.sec.SecCheck.tab;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NullSenderRefusedTest {

    private final NullSenderRefused rule = new NullSenderRefused();

    @Test
    void firesOnZeroAndOnTheEmptyValue(@TempDir Path dir) {
        assertEquals(List.of("msg.SEC-028.off"), keys(run(rule, dir.resolve("a"), tab("AllowNullSender", "0"))));
        assertEquals(List.of("msg.SEC-028.empty"), keys(run(rule, dir.resolve("b"), tab("AllowNullSender", ""))));
    }

    @Test
    void staysQuietWhenOnOrAbsent(@TempDir Path dir) {
        assertEquals(List.of(), run(rule, dir.resolve("a"), tab("AllowNullSender", "1")));
        assertEquals(List.of(), run(rule, dir.resolve("b"), ""));
    }
}
