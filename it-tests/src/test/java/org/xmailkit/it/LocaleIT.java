package org.xmailkit.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xmailkit.audit.rules.cfg.NonAsciiReply;
import org.xmailkit.cli.ExitCode;
import org.xmailkit.model.Catalog;
import org.xmailkit.model.TextEncoding;
import org.xmailkit.model.Variable;

/**
 * Japanese values written by XMailCFG in Windows-31J come out as the same characters whatever the machine's
 * locale: under LANG=ja_JP.UTF-8 (a Japanese administrator's shell) and LANG=C (a bare server or cron job, where
 * the JVM's default encoding is ASCII), on the terminal and in the report's files. The locale chooses the language
 * of labels, nothing else.
 */
class LocaleIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where report writes in the container. */
    private static final String REPORT = "/report";

    private static Path fleet;

    @BeforeAll
    static void fleet() {
        fleet = ServerFleet.write("locale");
    }

    /** Per test, so that a missing engine shows as each test skipped (or failed in CI). */
    @BeforeEach
    void image() {
        XmailkitImage.name();
    }

    @ParameterizedTest
    @CsvSource({"ja_JP.UTF-8, ja", "C, en"})
    void windows31jValuesComeOutIntactInJson(String lang, String language) throws Exception {
        CliRun run = InContainer.xmailkit("show", "--format", "json", InContainer.FLEET + "/legacy/mx2")
                .readOnly(fleet, InContainer.FLEET)
                .env("LANG", lang)
                .run();

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        JsonNode server = JSON.readTree(run.stdout()).get(0);
        assertEquals(TextEncoding.WINDOWS_31J.name(), server.get("encoding").asText());
        assertEquals("CRLF", server.get("lineEnding").asText());
        assertEquals(ServerFleet.JAPANESE_MESSAGE, ReadOnlyFleetIT.value(server, "CustomSMTPMessage"));
        assertEquals(ServerFleet.JAPANESE_BAN, ReadOnlyFleetIT.value(server, "SmtpMsgIPBanSpammers"));
        assertEquals(
                label("RootDomain", language),
                setting(server, "RootDomain").get("label").asText());

        CliRun local = InProcess.run(
                UTF_8,
                Locale.forLanguageTag(language),
                "show",
                "--format",
                "json",
                fleet.resolve("legacy/mx2").toString());
        assertEquals(
                JSON.readTree(local.stdout().replace(fleet.toString(), InContainer.FLEET)),
                JSON.readTree(run.stdout()));
    }

    @ParameterizedTest
    @CsvSource({"ja_JP.UTF-8, ja", "C, en"})
    void windows31jValuesComeOutIntactAsText(String lang, String language) {
        CliRun run = InContainer.xmailkit("show", InContainer.FLEET + "/legacy/mx2")
                .readOnly(fleet, InContainer.FLEET)
                .env("LANG", lang)
                .run();

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        String out = run.stdout();
        assertTrue(out.contains(ServerFleet.JAPANESE_MESSAGE), out);
        assertTrue(out.contains(ServerFleet.JAPANESE_BAN), out);
        assertTrue(out.contains(label("RootDomain", language)), out);

        CliRun local = InProcess.run(
                UTF_8,
                Locale.forLanguageTag(language),
                "show",
                fleet.resolve("legacy/mx2").toString());
        assertArrayEquals(
                local.stdout().replace(fleet.toString(), InContainer.FLEET).getBytes(UTF_8), run.out(), run::toString);
    }

    @ParameterizedTest
    @CsvSource({"ja_JP.UTF-8, ja", "C, en"})
    void windows31jValuesComeOutIntactInAuditJson(String lang, String language) throws Exception {
        CliRun run = InContainer.xmailkit("audit", "--format", "json", InContainer.FLEET + "/legacy/mx2")
                .readOnly(fleet, InContainer.FLEET)
                .env("LANG", lang)
                .run();

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        JsonNode audit = JSON.readTree(run.stdout());
        assertEquals(language, audit.get("language").asText());
        JsonNode finding = null;
        for (JsonNode f : audit.get("servers").get(0).get("findings")) {
            if (f.get("ruleId").asText().equals(NonAsciiReply.INFO.id())
                    && f.get("location").get("variable").asText().equals("CustomSMTPMessage")) {
                finding = f;
            }
        }
        assertNotNull(finding, run::toString);
        assertTrue(finding.get("message").asText().contains(ServerFleet.JAPANESE_MESSAGE), finding::toString);
        assertEquals(
                "\"CustomSMTPMessage\"<TAB>\"" + ServerFleet.JAPANESE_MESSAGE + "\"",
                finding.get("evidence").get(0).asText());

        CliRun local = InProcess.runIn(
                fleet.resolve("site-b"),
                UTF_8,
                Locale.forLanguageTag(language),
                "audit",
                "--format",
                "json",
                fleet.resolve("legacy/mx2").toString());
        assertEquals(
                ReadOnlyFleetIT.comparable(JSON.readTree(local.stdout().replace(fleet.toString(), InContainer.FLEET))),
                ReadOnlyFleetIT.comparable(audit));
    }

    @ParameterizedTest
    @CsvSource({"ja_JP.UTF-8", "C"})
    void windows31jValuesComeOutIntactInAuditText(String lang) {
        CliRun run = InContainer.xmailkit("audit", InContainer.FLEET + "/legacy/mx2")
                .readOnly(fleet, InContainer.FLEET)
                .env("LANG", lang)
                .run();

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        assertTrue(
                run.stdout().contains("\"CustomSMTPMessage\"<TAB>\"" + ServerFleet.JAPANESE_MESSAGE + "\""),
                run::toString);
        assertTrue(run.stdout().contains(ServerFleet.JAPANESE_BAN), run::toString);
    }

    /**
     * The report of the same server: report.json carries the values as JSON strings, the server's HTML page as
     * UTF-8 text, in the language the locale chose.
     */
    @ParameterizedTest
    @CsvSource({"ja_JP.UTF-8, ja", "C, en"})
    void windows31jValuesComeOutIntactInTheReport(String lang, String language) throws Exception {
        Path out = Fleets.fresh("locale-report-" + language);
        CliRun run = InContainer.xmailkit("report", "--out", REPORT, InContainer.FLEET)
                .readOnly(fleet, InContainer.FLEET)
                .writable(out, REPORT)
                .user(Fleets.owner(out))
                .env("LANG", lang)
                .readOnlyRootFs()
                .run();
        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);

        JsonNode report = JSON.readTree(strictUtf8(out.resolve("report.json")));
        assertEquals(language, report.get("language").asText());
        JsonNode mx2 = null;
        for (JsonNode server : report.get("servers")) {
            if (server.get("path").asText().endsWith("legacy/mx2")) {
                mx2 = server;
            }
        }
        assertNotNull(mx2, () -> report.get("servers").toString());
        JsonNode finding = null;
        for (JsonNode f : mx2.get("findings")) {
            if (f.get("ruleId").asText().equals(NonAsciiReply.INFO.id())
                    && f.get("location").get("variable").asText().equals("CustomSMTPMessage")) {
                finding = f;
            }
        }
        assertNotNull(finding, mx2::toString);
        assertTrue(finding.get("message").asText().contains(ServerFleet.JAPANESE_MESSAGE), finding::toString);
        assertEquals(
                "\"CustomSMTPMessage\"<TAB>\"" + ServerFleet.JAPANESE_MESSAGE + "\"",
                finding.get("evidence").get(0).asText());
        assertTrue(strictUtf8(out.resolve("report.sarif")).contains(ServerFleet.JAPANESE_MESSAGE));

        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(out.resolve("servers"))) {
            for (Path p : files.toList()) {
                if (strictUtf8(p).contains("<code>" + InContainer.FLEET + "/legacy/mx2</code>")) {
                    pages.add(p);
                }
            }
        }
        assertEquals(1, pages.size(), () -> "pages of legacy/mx2: " + pages);
        String html = strictUtf8(pages.get(0));
        assertTrue(html.contains("<html lang=\"" + language + "\">"), html);
        assertTrue(html.contains("<meta charset=\"utf-8\">"), html);
        assertTrue(html.contains(ServerFleet.JAPANESE_MESSAGE), html);
        assertTrue(html.contains(ServerFleet.JAPANESE_BAN), html);
    }

    private static String strictUtf8(Path file) throws IOException {
        try {
            return UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not UTF-8", e);
        }
    }

    private static String label(String name, String language) {
        Variable v = Catalog.builtin().find(name).orElseThrow();
        String ja = v.xmailcfg().label(Locale.JAPANESE);
        String en = v.xmailcfg().label(Locale.ENGLISH);
        assertNotEquals(ja, en, "the labels must differ for the locale to show");
        return language.equals("ja") ? ja : en;
    }

    private static JsonNode setting(JsonNode server, String name) {
        for (JsonNode s : server.get("settings")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError(name + " not in " + server);
    }
}
