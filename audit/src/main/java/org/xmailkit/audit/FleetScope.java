package org.xmailkit.audit;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.model.InputException;
import org.xmailkit.model.ctrl.Origins;

/**
 * What an audit of a fleet is about, known before its first server is audited: what the outputs write before any
 * server, and need to write each one.
 *
 * <p>The scan root is the directory paths are shown relative to (JSON, SARIF {@code uriBaseId}, text); the servers
 * are audited in the order given (MailRoot directories and bare server.tab files); the rules run in catalogue order
 * (SARIF's rule table lists them); what the search for servers could not look into is named in every output (see
 * {@code MailRoots.Discovery}).
 */
public final class FleetScope {

    private final Path scanRoot;
    private final List<Path> servers;
    private final List<RuleInfo> rules;
    private final AuditOptions options;
    private final List<InputException> skipped;
    /** The scan root as text with a separator at its end. */
    private final String prefix;

    public FleetScope(
            Path scanRoot,
            List<Path> servers,
            List<RuleInfo> rules,
            AuditOptions options,
            List<InputException> skipped) {
        this.scanRoot = Objects.requireNonNull(scanRoot, "scanRoot");
        this.servers = List.copyOf(servers);
        this.rules = List.copyOf(rules);
        this.options = Objects.requireNonNull(options, "options");
        this.skipped = List.copyOf(skipped);
        String abs = scanRoot.toAbsolutePath().normalize().toString();
        this.prefix = abs.endsWith(File.separator) ? abs : abs + File.separator;
    }

    /** @return the directory paths are shown relative to */
    public Path scanRoot() {
        return scanRoot;
    }

    /** @return the servers to audit, in order */
    public List<Path> servers() {
        return servers;
    }

    /** @return the rules that run, in catalogue order */
    public List<RuleInfo> rules() {
        return rules;
    }

    /** @return the options used */
    public AuditOptions options() {
        return options;
    }

    /** @return what the search for servers could not look into */
    public List<InputException> skipped() {
        return skipped;
    }

    /**
     * @param path a path
     * @return it relative to the scan root with {@code /} separators, or absolute if it lies outside
     */
    public String relative(Path path) {
        // Every finding's file is shown this way: a path already absolute and normalized below the scan root (as the
        // servers' paths are) is cut as text; any other goes the long way.
        Optional<String> remote = Origins.name(path);
        if (remote.isPresent()) {
            return remote.get(); // a remote MailRoot's local copy, named as FleetResult.relative names it
        }
        String root = prefix;
        String s = (path.isAbsolute() ? path : path.toAbsolutePath()).toString();
        if (s.startsWith(root) && s.length() > root.length() && normal(s, root.length())) {
            String rest = s.substring(root.length());
            return File.separatorChar == '/' ? rest : rest.replace(File.separatorChar, '/');
        }
        return FleetResult.relative(scanRoot, path);
    }

    /** Whether the path's text from {@code from} on has no empty, {@code .} or {@code ..} segment. */
    private static boolean normal(String s, int from) {
        int start = from;
        for (int i = from; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == File.separatorChar) {
                int n = i - start;
                if (n == 0
                        || (n == 1 && s.charAt(start) == '.')
                        || (n == 2 && s.charAt(start) == '.' && s.charAt(start + 1) == '.')) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }
}
