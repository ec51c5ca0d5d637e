package org.xmailkit.model.version;

import org.xmailkit.model.XMailVersion;

/** Test access to {@link VersionDetector}'s package-private helpers. */
public final class VersionDetectorAccess {

    private VersionDetectorAccess() {}

    /**
     * @param v a version
     * @return the release before it, as text
     */
    public static String previous(XMailVersion v) {
        return VersionDetector.previous(v).toString();
    }
}
