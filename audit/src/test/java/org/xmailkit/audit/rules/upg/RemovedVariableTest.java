package org.xmailkit.audit.rules.upg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.xmailkit.audit.rules.RuleTesting.from;
import static org.xmailkit.audit.rules.RuleTesting.root;
import static org.xmailkit.audit.rules.RuleTesting.run;
import static org.xmailkit.audit.rules.RuleTesting.single;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;

class RemovedVariableTest {

    private final RemovedVariable rule = new RemovedVariable();

    @TempDir
    Path dir;

    @Test
    void currentNamesPass() {
        assertEquals(List.of(), run(rule, root(dir, """
                "SMTP-RDNSCheck"\t"1"
                "HeloDomain"\t"mail.example.com"
                "SmtpGwConfig"\t"NeedTLS=1"
                """)));
    }

    @Test
    void rarpCheckIsRenamedWithItsValue() {
        Finding f = single(from(rule, root(dir, "\"SMTP-RARPCheck\"\t\"1\"\n"), "0.54"), "upg.removed.rename");
        assertEquals("\"SMTP-RDNSCheck\"<TAB>\"1\"", f.message().args().get(3));
        assertEquals("0.55", f.message().args().get(1));
    }

    @Test
    void rarpCheckNextToItsSuccessorIsJustDeleted() {
        single(from(rule, root(dir, "\"SMTP-RDNSCheck\"\t\"1\"\n\"SMTP-RARPCheck\"\t\"1\"\n"), "0.54"),
                "upg.removed.renameBoth");
    }

    @Test
    void mapsChecksAreNotCarriedOver() {
        List<Finding> f = from(rule, root(dir, "\"RBL-MAPSCheck\"\t\"1\"\n\"DUL-MAPSCheck\"\t\"0\"\n"), "1.2");
        single(f, "upg.removed.maps");
        single(f, "upg.removed.off");
    }

    @Test
    void heloUseRootDomainBecomesHeloDomain() {
        Finding f = single(from(rule, root(dir, "\"RootDomain\"\t\"example.com\"\n\"HeloUseRootDomain\"\t\"1\"\n"),
                "0.70"), "upg.removed.helo");
        assertEquals("\"HeloDomain\"<TAB>\"example.com\"", f.message().args().get(2));
    }

    @Test
    void heloUseRootDomainWithoutRootDomainOrWithHeloDomain() {
        single(from(rule, root(dir, "\"HeloUseRootDomain\"\t\"1\"\n"), "0.70"), "upg.removed.heloNoRoot");
        single(from(rule, root(dir.resolve("b"), "\"HeloDomain\"\t\"x.example\"\n\"HeloUseRootDomain\"\t\"1\"\n"),
                "0.70"), "upg.removed.heloBoth");
    }

    @Test
    void smtpTlsBecomesNeedTlsMergedIntoSmtpGwConfig() {
        Finding f = single(from(rule, root(dir, "\"SmtpGwConfig\"\t\"OutBind=192.0.2.1\"\n\"SMTP-TLS\"\t\"1\"\n"),
                "1.24"), "upg.removed.smtpTls");
        assertEquals("\"SmtpGwConfig\"<TAB>\"OutBind=192.0.2.1,NeedTLS=1\"", f.message().args().get(2));
        single(from(rule, root(dir.resolve("b"), "\"SmtpGwConfig\"\t\"NeedTLS=2\"\n\"SMTP-TLS\"\t\"1\"\n"), "1.24"),
                "upg.removed.smtpTlsBoth");
    }

    @Test
    void dynDnsSetupNeverShowsItsCredentials() {
        Finding f = single(from(rule, root(dir, "\"DynDnsSetup\"\t\"dyn.example,80,/upd?ip=%s,user,s3cret\"\n"),
                "1.23"), "upg.removed.dynDns");
        assertEquals("\"DynDnsSetup\"<TAB>\"dyn.example,********\"", f.evidence().get(0));
        for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            assertFalse(f.message(l).contains("s3cret"));
        }
    }

    @Test
    void variableAlreadyDeadInTheSourceIsALeftoverToDelete() {
        Finding f = single(from(rule, root(dir, "\"SMTP-RARPCheck\"\t\"1\"\n"), "1.25"), "upg.removed.leftover");
        assertEquals("1.25", f.message().args().get(2));
    }
}
