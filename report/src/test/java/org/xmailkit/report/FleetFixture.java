package org.xmailkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.FleetAuditor;
import org.xmailkit.audit.FleetResult;
import org.xmailkit.audit.Waivers;
import org.xmailkit.audit.testing.TestRules;
import org.xmailkit.model.testing.MailRootFixture;

/**
 * A small fleet audited with the engine's test rules: findings in server.tab, smtprelay.tab and ctrlaccounts.tab,
 * an inline waiver, a file waiver, an expired waiver, an unused waiver, an inline waiver that cannot be honoured, a
 * server with a Japanese directory name, an unreadable server and one where a rule crashes.
 */
public final class FleetFixture {

    /** 2025-03-01, the fixture's today. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);

    private FleetFixture() {}

    /**
     * @param tmp a temporary directory
     * @return the audited fleet; the scan root is {@code tmp}
     * @throws Exception when the fixture cannot be built
     */
    public static FleetResult fleet(Path tmp) throws Exception {
        Path a = MailRootFixture.in(tmp.resolve("fleet/mail01"))
                .serverTab("""
                "RootDomain"\t"example.com"
                # xmailkit:ignore SEC-901 the old webmail reads it
                "BadWebmail"\t"1"
                "BadTab"\t"a\tb"
                """)
                .file("smtprelay.tab", "\"192.0.2.0\"\t\"255.255.255.0\"\n\"198.51.100.0\"\t\"255.255.255.0\"\n")
                .file("ctrlaccounts.tab", "# xmailkit:ignore SEC-905 shared\n\"admin\"\t\"0a0b\"\n")
                .write();
        Path b = MailRootFixture.in(tmp.resolve("fleet/本社 mail"))
                .serverTab("\"BadOld\"\t\"1\"\n")
                .write();
        Path unreadable = tmp.resolve("fleet/broken");
        Files.createDirectories(unreadable);
        Files.write(unreadable.resolve("server.tab"), new byte[] {0x7F, 'E', 'L', 'F', 0, 0, 0, 0});
        Path crash = MailRootFixture.in(tmp.resolve("fleet/crash"))
                .serverTab("\"Crash\"\t\"1\"\n")
                .write();
        Auditor auditor = new Auditor(TestRules.ALL);
        Waivers waivers = Waivers.parse("waivers.txt", """
                CFG-903  mail01/smtprelay.tab  expires=2025-12-31  partner network, contract 7
                SEC-901  "本社 mail/server.tab"  expires=2025-01-31  until the upgrade
                UPG-904  nowhere/**  never matches
                """.getBytes(StandardCharsets.UTF_8), auditor.ruleIds());
        AuditOptions options = AuditOptions.defaults().withClock(CLOCK).withWaivers(waivers);
        return new FleetAuditor(auditor, 2).audit(List.of(a, b, unreadable, crash), tmp, options, s -> {});
    }

    /**
     * @param schema  the schema
     * @param version its draft
     * @param doc     a document
     * @return the validation errors
     * @throws IOException when the schema cannot be read
     */
    public static Set<ValidationMessage> validate(InputStream schema, SpecVersion.VersionFlag version, JsonNode doc)
            throws IOException {
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = schema) {
            JsonSchema s = JsonSchemaFactory.getInstance(version).getSchema(in, config);
            return s.validate(doc);
        }
    }
}
