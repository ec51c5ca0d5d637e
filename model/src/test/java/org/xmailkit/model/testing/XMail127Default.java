package org.xmailkit.model.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xmailkit.model.LineEnding;

/**
 * A MailRoot as XMail 1.27 installs it, to copy into a test's temporary directory: server.tab in the style of the
 * distribution's sample (few live lines, many commented samples), the account {@code xmailuser@xmailserver.test}
 * with the password {@code xmail}, an empty ctrlaccounts.tab, ALLOW-all ipmap files, the private ranges in
 * smtprelay.tab, the empty lists (spammers.tab and friends) and the account's user.tab. There is no server.cert or
 * server.key: XMail does not ship them, yet advertises STARTTLS.
 *
 * <p>The files are stored as the source distribution ships them, with LF line endings; {@link #copyTo(Path,
 * LineEnding)} with {@link LineEnding#CRLF} gives the Windows form XMailCFG expects.
 *
 * <pre>{@code
 * Path root = XMail127Default.copyTo(tmp.resolve("MailRoot"));
 * MailRoot mr = MailRoot.open(root);
 * }</pre>
 */
public final class XMail127Default {

    /** The class-path folder holding the files. */
    public static final String RESOURCE_DIR = "/fixtures/xmail127-default/";

    private static final String INDEX = "/fixtures/xmail127-default.files";

    private XMail127Default() {}

    /** @return the paths of the fixture's files relative to the MailRoot, sorted */
    public static List<String> files() {
        try (InputStream in = open(INDEX);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param relative a path from {@link #files()}, e.g. {@code server.tab}
     * @return its bytes as stored (LF line endings)
     */
    public static byte[] bytes(String relative) {
        try (InputStream in = open(RESOURCE_DIR + relative)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the MailRoot with LF line endings, as the source distribution has them.
     *
     * @param dir the MailRoot directory to create (parents included); existing files with the same names are
     *            replaced
     * @return {@code dir}
     */
    public static Path copyTo(Path dir) {
        return copyTo(dir, LineEnding.LF);
    }

    /**
     * Writes the MailRoot with the given line endings.
     *
     * @param dir    the MailRoot directory to create
     * @param ending {@link LineEnding#LF} as shipped, {@link LineEnding#CRLF} as on Windows; {@link LineEnding#NONE}
     *               is not a file style and is refused
     * @return {@code dir}
     */
    public static Path copyTo(Path dir, LineEnding ending) {
        Objects.requireNonNull(dir, "dir");
        if (ending == LineEnding.NONE) {
            throw new IllegalArgumentException("a MailRoot's files end their lines with LF or CRLF");
        }
        try {
            for (String f : files()) {
                Path target = dir.resolve(f);
                Files.createDirectories(target.getParent());
                Files.write(target, withEnding(bytes(f), ending));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] withEnding(byte[] lf, LineEnding ending) {
        if (ending == LineEnding.LF) {
            return lf;
        }
        String text = new String(lf, StandardCharsets.ISO_8859_1);
        return text.replace("\n", ending.text()).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = XMail127Default.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("test resource missing: " + resource);
        }
        return in;
    }
}
