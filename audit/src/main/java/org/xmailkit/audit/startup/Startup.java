package org.xmailkit.audit.startup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * XMail's command line as far as xmailkit knows it: where it comes from, the arguments, the MAIL_ROOT beside it,
 * and what XMail 1.27 makes of them.
 */
public final class Startup {

    /** Where the command line was found. */
    public enum Kind {
        /** Typed with {@code --cmdline}, or in a MailRoot's {@code xmail.cmdline}. */
        TYPED,
        /** The MAIL_CMD_LINE value of a Windows registry export. */
        REGISTRY,
        /** A System V init script. */
        INIT_SCRIPT,
        /** A defaults file sourced by an init script, such as {@code /etc/default/xmail}. */
        DEFAULTS_FILE,
        /** A systemd unit. */
        SYSTEMD_UNIT;

        /** @return the lower-case id */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A value beside the command line, such as MAIL_ROOT.
     *
     * @param value the value
     * @param place where it is written
     */
    public record Value(String value, Place place) {}

    private final Kind kind;
    private final Optional<Path> file;
    private final boolean automatic;
    private final Platform platform;
    private final String holder;
    private final List<Arg> args;
    private final Optional<Value> mailRoot;
    private final List<OptionIssue> inputIssues;
    private final List<Path> alsoFound;
    private final XMailOptions options;

    Startup(
            Kind kind,
            Optional<Path> file,
            boolean automatic,
            Platform platform,
            String holder,
            List<Arg> args,
            Optional<Value> mailRoot,
            List<OptionIssue> inputIssues,
            List<Path> alsoFound) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.file = Objects.requireNonNull(file, "file");
        this.automatic = automatic;
        this.platform = Objects.requireNonNull(platform, "platform");
        this.holder = Objects.requireNonNull(holder, "holder");
        this.args = List.copyOf(args);
        this.mailRoot = Objects.requireNonNull(mailRoot, "mailRoot");
        this.inputIssues = List.copyOf(inputIssues);
        this.alsoFound = List.copyOf(alsoFound);
        this.options = XMailOptions.parse(this.args, platform);
    }

    /**
     * @param issue something about the origin found afterwards
     * @return this start-up with it added to {@link #inputIssues()}
     */
    Startup withInputIssue(OptionIssue issue) {
        List<OptionIssue> more = new ArrayList<>(inputIssues);
        more.add(issue);
        return new Startup(kind, file, automatic, platform, holder, args, mailRoot, more, alsoFound);
    }

    /**
     * @param found other start-up files in the same MailRoot that were not read
     * @return this start-up with them noted
     */
    Startup withAlsoFound(List<Path> found) {
        return new Startup(kind, file, automatic, platform, holder, args, mailRoot, inputIssues, found);
    }

    /** @return where the command line was found */
    public Kind kind() {
        return kind;
    }

    /** @return the file read, or empty for a typed line */
    public Optional<Path> file() {
        return file;
    }

    /** @return whether xmailkit found the file in the MailRoot by itself (rather than being given it) */
    public boolean automatic() {
        return automatic;
    }

    /** @return the system XMail runs on, as far as the origin tells */
    public Platform platform() {
        return platform;
    }

    /** @return what holds the command line: the registry key, the variable or the unit directive */
    public String holder() {
        return holder;
    }

    /** @return the arguments XMail receives, in order */
    public List<Arg> args() {
        return args;
    }

    /** @return the MAIL_ROOT value beside the command line, if any ({@code -Ms} overrides it) */
    public Optional<Value> mailRootVariable() {
        return mailRoot;
    }

    /** @return the MailRoot XMail uses: {@code -Ms}, else MAIL_ROOT */
    public Optional<String> mailRoot() {
        return options.mailRoot().or(() -> mailRoot.map(Value::value));
    }

    /** @return what XMail 1.27 makes of the arguments */
    public XMailOptions options() {
        return options;
    }

    /** @return other start-up files in the MailRoot that were not read (only the first one found is used) */
    public List<Path> alsoFound() {
        return alsoFound;
    }

    /** @return the issues of the origin (registry, service file) followed by those of the arguments */
    public List<OptionIssue> issues() {
        List<OptionIssue> out = new ArrayList<>(inputIssues);
        out.addAll(options.issues());
        return out;
    }

    /** @return the issues of the origin alone */
    public List<OptionIssue> inputIssues() {
        return inputIssues;
    }

    /**
     * @param issue an issue of {@link #issues()}
     * @return where the argument it concerns is written, or where the command line is
     */
    public Place place(OptionIssue issue) {
        if (issue.arg() >= 0 && issue.arg() < args.size()) {
            return args.get(issue.arg()).place();
        }
        return args.isEmpty() ? new Place(file, 0, holder) : args.get(0).place();
    }

    /** @return the arguments as one line XMail reads back the same way */
    public String line() {
        return Tokens.join(args.stream().map(Arg::text).toList());
    }

    /**
     * @param locale the language
     * @return where the command line comes from, one line, e.g. {@code xmail.reg (MAIL_CMD_LINE of HKLM\...)}
     */
    public String describe(Locale locale) {
        return describe(locale, Path::toString);
    }

    /**
     * @param locale the language
     * @param shown  how a path is shown (e.g. relative to the scan root)
     * @return where the command line comes from, one line
     */
    public String describe(Locale locale, Function<Path, String> shown) {
        String where = file.map(shown).orElse("--cmdline");
        String key = kind == Kind.TYPED && file.isPresent() ? "origin.file" : "origin." + kind.id();
        String text = StartupMessages.get(locale, key, where, holder);
        return automatic ? StartupMessages.get(locale, "origin.automatic", text) : text;
    }
}
