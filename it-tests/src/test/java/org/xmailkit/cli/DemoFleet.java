package org.xmailkit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** The demo's sample fleet for the end-to-end tests: what {@code xmailkit demo} writes before it reports. */
public final class DemoFleet {

    /** The bare server.tab of the sample, outside any MailRoot. */
    public static final String BARE = DemoCommand.BARE;

    private DemoFleet() {}

    /**
     * @param dir   an empty directory
     * @param clock the time the certificates are made for
     * @return the directory, holding the fleet with its certificates
     * @throws IOException when it cannot be written
     */
    public static Path write(Path dir, Clock clock) throws IOException {
        DemoCommand.extract(dir);
        DemoCertificates.generate(dir, clock);
        return dir;
    }
}
