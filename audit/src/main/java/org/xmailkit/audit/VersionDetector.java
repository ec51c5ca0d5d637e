package org.xmailkit.audit;

import java.util.List;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.XMailVersion;

/**
 * Infers which XMail version a server.tab was written for, from evidence: variables present (their since and
 * removed versions), value formats, XMailCFG traces.
 */
public final class VersionDetector {

    /**
     * @param tab a server.tab
     * @return the plausible range with its evidence
     */
    public SourceVersion detect(ServerTab tab) {
        // Placeholder until evidence-based detection lands: claims nothing beyond "some version up to 1.27".
        return new SourceVersion(XMailVersion.EARLIEST, XMailVersion.V1_27, List.of(), false);
    }
}
