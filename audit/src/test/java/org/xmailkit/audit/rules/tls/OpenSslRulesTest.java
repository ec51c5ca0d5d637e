package org.xmailkit.audit.rules.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.audit.testing.RuleCheck;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.MailRootFixture;

/** TLS-028..030: OpenSSL files in the Windows install directory. */
class OpenSslRulesTest {

    @TempDir
    Path tmp;

    private MailRoot root() {
        return MailRootFixture.in(tmp.resolve("mailroot"))
                .serverTab("\"RootDomain\"\t\"example.com\"\n")
                .open();
    }

    private Path install(String... nameAndText) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("install" + System.nanoTime()));
        for (int i = 0; i < nameAndText.length; i += 2) {
            Files.write(dir.resolve(nameAndText[i]), binary(nameAndText[i + 1]));
        }
        return dir;
    }

    /** Bytes standing in for a Windows binary: NUL padding around the text. */
    private static byte[] binary(String text) {
        String s = "MZ\u0090\u0000" + "\u0000".repeat(100) + text + "\u0000".repeat(100);
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    // ------------------------------------------------------------------ TLS-028

    @Test
    void bundledOpenSsl098IsReported() throws IOException {
        Path dir = install("libeay32.dll", "OpenSSL 0.9.8l 5 Nov 2009", "ssleay32.dll", "OpenSSL 0.9.8l 5 Nov 2009");
        List<Finding> f = RuleCheck.findings(new LegacyOpenSsl(), root(), RuleCheck.certificateOptions(dir));
        assertEquals(List.of("msg.TLS-028.noTls12"), RuleCheck.keys(f));
        assertEquals(
                List.of("libeay32.dll, ssleay32.dll", "0.9.8l"),
                f.get(0).message().args());
        assertEquals(2, f.get(0).evidence().size());
    }

    @Test
    void laterPre11DllsAndUnknownVersionsAreReportedToo() throws IOException {
        assertEquals(
                List.of("msg.TLS-028.noTls13"),
                RuleCheck.keys(RuleCheck.findings(
                        new LegacyOpenSsl(),
                        root(),
                        RuleCheck.certificateOptions(install("LIBEAY32.DLL", "OpenSSL 1.0.2u  20 Dec 2019")))));
        assertEquals(
                List.of("msg.TLS-028.unknown"),
                RuleCheck.keys(RuleCheck.findings(
                        new LegacyOpenSsl(),
                        root(),
                        RuleCheck.certificateOptions(install("ssleay32.dll", "no version here")))));
    }

    @Test
    void otherDllsOrNoInstallDirAreNotLegacy() throws IOException {
        assertTrue(RuleCheck.findings(
                        new LegacyOpenSsl(),
                        root(),
                        RuleCheck.certificateOptions(install("libcrypto-3-x64.dll", "OpenSSL 3.0.13 30 Jan 2024")))
                .isEmpty());
        assertEquals(
                RuleOutcome.Status.NOT_APPLICABLE,
                RuleCheck.outcome(new LegacyOpenSsl(), root(), RuleCheck.certificateOptions()));
    }

    // ------------------------------------------------------------------ TLS-029

    @Test
    void openSsl111DllsAreEndOfLife() throws IOException {
        Path dir = install("libcrypto-1_1.dll", "OpenSSL 1.1.1o  3 May 2022", "libssl-1_1.dll", "");
        List<Finding> f = RuleCheck.findings(new EndOfLifeOpenSsl(), root(), RuleCheck.certificateOptions(dir));
        assertEquals(List.of("msg.TLS-029.eol"), RuleCheck.keys(f));
        assertEquals("1.1.1o", f.get(0).message().args().get(1));
    }

    @Test
    void openSsl3DllsAreNotEndOfLife() throws IOException {
        assertTrue(RuleCheck.findings(
                        new EndOfLifeOpenSsl(),
                        root(),
                        RuleCheck.certificateOptions(install("libssl-3.dll", "OpenSSL 3.0.13 30 Jan 2024")))
                .isEmpty());
    }

    // ------------------------------------------------------------------ TLS-030

    @Test
    void mixedFamiliesAndMismatchedVersionsAreReported() throws IOException {
        Path dir = install(
                "libeay32.dll", "OpenSSL 0.9.8l 5 Nov 2009",
                "ssleay32.dll", "OpenSSL 1.0.2u  20 Dec 2019",
                "libcrypto-1_1.dll", "OpenSSL 1.1.1o  3 May 2022",
                "openssl.exe", "OpenSSL 1.1.1k  25 Mar 2021");
        List<String> keys =
                RuleCheck.keys(RuleCheck.findings(new OpenSslMismatch(), root(), RuleCheck.certificateOptions(dir)));
        assertTrue(keys.contains("msg.TLS-030.mixed"), keys.toString());
        assertTrue(keys.contains("msg.TLS-030.libraries"), keys.toString());
        assertTrue(keys.contains("msg.TLS-030.tool"), keys.toString());
    }

    @Test
    void programsNamingMissingDllsAreReported() throws IOException {
        Path dir = install(
                "libcrypto-1_1.dll", "OpenSSL 1.1.1o  3 May 2022",
                "libssl-1_1.dll", "OpenSSL 1.1.1o  3 May 2022",
                "XMail.exe", "LIBEAY32.dll\u0000SSLEAY32.dll",
                "openssl.exe", "libeay32.dll");
        List<Finding> f = RuleCheck.findings(new OpenSslMismatch(), root(), RuleCheck.certificateOptions(dir));
        assertEquals(
                List.of("msg.TLS-030.toolLibraries", "msg.TLS-030.xmail"),
                RuleCheck.keys(f).stream().sorted().toList());
        Finding x = f.stream()
                .filter(y -> y.message().key().equals("msg.TLS-030.xmail"))
                .findFirst()
                .orElseThrow();
        assertEquals("libeay32.dll, ssleay32.dll", x.message().args().get(1));
    }

    @Test
    void oneConsistentReleaseIsFine() throws IOException {
        Path dir = install(
                "libcrypto-1_1.dll", "OpenSSL 1.1.1o  3 May 2022",
                "libssl-1_1.dll", "OpenSSL 1.1.1o  3 May 2022",
                "XMail.exe", "libcrypto-1_1.dll\u0000libssl-1_1.dll",
                "openssl.exe", "libcrypto-1_1.dll OpenSSL 1.1.1o  3 May 2022");
        assertTrue(RuleCheck.findings(new OpenSslMismatch(), root(), RuleCheck.certificateOptions(dir))
                .isEmpty());
    }
}
