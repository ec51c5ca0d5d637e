package org.xmailkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.model.fs.SafeWriter;
import org.xmailkit.model.fs.WriteManifest;
import org.xmailkit.model.fs.WritePolicy;
import org.xmailkit.report.FleetReport;

/**
 * {@code xmailkit demo [--out DIR]}: writes the sample fleet bundled in the jar to a new temporary directory, creates
 * its certificates, runs {@code report} on it and prints where the report is. The report goes to {@code --out}, by
 * default {@code xmailkit-report} in the current directory (or a new temporary directory when the current one cannot
 * be written).
 */
final class DemoCommand implements Command {

    /** Where the sample fleet lives on the class path. */
    static final String FLEET = "/org/xmailkit/cli/demo/";
    /** The bare server.tab of the sample, given on its own rather than found in a MailRoot. */
    static final String BARE = "hakodate-server.tab";
    /** The default output directory, under the current directory. */
    static final String DEFAULT_OUT = "xmailkit-report";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String operands() {
        return "";
    }

    @Override
    public Options options(Locale locale) {
        Options o = new Options();
        o.addOption(Args.valued("o", "out", "DIR", locale, "opt.demo.out"));
        ReportRun.addOptions(o, locale);
        return o;
    }

    @Override
    public ExitCode run(CommandLine cl, CommandContext ctx) throws Exception {
        if (!cl.getArgList().isEmpty()) {
            throw new UsageException(ctx.msg("demo.noPaths"));
        }
        AuditOptions options = ReportRun.auditOptions(cl, ctx);
        Path out;
        if (cl.hasOption("out")) {
            out = ctx.resolve(cl.getOptionValue("out"));
        } else if (ReportRun.writable(ctx.workingDir())) {
            out = ctx.workingDir().resolve(DEFAULT_OUT);
        } else {
            out = Files.createTempDirectory("xmailkit-report-");
        }
        WriteManifest report = ReportRun.checkOut(out, ctx);
        Path fleet = extract(Files.createTempDirectory("xmailkit-demo-fleet-"));
        DemoCertificates.generate(fleet, ctx.clock());
        ctx.text().println(ctx.msg("demo.fleet", fleet));
        FleetReport.Result r = ReportRun.run(inputs(fleet), report, options, ctx);
        ExitCode code = ReportRun.summarise(r, ctx);
        ctx.text().println(ctx.msg("demo.open"));
        ctx.text().println(r.index().toAbsolutePath().normalize());
        return code;
    }

    /**
     * @param fleet the extracted fleet
     * @return what the demo reports on: the fleet directory, and the bare server.tab on its own
     */
    static List<Path> inputs(Path fleet) {
        return List.of(fleet, fleet.resolve(BARE));
    }

    /**
     * Writes every file listed in the fleet index, byte for byte, and creates the empty directories it lists (names
     * ending in {@code /}).
     *
     * @param dir an empty directory
     * @return the directory
     * @throws IOException when a file cannot be read or written
     */
    static Path extract(Path dir) throws IOException {
        SafeWriter w = WritePolicy.STANDARD.writerFor(dir);
        for (String name : index()) {
            Path target = dir.resolve(name).normalize();
            if (!target.startsWith(dir)) {
                throw new IllegalStateException("demo index names a path outside the fleet: " + name);
            }
            if (name.endsWith("/")) {
                w.directory(target);
                continue;
            }
            try (InputStream in = DemoCommand.class.getResourceAsStream(FLEET + name)) {
                if (in == null) {
                    throw new IllegalStateException("demo file missing from the jar: " + name);
                }
                w.write(target, in.readAllBytes());
            }
        }
        return dir;
    }

    /** @return the files of the sample fleet, relative to its directory */
    static List<String> index() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(FLEET + "fleet.txt")) {
            if (in == null) {
                throw new IllegalStateException("demo fleet index missing from the jar");
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
            return out;
        }
    }
}
