package org.xmailkit.audit.behaviour;

import java.util.ArrayList;
import java.util.List;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.fs.SafeReader;

/**
 * Whether XMail 1.27 starts on a MailRoot at all. Before any service starts, SvrSetup (MailSvr.cpp) checks the
 * indexes of mailusers.tab, aliases.tab, extaliases.tab, domains.tab and aliasdomain.tab; each check first stats
 * the file (TabIndex.cpp TbixCheckIndex), so a missing one ends XMail at once with "Error in function {stat}".
 * Empty files are enough.
 */
public final class XMailStartup {

    /** The files XMail needs to start, in the order SvrSetup checks them. */
    public static final List<String> REQUIRED_FILES =
            List.of("mailusers.tab", "aliases.tab", "extaliases.tab", "domains.tab", "aliasdomain.tab");

    /** What XMail prints (with -Md) when one of them is missing. */
    public static final String MISSING_FILE_ERROR = "Error in function {stat}";

    private XMailStartup() {}

    /**
     * @param root a MailRoot (a bare server.tab has none of the files)
     * @return the required files it lacks, in SvrSetup's order; empty when XMail starts
     */
    public static List<String> missing(MailRoot root) {
        List<String> out = new ArrayList<>();
        for (String name : REQUIRED_FILES) {
            // XMail stats through links; xmailkit does not read past one, but knows something is there.
            SafeReader.Kind kind = root.bare()
                    ? SafeReader.Kind.MISSING
                    : root.kind(root.directory().resolve(name));
            if (kind != SafeReader.Kind.FILE && kind != SafeReader.Kind.OUTSIDE) {
                out.add(name);
            }
        }
        return out;
    }
}
