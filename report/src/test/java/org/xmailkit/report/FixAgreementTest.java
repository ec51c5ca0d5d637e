package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.rules.upg.RemovedVariable;
import org.xmailkit.migrate.MigrationOptions;
import org.xmailkit.migrate.Migrator;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.testing.MailRootFixture;

/**
 * Detection and repair agree: for each variable whose fix carries a setting, the line UPG-001 tells the
 * administrator to write is the line the migration writes (both come from Removal).
 */
class FixAgreementTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.54|\"SMTP-RARPCheck\"\t\"-30\"\n",
                "0.68|\"RootDomain\"\t\"mx.example.jp\"\n\"HeloUseRootDomain\"\t\"1\"\n",
                "1.24|\"SmtpGwConfig\"\t\"OutBind=10.0.0.1\"\n\"SMTP-TLS\"\t\"1\"\n",
                "1.24|\"SMTP-TLS\"\t\"1\"\n"
            })
    void theLineTheRuleShowsIsTheLineTheMigrationWrites(String versionAndServerTab) throws Exception {
        String[] parts = versionAndServerTab.split("\\|", 2);
        MailRoot root = MailRootFixture.in(tmp).serverTab(parts[1]).open();
        MigrationOptions options = MigrationOptions.standard().withFrom(Optional.of(XMailVersion.parse(parts[0])));
        AuditedMigrator.Planned p = new AuditedMigrator(new Auditor(List.of(new RemovedVariable())))
                .plan(root, options, Migrator.source(root, options));
        List<Finding> upg001 = p.delta().before();
        assertEquals(1, upg001.size(), upg001.toString());
        String shown = upg001.get(0).message().strings().stream()
                .filter(a -> a.contains("<TAB>"))
                .findFirst()
                .orElseThrow()
                .replace("<TAB>", "\t");
        String written = new String(p.result().files().get(0).after(), StandardCharsets.ISO_8859_1);
        assertTrue(written.lines().anyMatch(shown::equals), shown + " is in\n" + written);
        assertEquals(List.of(), p.delta().after(), "the migration resolves what the rule found");
    }
}
