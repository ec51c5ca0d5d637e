package org.xmailkit.audit.rules.upg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.xmailkit.audit.testing.RuleCheck.findings;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;
import static org.xmailkit.audit.testing.RuleCheck.upgrading;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.model.Catalog;
import org.xmailkit.model.Variable;
import org.xmailkit.model.testing.VariableFacts;
import org.xmailkit.model.version.VersionDetectorAccess;

class RemovedVariableTest {

    private final RemovedVariable rule = new RemovedVariable();

    @TempDir
    Path dir;

    @Test
    void currentNamesPass() {
        assertEquals(List.of(), findings(rule, root(dir, """
                "SMTP-RDNSCheck"\t"1"
                "HeloDomain"\t"mail.example.com"
                "SmtpGwConfig"\t"NeedTLS=1"
                """)));
    }

    @Test
    void rarpCheckIsRenamedWithItsValue() {
        Finding f = single(upgrading(rule, root(dir, "\"SMTP-RARPCheck\"\t\"1\"\n"), "0.54"), "msg.UPG-001.rename");
        assertEquals("\"SMTP-RDNSCheck\"<TAB>\"1\"", f.message().args().get(3));
        assertEquals("0.55", f.message().args().get(1));
    }

    @Test
    void rarpCheckNextToItsSuccessorIsJustDeleted() {
        single(
                upgrading(rule, root(dir, "\"SMTP-RDNSCheck\"\t\"1\"\n\"SMTP-RARPCheck\"\t\"1\"\n"), "0.54"),
                "msg.UPG-001.renameBoth");
    }

    @Test
    void mapsChecksAreNotCarriedOver() {
        List<Finding> f = upgrading(rule, root(dir, "\"RBL-MAPSCheck\"\t\"1\"\n\"DUL-MAPSCheck\"\t\"0\"\n"), "1.2");
        single(f, "msg.UPG-001.maps");
        single(f, "msg.UPG-001.off");
    }

    @Test
    void heloUseRootDomainBecomesHeloDomain() {
        Finding f = single(
                upgrading(rule, root(dir, "\"RootDomain\"\t\"example.com\"\n\"HeloUseRootDomain\"\t\"1\"\n"), "0.70"),
                "msg.UPG-001.helo");
        assertEquals("\"HeloDomain\"<TAB>\"example.com\"", f.message().args().get(2));
    }

    @Test
    void heloUseRootDomainWithoutRootDomainOrWithHeloDomain() {
        single(upgrading(rule, root(dir, "\"HeloUseRootDomain\"\t\"1\"\n"), "0.70"), "msg.UPG-001.heloNoRoot");
        single(
                upgrading(
                        rule,
                        root(dir.resolve("b"), "\"HeloDomain\"\t\"x.example\"\n\"HeloUseRootDomain\"\t\"1\"\n"),
                        "0.70"),
                "msg.UPG-001.heloBoth");
    }

    @Test
    void smtpTlsBecomesNeedTlsMergedIntoSmtpGwConfig() {
        Finding f = single(
                upgrading(rule, root(dir, "\"SmtpGwConfig\"\t\"OutBind=192.0.2.1\"\n\"SMTP-TLS\"\t\"1\"\n"), "1.24"),
                "msg.UPG-001.smtpTls");
        assertEquals(
                "\"SmtpGwConfig\"<TAB>\"OutBind=192.0.2.1,NeedTLS=1\"",
                f.message().args().get(2));
        single(
                upgrading(
                        rule, root(dir.resolve("b"), "\"SmtpGwConfig\"\t\"NeedTLS=2\"\n\"SMTP-TLS\"\t\"1\"\n"), "1.24"),
                "msg.UPG-001.smtpTlsBoth");
    }

    @Test
    void dynDnsSetupNeverShowsItsCredentials() {
        Finding f = single(
                upgrading(rule, root(dir, "\"DynDnsSetup\"\t\"dyn.example,80,/upd?ip=%s,user,s3cret\"\n"), "1.23"),
                "msg.UPG-001.dynDns");
        assertEquals(
                "\"DynDnsSetup\"<TAB>\"dyn.example,********\"", f.evidence().get(0));
        for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            assertFalse(f.message(l).contains("s3cret"));
        }
    }

    @Test
    void variableAlreadyDeadInTheSourceIsALeftoverToDelete() {
        Finding f = single(upgrading(rule, root(dir, "\"SMTP-RARPCheck\"\t\"1\"\n"), "1.25"), "msg.UPG-001.leftover");
        assertEquals("1.25", f.message().args().get(2));
    }

    @Test
    void everyRemovedCatalogueNameIsHandled() {
        for (Variable v : Catalog.builtin().all()) {
            if (v.role() != Variable.Role.REMOVED) {
                continue;
            }
            Path d = dir.resolve(v.name());
            String before = VersionDetectorAccess.previous(v.removedVersion().orElseThrow());
            List<Finding> f = upgrading(rule, root(d, "\"" + v.name() + "\"\t\"1\"\n"), before);
            assertEquals(1, f.size(), v.name());
        }
    }

    /** Compares with the facts about every variable (model's bundled copy of the research table). */
    @Test
    void removedNamesMatchTheFacts() {
        Set<String> removed = new TreeSet<>();
        VariableFacts.bundled().values().stream()
                .filter(r -> !r.get("removed_in").isEmpty())
                .forEach(r -> removed.add(r.get("name")));
        assertFalse(removed.isEmpty());
        Set<String> catalogue = new TreeSet<>();
        Catalog.builtin().all().stream()
                .filter(v -> v.role() == Variable.Role.REMOVED)
                .forEach(v -> catalogue.add(v.name()));
        assertEquals(removed, catalogue);
    }
}
