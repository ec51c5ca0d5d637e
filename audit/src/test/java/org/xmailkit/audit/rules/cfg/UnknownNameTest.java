package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmailkit.audit.testing.RuleCheck.findings;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.MailRootFixture;

class UnknownNameTest {

    private final UnknownName rule = new UnknownName();

    @TempDir
    Path dir;

    @Test
    void knownNamesAndXMailCfgNamesPass() {
        List<Finding> f = findings(rule, root(dir, """
                "RootDomain"\t"example.com"
                "SmtpMsgIPBandMaps"\t"550 no"
                "SMTPLocalRule1"\t"1"
                "SmtpConfig-192.0.2.1,587"\t"MailAuth"
                """));
        assertEquals(List.of(), f);
    }

    @Test
    void typoGetsASuggestion() {
        Finding f = single(
                findings(rule, root(dir, "\"RootDomain\"\t\"example.com\"\n\"EnableSMTP-TSL\"\t\"0\"\n")),
                "msg.CFG-001.unknown.suggest");
        assertEquals(2, f.location().line());
        assertEquals("EnableSMTP-TLS", f.message().args().get(1));
        assertTrue(f.message(Locale.ENGLISH).contains("did you mean EnableSMTP-TLS"));
        assertEquals("\"EnableSMTP-TSL\"<TAB>\"0\"", f.evidence().get(0));
    }

    @Test
    void caseVariantIsNamedAsSuch() {
        Finding f = single(findings(rule, root(dir, "\"enablesmtp-tls\"\t\"0\"\n")), "msg.CFG-001.unknown.case");
        assertEquals("EnableSMTP-TLS", f.message().args().get(1));
    }

    @Test
    void spaceAroundTheNameIsNamedAsSuch() {
        Finding f = single(
                findings(rule, root(dir, "\"RootDomain \"\t\"example.com\"\n")), "msg.CFG-001.unknown.whitespace");
        assertEquals("RootDomain", f.message().args().get(1));
    }

    @Test
    void removedNameIsSuggestedWithAWarning() {
        single(findings(rule, root(dir, "\"SMTP-RARPCheckk\"\t\"1\"\n")), "msg.CFG-001.unknown.suggestRemoved");
    }

    @Test
    void afterLogicPortSettingsPointToTheCommandLine() {
        List<Finding> f = findings(rule, root(dir, "\"SmtpPort\"\t\"25\"\n\"ImapPort\"\t\"143\"\n"));
        assertEquals(
                "-Sp",
                single(f, "msg.CFG-001.unknown.afterlogic").message().args().get(1));
        single(f, "msg.CFG-001.unknown.afterlogicImap");
    }

    @Test
    void forkOnlySettingIsNamed() {
        single(findings(rule, root(dir, "\"NoBounceToReplyAddress\"\t\"1\"\n")), "msg.CFG-001.unknown.fork");
    }

    @Test
    void nameWithoutAnyNeighbourIsPlainUnknown() {
        single(findings(rule, root(dir, "\"Frobnicate\"\t\"1\"\n")), "msg.CFG-001.unknown.plain");
    }

    @Test
    void byteOrderMarkGluedToTheFirstNameIsReported() {
        MailRoot r = MailRootFixture.in(dir)
                .bytes("server.tab", "\uFEFF\"RootDomain\"\t\"example.com\"\n".getBytes(StandardCharsets.UTF_8))
                .open();
        List<Finding> f = findings(rule, r);
        Finding bom = single(f, "msg.CFG-001.bom.setting");
        assertEquals("RootDomain", bom.message().args().get(0));
        assertEquals(1, f.size(), "the BOM is reported once, not also as an unknown name");
    }

    @Test
    void byteOrderMarkBeforeACommentIsReported() {
        MailRoot r = MailRootFixture.in(dir)
                .bytes(
                        "server.tab",
                        "\uFEFF# XMail settings\n\"RootDomain\"\t\"example.com\"\n".getBytes(StandardCharsets.UTF_8))
                .open();
        single(findings(rule, r), "msg.CFG-001.bom.comment");
    }
}
