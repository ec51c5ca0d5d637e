package org.xmailkit.report;

import java.util.Locale;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.Secrets;

/** Makes the dry-run migration plan of one server, as the report shows it. */
@FunctionalInterface
public interface MigrationPlanner {

    /**
     * @param root    the server
     * @param before  its audit
     * @param secrets what must not be shown
     * @param locale  the report's language
     * @return the plan; a plan that cannot be made is a {@link Readiness#FAILED} view, never an exception
     */
    MigrationView plan(MailRoot root, AuditResult before, Secrets secrets, Locale locale);

    /**
     * @param target the target version named in the report
     * @return a planner that makes no plan
     */
    static MigrationPlanner none(String target) {
        return (root, before, secrets, locale) -> MigrationView.notPlanned(target);
    }
}
