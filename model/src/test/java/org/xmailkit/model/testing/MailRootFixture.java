package org.xmailkit.model.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xmailkit.model.InputException;
import org.xmailkit.model.LineEnding;
import org.xmailkit.model.MailRoot;

/**
 * Builds a MailRoot in a test's temporary directory from text blocks. Text is written with LF line endings (or
 * CRLF after {@link #crlf()}) in UTF-8 (or the charset given); Java text-block {@code \t} escapes give real TABs.
 *
 * <pre>{@code
 * MailRoot root = MailRootFixture.in(tmp)
 *     .serverTab("""
 *         "RootDomain"\t"example.com"
 *         """)
 *     .file("smtprelay.tab", "\"0.0.0.0/0\"\n")
 *     .open();
 * }</pre>
 *
 * <p>{@link #xmail127Default()} starts from the MailRoot XMail 1.27 installs ({@link XMail127Default}); files given
 * afterwards replace the default ones.
 */
public final class MailRootFixture {

    private final Path dir;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private Charset charset = StandardCharsets.UTF_8;
    private boolean crlf;

    private MailRootFixture(Path dir) {
        this.dir = dir;
    }

    /**
     * @param dir the directory to write the MailRoot into (created if needed)
     * @return a builder
     */
    public static MailRootFixture in(Path dir) {
        return new MailRootFixture(dir);
    }

    /**
     * Starts from XMail 1.27's default MailRoot: every file of {@link XMail127Default}, with LF line endings, or
     * CRLF when {@link #crlf()} was called before.
     *
     * @return this builder
     */
    public MailRootFixture xmail127Default() {
        for (String f : XMail127Default.files()) {
            files.put(f, XMail127Default.withEnding(XMail127Default.bytes(f), crlf ? LineEnding.CRLF : LineEnding.LF));
        }
        return this;
    }

    /** @return this builder, writing later text files with CRLF line endings */
    public MailRootFixture crlf() {
        this.crlf = true;
        return this;
    }

    /**
     * @param cs the charset for later text files
     * @return this builder
     */
    public MailRootFixture charset(Charset cs) {
        this.charset = cs;
        return this;
    }

    /**
     * @param text server.tab content
     * @return this builder
     */
    public MailRootFixture serverTab(String text) {
        return file("server.tab", text);
    }

    /**
     * @param name a path relative to the MailRoot
     * @param text its content
     * @return this builder
     */
    public MailRootFixture file(String name, String text) {
        String t = crlf ? text.replace("\r\n", "\n").replace("\n", "\r\n") : text;
        return bytes(name, t.getBytes(charset));
    }

    /**
     * @param name  a path relative to the MailRoot
     * @param bytes its bytes
     * @return this builder
     */
    public MailRootFixture bytes(String name, byte[] bytes) {
        files.put(name, bytes.clone());
        return this;
    }

    /** @return the MailRoot directory, with every file written */
    public Path write() {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the written MailRoot, opened */
    public MailRoot open() {
        try {
            return MailRoot.open(write());
        } catch (InputException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
