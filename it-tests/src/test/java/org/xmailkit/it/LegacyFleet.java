package org.xmailkit.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Legacy servers to migrate, in the migrate module's fixture styles (copied byte for byte into this module's
 * resources): an XMail 1.0 server with comma-separated gateway lists, a 1.22 one saved on Windows with CRLF line
 * endings, a 1.26 one left to the old DefaultSmtpPerms, and one written by XMailCFG in Windows-31J with CRLF and
 * Japanese SMTP replies. A 1.26 file cannot show that it is not a 1.27 one (both read the same names), so without
 * {@code --from} its DefaultSmtpPerms is left for the administrator to decide and a migration to 1.27 leaves it as
 * it is. Each MailRoot also holds files no migration reads (a user's mailproc.tab, a message file
 * with every byte value), which a migrated copy must carry over unchanged.
 */
final class LegacyFleet {

    /** The servers, by directory name under the fleet's root. */
    static final List<String> SERVERS = List.of("v1.0", "v1.22", "v1.26", "xmailcfg");

    /** The servers a migration to 1.27 with a detected source version changes (all but the 1.26 one). */
    static final List<String> CHANGED_FOR_127 = List.of("v1.0", "v1.22", "xmailcfg");

    /** The XMailCFG server: Windows-31J, CRLF. */
    static final String XMAILCFG = "xmailcfg";

    /** A Japanese reply text in the XMailCFG server's server.tab (under the misspelt name XMailCFG wrote). */
    static final String JAPANESE_REPLY = "550 不正アクセスホストとして登録されています";

    /** A MailRoot file no migration step reads, with bytes of every value. */
    static final String MESSAGE_FILE = "domains/example.com/taro/mailbox/1.eml";

    /** Another one, a user's mail processing file. */
    static final String MAILPROC_FILE = "domains/example.com/taro/mailproc.tab";

    private LegacyFleet() {}

    /**
     * @param name a directory name under target/it
     * @return the fleet's root, readable by every user (directories 755, files 644)
     */
    static Path write(String name) {
        Path fleet = Fleets.fresh(name);
        try {
            Path resources = resources();
            for (String server : SERVERS) {
                Path from = resources.resolve(server);
                Path to = fleet.resolve(server);
                try (Stream<Path> files = Files.walk(from)) {
                    for (Path f : files.toList()) {
                        Path target = to.resolve(from.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(f, target);
                        }
                    }
                }
                Path message = to.resolve(MESSAGE_FILE);
                Files.createDirectories(message.getParent());
                byte[] bytes = new byte[512];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) (i * 7 + 3);
                }
                Files.write(message, bytes);
                Files.writeString(
                        to.resolve(MAILPROC_FILE),
                        "\"mailbox\"\r\n\"redirect\"\t\"taro@" + server + ".example\"\r\n",
                        StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Fleets.readableByAll(fleet);
    }

    private static Path resources() {
        URL url = LegacyFleet.class.getResource("/fleet/" + XMAILCFG + "/server.tab");
        if (url == null) {
            throw new IllegalStateException("the fleet fixture is not on the class path");
        }
        try {
            return Path.of(url.toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
