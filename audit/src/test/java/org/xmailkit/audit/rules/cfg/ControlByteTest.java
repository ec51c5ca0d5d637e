package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.findings;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;

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
        assertEquals(
                List.of(),
                findings(
                        rule,
                        MailRootFixture.in(dir)
                                .crlf()
                                .serverTab("\"RootDomain\"\t\"example.com\"\n\"PostMaster\"\t\"pm@example.com\"\n")
                                .open()));
    }

    @Test
    void nulByteCutsTheValue() {
        Finding f = single(findings(rule, root(dir, "\"RootDomain\"\t\"exam\0ple.com\"\n")), "msg.CFG-007.nul.entry");
        assertEquals("RootDomain", f.message().args().get(1));
        assertEquals("exam", f.message().args().get(2));
    }

    @Test
    void loneCarriageReturnStaysInTheValue() {
        single(findings(rule, root(dir, "\"RootDomain\"\t\"example.com\r\"\t\"x\"\n")), "msg.CFG-007.cr");
    }

    @Test
    void crOnlyFileIsOneLine() {
        single(
                findings(rule, root(dir, "\"RootDomain\"\t\"a\"\r\"PostMaster\"\t\"b\"\r\"HeloDomain\"\t\"c\"\r")),
                "msg.CFG-007.cr.crOnly");
    }

    @Test
    void ctrlZCountsTheSettingsAfterIt() {
        Finding f = single(
                findings(
                        rule,
                        root(
                                dir,
                                "\"RootDomain\"\t\"a\"\n\u001A\n\"PostMaster\"\t\"b\"\n" + "\"HeloDomain\"\t\"c\"\n")),
                "msg.CFG-007.ctrlZ");
        assertEquals("2", f.message().args().get(0));
    }
}
