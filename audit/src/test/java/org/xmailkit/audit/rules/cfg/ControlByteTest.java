package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.rules.RuleTesting.root;
import static org.xmailkit.audit.rules.RuleTesting.run;
import static org.xmailkit.audit.rules.RuleTesting.single;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.model.testing.MailRootFixture;

class ControlByteTest {

    private final ControlByte rule = new ControlByte();

    @TempDir
    Path dir;

    @Test
    void crlfFilePasses() {
        assertEquals(List.of(), run(rule, MailRootFixture.in(dir).crlf()
                .serverTab("\"RootDomain\"\t\"example.com\"\n\"PostMaster\"\t\"pm@example.com\"\n").open()));
    }

    @Test
    void nulByteCutsTheValue() {
        Finding f = single(run(rule, root(dir, "\"RootDomain\"\t\"exam\0ple.com\"\n")), "cfg.nul.entry");
        assertEquals("RootDomain", f.message().args().get(1));
        assertEquals("exam", f.message().args().get(2));
    }

    @Test
    void loneCarriageReturnStaysInTheValue() {
        single(run(rule, root(dir, "\"RootDomain\"\t\"example.com\r\"\t\"x\"\n")), "cfg.cr");
    }

    @Test
    void crOnlyFileIsOneLine() {
        single(run(rule, root(dir, "\"RootDomain\"\t\"a\"\r\"PostMaster\"\t\"b\"\r\"HeloDomain\"\t\"c\"\r")),
                "cfg.cr.crOnly");
    }

    @Test
    void ctrlZCountsTheSettingsAfterIt() {
        Finding f = single(run(rule, root(dir, "\"RootDomain\"\t\"a\"\n\u001A\n\"PostMaster\"\t\"b\"\n"
                + "\"HeloDomain\"\t\"c\"\n")), "cfg.ctrlZ");
        assertEquals("2", f.message().args().get(0));
    }
}
