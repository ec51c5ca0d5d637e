package org.xmailkit.audit.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.tls.OpenSslInstall.Family;
import org.xmailkit.audit.tls.OpenSslInstall.Role;

class OpenSslInstallTest {

    @TempDir
    Path dir;

    /** A stand-in for a binary: NUL padding around the given text, like strings in a DLL's data section. */
    static byte[] binary(String... texts) {
        StringBuilder b = new StringBuilder("MZ\u0090\u0000\u0003");
        for (String t : texts) {
            b.append("\u0000".repeat(64)).append(t).append('\u0000');
        }
        b.append("\u0000".repeat(64));
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void findsFilesByNameInAnyCaseAndReadsVersionText() throws IOException {
        Files.write(dir.resolve("LIBEAY32.DLL"), binary("OpenSSL 0.9.8l 5 Nov 2009", "SSLv3 part of OpenSSL"));
        Files.write(dir.resolve("ssleay32.dll"), binary("OpenSSL 0.9.8l 5 Nov 2009"));
        Files.write(dir.resolve("libcrypto-1_1-x64.dll"), binary("OpenSSL 1.1.1o  3 May 2022"));
        Files.write(dir.resolve("readme.txt"), binary("OpenSSL 3.0.0 7 Sep 2021"));
        OpenSslInstall i = OpenSslInstall.scan(dir);
        assertEquals(3, i.components().size());
        assertEquals(Set.of(Family.PRE_1_1, Family.V1_1), i.families());
        assertEquals(Optional.of("0.9.8l"), i.libraries(Family.PRE_1_1).get(0).version());
        assertEquals(Optional.of("1.1.1o"), i.libraries(Family.V1_1).get(0).version());
        assertEquals(Role.CRYPTO, i.libraries(Family.V1_1).get(0).role());
    }

    @Test
    void versionNeedsOpenSslsDateFormat() {
        assertEquals(Optional.empty(), OpenSslInstall.version("built with OpenSSL 1.1.1 support"));
        assertEquals(Optional.of("3.0.13"), OpenSslInstall.version("xx OpenSSL 3.0.13 30 Jan 2024 yy"));
        assertEquals(Optional.of("1.0.2u"), OpenSslInstall.version("OpenSSL 1.0.2u-fips  20 Dec 2019"));
        assertEquals(
                Optional.of("1.1.1w"),
                OpenSslInstall.version("OpenSSL 1.1.1w  11 Sep 2023 .. OpenSSL 1.1.1w  11 Sep 2023 .. "
                        + "OpenSSL 1.0.2k  26 Jan 2017"));
    }

    @Test
    void seriesGroupsReleases() {
        assertEquals("0.9.8", OpenSslInstall.series("0.9.8l"));
        assertEquals("1.1.1", OpenSslInstall.series("1.1.1o"));
        assertEquals("3.0", OpenSslInstall.series("3.0.13"));
    }

    @Test
    void programsReportTheDllNamesTheyMention() throws IOException {
        Files.write(dir.resolve("XMail.exe"), binary("LIBEAY32.dll", "SSLEAY32.dll", "KERNEL32.dll"));
        Files.write(dir.resolve("openssl.exe"), binary("libcrypto-1_1.dll", "OpenSSL 1.1.1o  3 May 2022"));
        OpenSslInstall i = OpenSslInstall.scan(dir);
        OpenSslInstall.Component x = i.program(Role.XMAIL).orElseThrow();
        assertEquals(Set.of("libeay32.dll", "ssleay32.dll"), x.references());
        assertEquals(Set.of(Family.PRE_1_1), x.referencedFamilies());
        OpenSslInstall.Component t = i.program(Role.TOOL).orElseThrow();
        assertEquals(Optional.of("1.1.1o"), t.version());
        assertEquals(Set.of(Family.V1_1), t.referencedFamilies());
        assertTrue(i.families().isEmpty());
    }

    @Test
    void missingDirectoryHoldsNothing() {
        assertTrue(OpenSslInstall.scan(dir.resolve("absent")).components().isEmpty());
    }
}
