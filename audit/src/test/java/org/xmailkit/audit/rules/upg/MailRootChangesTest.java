package org.xmailkit.audit.rules.upg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.bare;
import static org.xmailkit.audit.testing.RuleCheck.upgrading;
import static org.xmailkit.audit.testing.RuleCheck.outcome;
import static org.xmailkit.audit.testing.RuleCheck.single;
import static org.xmailkit.audit.testing.RuleCheck.withKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.MailRootFixture;

/** UPG-011 (required files) and UPG-012 (smtpextauth.tab format). */
class MailRootChangesTest {

    @TempDir
    Path dir;

    @Test
    void oldMailRootLacksNewerFiles() throws Exception {
        MailRoot r = MailRootFixture.in(dir).serverTab("\"RootDomain\"\t\"example.com\"\n")
                .file("aliasdomain.tab", "").open();
        List<Finding> f = upgrading(new RequiredFiles(), r, "1.0");
        assertEquals(1, withKey(f, "msg.UPG-011.dir.new").size());
        assertEquals(2, withKey(f, "msg.UPG-011.file.new").size());
        assertEquals(dir.resolve("cmdaliases"), withKey(f, "msg.UPG-011.dir.new").get(0).location().file());
    }

    @Test
    void completeMailRootPasses() throws Exception {
        MailRoot r = MailRootFixture.in(dir).serverTab("\"RootDomain\"\t\"example.com\"\n")
                .file("aliasdomain.tab", "").file("filters.in.tab", "").file("filters.out.tab", "").open();
        Files.createDirectories(dir.resolve("cmdaliases"));
        assertEquals(List.of(), upgrading(new RequiredFiles(), r, "1.0"));
    }

    @Test
    void missingFileInANewerMailRootIsStillReported() {
        MailRoot r = MailRootFixture.in(dir).serverTab("\"RootDomain\"\t\"example.com\"\n").open();
        assertEquals(4, upgrading(new RequiredFiles(), r, "1.26").stream()
                .filter(f -> f.message().key().endsWith(".missing")).count());
    }

    @Test
    void filesAreNotApplicableToABareServerTab() {
        assertEquals(RuleOutcome.Status.NOT_APPLICABLE, outcome(new RequiredFiles(), bare(dir, "# x\n")));
    }

    @Test
    void extAuthEntriesFromBefore124() {
        MailRoot r = MailRootFixture.in(dir).serverTab("\"RootDomain\"\t\"example.com\"\n")
                .file("smtpextauth.tab", "# external auth\n\"PLAIN\"\t\"/usr/bin/auth\"\t\"@@USER\"\n").open();
        Finding f = single(upgrading(new ExtAuthFormat(), r, "1.22"), "msg.UPG-012.certain");
        assertEquals(2, f.location().line());
        assertEquals(List.of(), upgrading(new ExtAuthFormat(), r, "1.24"));
    }

    @Test
    void emptyExtAuthPasses() {
        MailRoot r = MailRootFixture.in(dir).serverTab("\"RootDomain\"\t\"example.com\"\n")
                .file("smtpextauth.tab", "").open();
        assertEquals(List.of(), upgrading(new ExtAuthFormat(), r, "1.22"));
    }
}
