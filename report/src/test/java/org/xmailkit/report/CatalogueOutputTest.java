package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.FleetAuditor;
import org.xmailkit.audit.FleetResult;
import org.xmailkit.audit.Profile;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.report.json.JsonWriter;
import org.xmailkit.report.sarif.SarifWriter;

/** The real rule catalogue's output, on a server close to XMail 1.27's default install, fits both schemas. */
class CatalogueOutputTest {

    private static final String ALLOW_ALL = "\"0.0.0.0\"\t\"0.0.0.0\"\t\"ALLOW\"\t1\n";

    @Test
    void realFindingsValidateAsJsonAndSarif(@TempDir Path tmp) throws Exception {
        Path server = MailRootFixture.in(tmp.resolve("mail01"))
                .serverTab("""
                        "RootDomain"\t"xmailserver.test"
                        "SmtpServerDomain"\t"xmailserver.test"
                        "POP3Domain"\t"xmailserver.test"
                        "PostMaster"\t"root@xmailserver.test"
                        "EnableAuthSMTP-POP3"\t"1"
                        "Pop3LogPasswd"\t"1"
                        "SmtpGwConfig-NeedTLS"\t"1"
                        """)
                .file("mailusers.tab", "\"xmailserver.test\"\t\"xmailuser\"\t\"1d08040c09\"\t1\t\"xmailuser\"\t\"U\"\n")
                .file("ctrlaccounts.tab", "")
                .file("smtprelay.tab", "\"0.0.0.0\"\t\"0.0.0.0\"\n")
                .file("spammers.tab", "")
                .file("ctrl.ipmap.tab", ALLOW_ALL)
                .file("smtp.ipmap.tab", ALLOW_ALL)
                .write();
        Path bare = MailRootFixture.in(tmp.resolve("bare"))
                .serverTab("\"RootDomain\"\t\"example.com\"\n")
                .write()
                .resolve("server.tab");
        AuditOptions options =
                AuditOptions.defaults().withProfile(Profile.STRICT).withClock(FleetFixture.CLOCK);
        FleetResult fleet = FleetAuditor.standard().audit(List.of(server, bare), tmp, options, s -> {});
        assertTrue(fleet.audited().get(0).findings().size() > 3, "the catalogue finds the default install's problems");
        ObjectMapper mapper = new ObjectMapper();
        for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            new JsonWriter(l, "test", Optional.of(Severity.HIGH), FleetFixture.CLOCK).write(fleet, json);
            Set<ValidationMessage> jsonErrors = FleetFixture.validate(
                    Files.newInputStream(Path.of("..", "docs", "schemas", "xmailkit-audit-1.schema.json")),
                    SpecVersion.VersionFlag.V202012,
                    mapper.readTree(json.toByteArray()));
            assertTrue(jsonErrors.isEmpty(), jsonErrors.toString());
            ByteArrayOutputStream sarif = new ByteArrayOutputStream();
            new SarifWriter(l, "test").write(fleet, sarif);
            JsonNode doc = mapper.readTree(sarif.toByteArray());
            Set<ValidationMessage> sarifErrors = FleetFixture.validate(
                    Files.newInputStream(
                            Path.of("target", "sarif-schema", "package", "lib", "schemas", "sarif-2.1.0-rtm.5.json")),
                    SpecVersion.VersionFlag.V4,
                    doc);
            assertTrue(sarifErrors.isEmpty(), sarifErrors.toString());
        }
    }
}
