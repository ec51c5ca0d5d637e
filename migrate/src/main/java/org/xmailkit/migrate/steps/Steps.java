package org.xmailkit.migrate.steps;

import java.util.List;
import java.util.Optional;
import org.xmailkit.migrate.MigrationStep;

/** Every migration step, in the order they run (listed explicitly; no discovery). */
public final class Steps {

    /**
     * The order matters in two places: the XMailCFG {@code SmtpGwConfig-*} fold runs before {@code SMTP-TLS} is
     * merged into the same {@code SmtpGwConfig}, and {@code --fix} runs last, on the migrated configuration.
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
            new FixStep());

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
