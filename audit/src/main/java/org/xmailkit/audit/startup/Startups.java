package org.xmailkit.audit.startup;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.xmailkit.audit.startup.OptionIssue.Code;
import org.xmailkit.audit.startup.OptionIssue.Treatment;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.TextEncoding;
import org.xmailkit.model.fs.ReadPolicy;
import org.xmailkit.model.fs.SafeReader;

/**
 * Where a command line comes from: typed with {@code --cmdline}, a registry export ({@code --registry}), a start
 * script or unit ({@code --service-file}), or one of these files kept in the MailRoot under a documented name
 * ({@link #NAMES}), which is then read without being asked for.
 */
public final class Startups {

    /** The file names looked for in a MailRoot, in the order they are tried. */
    public static final List<String> NAMES =
            List.of("xmail.reg", "xmail.cmdline", "xmail.service", "xmail.default", "xmail.init");

    private Startups() {}

    /**
     * @param line a command line as typed, with or without the program name in front
     * @return what XMail makes of it (read the way XMail splits MAIL_CMD_LINE)
     */
    public static Startup typed(String line) {
        return typed(line, Optional.empty(), 0, false);
    }

    private static Startup typed(String line, Optional<Path> file, int lineNo, boolean automatic) {
        List<String> tokens = new ArrayList<>(Tokens.split(line));
        Platform platform = Platform.UNKNOWN;
        if (!tokens.isEmpty() && !tokens.get(0).startsWith("-")) {
            String first = tokens.get(0);
            String name = first.substring(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1)
                    .toLowerCase(Locale.ROOT);
            if (name.equals("xmail") || name.equals("xmail.exe")) {
                tokens.remove(0);
                platform = name.endsWith(".exe") || first.contains("\\") ? Platform.WINDOWS : Platform.UNKNOWN;
            }
        }
        Place place = file.isPresent() ? new Place(file, lineNo, "xmail.cmdline") : Place.typed("--cmdline");
        List<Arg> args = tokens.stream().map(t -> new Arg(t, place, true)).toList();
        return new Startup(
                Startup.Kind.TYPED,
                file,
                automatic,
                platform,
                file.isPresent() ? "xmail.cmdline" : "--cmdline",
                args,
                Optional.empty(),
                List.of(),
                List.of());
    }

    /**
     * @param file a {@code .reg} export the user named
     * @return the command line in it
     * @throws InputException when it cannot be read, is no export or has no XMail key
     */
    public static Startup registry(Path file) throws InputException {
        return RegistryExport.read(StartupFiles.read(file), file, false);
    }

    /**
     * @param file an init script, defaults file or systemd unit the user named
     * @return the command line it gives XMail
     * @throws InputException when it cannot be read or starts no XMail
     */
    public static Startup serviceFile(Path file) throws InputException {
        return ServiceFile.read(checkedText(file, StartupFiles.read(file)), file, false);
    }

    /**
     * Looks for a start-up file in a MailRoot ({@link #NAMES}); the first found is read, the others are named in
     * {@link Startup#alsoFound()}.
     *
     * @param root a MailRoot (not a bare server.tab)
     * @return the command line, when such a file exists
     * @throws InputException when the file found cannot be used
     */
    public static Optional<Startup> find(MailRoot root) throws InputException {
        List<Path> present = new ArrayList<>();
        for (String name : NAMES) {
            Path p = root.directory().resolve(name);
            if (root.kind(p) != SafeReader.Kind.MISSING) {
                present.add(p);
            }
        }
        if (present.isEmpty()) {
            return Optional.empty();
        }
        Path file = present.get(0);
        byte[] bytes = StartupFiles.readInside(root, file);
        String name = file.getFileName().toString();
        Startup s =
                switch (name) {
                    case "xmail.reg" -> RegistryExport.read(bytes, file, true);
                    case "xmail.cmdline" -> cmdlineFile(checkedText(file, bytes), file);
                    default -> ServiceFile.read(checkedText(file, bytes), file, true);
                };
        return Optional.of(s.withAlsoFound(present.subList(1, present.size())));
    }

    /**
     * A command line given for a server read over CTRL: XMail listens on the port xmailkit reached it on, so a line
     * that opens no CTRL listener there (CTRLS for a read in TLS from the first byte) is probably not the one the
     * server runs with, which its issues then say.
     *
     * @param startup the command line given
     * @param service {@link Group#CTRL} or {@link Group#CTRLS}
     * @param port    the port the server answered on
     * @return the command line, with that issue when it applies
     */
    public static Startup readOver(Startup startup, Group service, int port) {
        boolean opened = startup.options().listening().stream()
                .anyMatch(l -> l.service() == service && (l.port() == port || l.port() == 0));
        return opened
                ? startup
                : startup.withInputIssue(
                        OptionIssue.of(Code.REMOTE_PORT_NOT_OPENED, Treatment.UNDEFINED, -1, service.label(), port));
    }

    /** An {@code xmail.cmdline} file: lines starting with {@code #} are comments, the others one command line. */
    private static Startup cmdlineFile(byte[] bytes, Path file) {
        Charset cs = TextEncoding.detect(bytes);
        List<String> lines = new String(bytes, cs).lines().toList();
        StringBuilder line = new StringBuilder();
        int first = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (first == 0) {
                first = i + 1;
            }
            line.append(line.length() > 0 ? " " : "").append(l);
        }
        return typed(line.toString(), Optional.of(file), first, true);
    }

    private static byte[] checkedText(Path file, byte[] bytes) throws InputException {
        if (ReadPolicy.looksBinary(bytes)) {
            throw new InputException(file, 0, InputException.Reason.BINARY);
        }
        return bytes;
    }
}
