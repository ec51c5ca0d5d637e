package org.xmailkit.audit.rules.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xmailkit.audit.testing.RuleCheck.findings;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;

class InvalidSyntaxTest {

    private final InvalidSyntax rule = new InvalidSyntax();

    @TempDir
    Path dir;

    @Test
    void validNamesAndAddressesPass() {
        assertEquals(List.of(), findings(rule, root(dir, """
                "RootDomain"\t"example.com"
                "POP3Domain"\t""
                "HeloDomain"\t"[192.0.2.25]"
                "SmtpServerDomain"\t"mail-1.example.co.jp"
                "PostMaster"\t"post.master+x@example.com"
                "ErrorsAdmin"\t""
                "TempErrorsAdmin"\t"ops@[192.0.2.1]"
                """)));
    }

    @Test
    void domainFlaws() {
        List<Finding> f = findings(rule, root(dir, """
                "RootDomain"\t"mail_server.example.com"
                "POP3Domain"\t"example.com."
                "HeloDomain"\t"-bad.example.com"
                "SmtpServerDomain"\t""
                """));
        assertEquals("_", single(f, "msg.CFG-019.domain.char").message().args().get(2));
        single(f, "msg.CFG-019.domain.trailingDot");
        assertEquals(
                "-bad", single(f, "msg.CFG-019.domain.label").message().args().get(2));
        single(f, "msg.CFG-019.emptyDomain");
    }

    @Test
    void aLabelIsOneToSixtyThreeCharactersNotEdgedWithAHyphen() {
        String longest = "a".repeat(63);
        assertEquals(Optional.empty(), InvalidSyntax.domainFlaw(longest + ".example.com"));
        assertEquals(Optional.empty(), InvalidSyntax.domainFlaw("x-1.a-b-c.9"));
        assertEquals(Optional.empty(), InvalidSyntax.domainFlaw("localhost"));
        assertEquals(label(longest + "a"), InvalidSyntax.domainFlaw(longest + "a.example.com"));
        assertEquals(label(""), InvalidSyntax.domainFlaw("mail..example.com"));
        assertEquals(label(""), InvalidSyntax.domainFlaw(".example.com"));
        assertEquals(label(""), InvalidSyntax.domainFlaw("."));
        assertEquals(label("-mail"), InvalidSyntax.domainFlaw("-mail.example.com"));
        assertEquals(label("mail-"), InvalidSyntax.domainFlaw("mail-.example.com"));
        assertEquals(label("com-"), InvalidSyntax.domainFlaw("example.com-"));
        assertEquals(label("-"), InvalidSyntax.domainFlaw("a.-.b-"));
    }

    private static Optional<InvalidSyntax.Flaw> label(String label) {
        return Optional.of(new InvalidSyntax.Flaw("label", label));
    }

    @Test
    void addressFlaws() {
        List<Finding> f = findings(rule, root(dir, """
                "PostMaster"\t"postmaster"
                "ErrorsAdmin"\t"taro..hanako@example.com"
                "TempErrorsAdmin"\t"ops@exa mple.com"
                """));
        single(f, "msg.CFG-019.address.noAt");
        single(f, "msg.CFG-019.address.local");
        single(f, "msg.CFG-019.address.domain");
    }

    @Test
    void emptyPostMaster() {
        single(findings(rule, root(dir, "\"PostMaster\"\t\"\"\n")), "msg.CFG-019.emptyAddress");
    }

    @Test
    void longDomain() {
        String d = ("a".repeat(60) + ".").repeat(5) + "com";
        single(findings(rule, root(dir, "\"RootDomain\"\t\"" + d + "\"\n")), "msg.CFG-019.domain.length");
    }

    @Test
    void dotAtom() {
        assertTrue(InvalidSyntax.dotAtom("a.b-c+d"));
        assertFalse(InvalidSyntax.dotAtom(".a"));
        assertFalse(InvalidSyntax.dotAtom("a."));
        assertFalse(InvalidSyntax.dotAtom("\"a\""));
    }
}
