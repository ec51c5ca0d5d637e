package org.xmailkit.migrate;

import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.version.SourceVersion;

/**
 * Plans one server's migration for a batch: the {@link Migrator}, or one that also audits the plan (report's
 * {@code AuditedMigrator}).
 */
@FunctionalInterface
public interface Planner {

    /**
     * @param root    a MailRoot or bare server.tab
     * @param options how to migrate
     * @param source  the source version to migrate from
     * @return the result; nothing is written
     * @throws InputException when a file the migration edits exists but cannot be read
     */
    MigrationResult migrate(MailRoot root, MigrationOptions options, SourceVersion source) throws InputException;
}
