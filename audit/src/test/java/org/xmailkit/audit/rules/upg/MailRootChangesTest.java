package org.xmailkit.audit.rules.upg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.bare;
import static org.xmailkit.audit.testing.RuleCheck.outcome;
import static org.xmailkit.audit.testing.RuleCheck.single;
import static org.xmailkit.audit.testing.RuleCheck.upgrading;
import static org.xmailkit.audit.testing.RuleCheck.withKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
        MailRoot r = MailRootFixture.in(dir)
                .serverTab("\"RootDomain\"\t\"example.com\"\n")
                .file("aliasdomain.tab", "")
                .open();
        List<Finding> f = upgrading(new RequiredFiles(), r, "1.0");
        assertEquals(1, withKey(f, "msg.UPG-011.dir.new").size());
        assertEquals(2, withKey(f, "msg.UPG-011.file.new").size());
        assertEquals(
                dir.resolve("cmdaliases"),
                withKey(f, "msg.UPG-011.dir.new").get(0).location().file());
        // Without these four XMail 1.27 does not start at all, whatever the source version.
        assertEquals(
                Set.of("mailusers.tab", "aliases.tab", "extaliases.tab", "domains.tab"),
                withKey(f, "msg.UPG-011.file.startup").stream()
                        .map(x -> x.location().file().getFileName().toString())
                        .collect(Collectors.toSet()));
    }

    @Test
    void completeMailRootPasses() throws Exception {
        MailRoot r = MailRootFixture.in(dir)
                .serverTab("\"RootDomain\"\t\"example.com\"\n")
                .file("aliasdomain.tab", "")
                .file("filters.in.tab", "")
                .file("filters.out.tab", "")
                .file("mailusers.tab", "")
                .file("aliases.tab", "")
                .file("extaliases.tab", "")
                .file("domains.tab", "")
                .open();
        Files.createDirectories(dir.resolve("cmdaliases"));
        assertEquals(List.of(), upgrading(new RequiredFiles(), r, "1.0"));
    }

    @Test
    void missingFileInANewerMailRootIsStillReported() {
        MailRoot r = MailRootFixture.in(dir)
                .serverTab("\"RootDomain\"\t\"example.com\"\n")
                .open();
        List<Finding> f = upgrading(new RequiredFiles(), r, "1.26");
        assertEquals(
                3,
                f.stream().filter(x -> x.message().key().endsWith(".missing")).count());
        assertEquals(5, withKey(f, "msg.UPG-011.file.startup").size());
    }

    @Test
    void filesAreNotApplicableToABareServerTab() {
        assertEquals(RuleOutcome.Status.NOT_APPLICABLE, outcome(new RequiredFiles(), bare(dir, "# x\n")));
    }

    @Test
    void extAuthEntriesFromBefore124() {
        MailRoot r = MailRootFixture.in(dir)
                .serverTab("\"RootDomain\"\t\"example.com\"\n")
                .file("smtpextauth.tab", "# external auth\n\"PLAIN\"\t\"/usr/bin/auth\"\t\"@@USER\"\n")
                .open();
        Finding f = single(upgrading(new ExtAuthFormat(), r, "1.22"), "msg.UPG-012.certain");
        assertEquals(2, f.location().line());
        assertEquals(List.of(), upgrading(new ExtAuthFormat(), r, "1.24"));
    }

    @Test
    void emptyExtAuthPasses() {
        MailRoot r = MailRootFixture.in(dir)
                .serverTab("\"RootDomain\"\t\"example.com\"\n")
                .file("smtpextauth.tab", "")
                .open();
        assertEquals(List.of(), upgrading(new ExtAuthFormat(), r, "1.22"));
    }
}
