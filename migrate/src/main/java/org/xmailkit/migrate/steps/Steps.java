package org.xmailkit.migrate.steps;

import java.util.List;
import java.util.Optional;
import org.xmailkit.migrate.MigrationStep;

/**
 * Every migration step, in the order they run ({@link MigrationStep#order()}).
 *
 * <p>Generated from the step classes of this package by
 * {@code org.xmailkit.migrate.doc.StepLists}: do not edit. Add or remove a step class, then run
 * {@code mvn -B -q -pl migrate -am process-test-classes -Pcatalogue}.
 */
public final class Steps {

    /** In order; generated, see the class comment. */
    public static final List<MigrationStep> ALL = List.of(
            new DynDnsSetupStep(),        // 100 dyndns-setup
            new RarpCheckStep(),          // 200 rename-rarp-check
            new HeloRootDomainStep(),     // 300 helo-root-domain
            new MapsCheckStep(),          // 400 maps-check
            new XMailCfgGwConfigStep(),   // 500 xmailcfg-gwconfig
            new SmtpTlsStep(),            // 600 smtp-tls
            new XMailCfgTyposStep(),      // 700 xmailcfg-typos
            new GatewaySeparatorStep(),   // 800 gateway-separator
            new SmtpConfigTokensStep(),   // 900 smtpconfig-tokens
            new ChangedDefaultsStep(),    // 1000 changed-defaults
            new ThreeTokenLinesStep(),    // 1100 three-token-lines
            new LocalizedSettingsStep(),  // 1200 localized-settings
            new FixStep(),                // 1300 fix
            new RecordStep());            // 1400 record

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
