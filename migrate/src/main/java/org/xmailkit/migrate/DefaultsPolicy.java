package org.xmailkit.migrate;

import java.util.Locale;

/** What to do when XMail 1.27's default for an absent variable differs from the source version's. */
public enum DefaultsPolicy {
    /** Write the old effective value explicitly, so the server keeps behaving as before (the default). */
    PRESERVE,
    /** Leave the variable out, take 1.27's default, and report the behaviour change. */
    ADOPT;

    /** @return the lower-case id used on the command line */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
