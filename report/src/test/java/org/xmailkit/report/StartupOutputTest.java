package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.FleetAuditor;
import org.xmailkit.audit.FleetResult;
import org.xmailkit.audit.startup.Startups;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.report.text.TextWriter;

/**
 * XMail's command line in the single-file outputs of {@code audit}: the HTML page has a services section for each
 * server whose command line is known (ids unique per server, values escaped, no recommendation, which needs the
 * certificate this page does not look at), and the text names where the line was found, in both languages.
 */
class StartupOutputTest {

    private static final String XMAILCFG =
            "-Cl -Mr 24 -Pl -Ql -Sl -Cp 6017 -Wp 6018 -Fp 79 -Pp 110 -Bp 995 -Sp 25" + " -Xp 465";

    @TempDir
    Path tmp;

    /** Three servers: one with XMailCFG's line in xmail.cmdline, one with a hostile line, one without any. */
    private FleetResult fleet(Optional<String> typed) throws Exception {
        Path osaka = MailRootFixture.in(tmp.resolve("fleet/osaka"))
                .serverTab("\"RootDomain\"\t\"osaka.example\"\n")
                .file("xmail.cmdline", "# XMailCFG\r\n" + XMAILCFG + "\r\n")
                .write();
        Path kobe = MailRootFixture.in(tmp.resolve("fleet/kobe"))
                .serverTab("\"RootDomain\"\t\"kobe.example\"\n")
                .file("xmail.cmdline", "-SI 192.0.2.25 -Zz<b>x</b> -F- \"-Ms\" \"C:\\Mail Root\\\"\n")
                .write();
        Path nara = MailRootFixture.in(tmp.resolve("fleet/nara"))
                .serverTab("\"RootDomain\"\t\"nara.example\"\n")
                .write();
        AuditOptions options =
                AuditOptions.defaults().withClock(FleetFixture.CLOCK).withStartup(typed.map(Startups::typed));
        List<Path> servers = typed.isPresent() ? List.of(nara) : List.of(osaka, kobe, nara);
        return new FleetAuditor(new Auditor(List.of()), 2).audit(servers, tmp, options, s -> {});
    }

    private static String render(AuditWriter w, FleetResult f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(f, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> servicesIds(String html) {
        Matcher m = Pattern.compile("<h3 id=\"(services-[^\"]*)\">").matcher(html);
        return m.results().map(r -> r.group(1)).toList();
    }

    @Test
    void theSingleHtmlPageShowsEachKnownCommandLineOnceWithoutARecommendation() throws Exception {
        FleetResult f = fleet(Optional.empty());
        String html = render(new HtmlAuditWriter(Locale.ENGLISH, "0.1.0-test", FleetFixture.CLOCK), f);
        List<String> ids = servicesIds(html);
        assertEquals(2, ids.size(), ids::toString);
        assertEquals(2, ids.stream().distinct().count(), "one id per server: " + ids);
        assertTrue(html.contains("the command line in xmail.cmdline, found in the MailRoot"), html);
        assertFalse(html.contains(tmp.toString()), "files are named relative to their MailRoot");
        assertTrue(html.contains("<code>XMail " + XMAILCFG + "</code>"), html);
        assertTrue(html.contains("<th scope=\"row\">CTRLS</th><td><code>0.0.0.0:6018</code></td>"), html);
        assertTrue(html.contains("<th scope=\"row\">SMTP</th><td><code>192.0.2.25:25</code></td>"), html);
        assertTrue(html.contains("<tr class=\"off\"><th scope=\"row\">FINGER</th>"), html);
        assertTrue(html.contains("-Zz&lt;b&gt;x&lt;/b&gt;"), html);
        assertFalse(html.contains("<b>x</b>"), "the option as written is escaped");
        assertTrue(html.contains("<code>-Ms C:\\Mail Root\\</code>"), html);
        assertFalse(html.contains("services-recommended"), "the certificate is not known to this page");
        assertFalse(html.contains("command line is not known"), "a server without one gets no section");
    }

    @Test
    void theSingleHtmlPageInJapanese() throws Exception {
        String html =
                render(new HtmlAuditWriter(Locale.JAPANESE, "0.1.0-test", FleetFixture.CLOCK), fleet(Optional.empty()));
        assertEquals(2, servicesIds(html).size());
        assertTrue(html.contains("MailRoot 内で発見"), html);
    }

    @Test
    void theTextSaysWhereTheCommandLineComesFrom() throws Exception {
        FleetResult found = fleet(Optional.empty());
        String en =
                render(new TextWriter(Locale.ENGLISH, StandardCharsets.UTF_8, false, false, Optional.empty()), found);
        assertTrue(
                en.contains("XMail command line: the command line in fleet/osaka/xmail.cmdline, found in the"
                        + " MailRoot"),
                en);
        assertTrue(en.contains("fleet/kobe/xmail.cmdline, found in the MailRoot"), en);
        int nara = en.indexOf("== fleet/nara ==");
        assertTrue(nara >= 0, en);
        assertFalse(en.substring(nara).contains("XMail command line"), "nothing is said for a server without one");
        String ja =
                render(new TextWriter(Locale.JAPANESE, StandardCharsets.UTF_8, false, false, Optional.empty()), found);
        assertTrue(ja.contains("XMail のコマンドライン: fleet/osaka/xmail.cmdline に書かれたコマンドライン (MailRoot 内で発見)"), ja);
        String typed = render(
                new TextWriter(Locale.ENGLISH, StandardCharsets.UTF_8, false, false, Optional.empty()),
                fleet(Optional.of("-Sl")));
        assertTrue(typed.contains("XMail command line: the command line given with --cmdline"), typed);
    }
}
