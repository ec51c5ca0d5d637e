package org.xmailkit.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.xmailkit.model.InputException;

/**
 * What an audit of a fleet is about, known before its first server is audited: what the outputs write before any
 * server, and need to write each one.
 *
 * @param scanRoot the directory paths are shown relative to (JSON, SARIF {@code uriBaseId}, text)
 * @param servers  the servers to audit, in order (MailRoot directories and bare server.tab files)
 * @param rules    the rules that run, in catalogue order (for SARIF's rule table and the docs)
 * @param options  the options used
 * @param skipped  what the search for servers could not look into (see {@code MailRoots.Discovery})
 */
public record FleetScope(Path scanRoot, List<Path> servers, List<RuleInfo> rules, AuditOptions options,
                         List<InputException> skipped) {

    public FleetScope {
        Objects.requireNonNull(scanRoot, "scanRoot");
        servers = List.copyOf(servers);
        Objects.requireNonNull(options, "options");
        rules = List.copyOf(rules);
        skipped = List.copyOf(skipped);
    }

    /**
     * @param path a path
     * @return it relative to the scan root with {@code /} separators, or absolute if it lies outside
     */
    public String relative(Path path) {
        return FleetResult.relative(scanRoot, path);
    }
}
