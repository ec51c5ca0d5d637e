package org.xmailkit.migrate.steps;

import java.util.List;
import java.util.Optional;
import org.xmailkit.migrate.MigrationStep;

/** Every migration step, in the order they run (listed explicitly; no discovery). */
public final class Steps {

    /**
     * The order matters in three places: the XMailCFG {@code SmtpGwConfig-*} fold runs before {@code SMTP-TLS} is
     * merged into the same {@code SmtpGwConfig}, {@code --fix} runs on the migrated configuration, and the record of
     * the migration comes last, when every other edit is known.
     */
    public static final List<MigrationStep> ALL = List.of(
            new DynDnsSetupStep(),
            new RarpCheckStep(),
            new HeloRootDomainStep(),
            new MapsCheckStep(),
            new XMailCfgGwConfigStep(),
            new SmtpTlsStep(),
            new XMailCfgTyposStep(),
            new GatewaySeparatorStep(),
            new SmtpConfigTokensStep(),
            new ChangedDefaultsStep(),
            new ThreeTokenLinesStep(),
            new LocalizedSettingsStep(),
            new FixStep(),
            new RecordStep());

    private Steps() {
    }

    /**
     * @param id a step id
     * @return the step
     */
    public static Optional<MigrationStep> byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
