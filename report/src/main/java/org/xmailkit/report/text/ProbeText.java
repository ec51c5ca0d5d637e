package org.xmailkit.report.text;

import java.util.Locale;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Printable;
import org.xmailkit.model.TerminalStream;
import org.xmailkit.report.OutputTexts;
import org.xmailkit.report.ProbeView;

/** Prints a host's wire observations as text: one block per endpoint, one {@code label: value} line per row. */
final class ProbeText {

    private ProbeText() {}

    /**
     * @param out    where to print (escaping every control character)
     * @param ansi   the colours
     * @param view   the observations
     * @param locale the language
     * @param header whether to name the host first (inside an audit; the probe's own output has a host header)
     */
    static void observations(TerminalStream out, Ansi ansi, ProbeView view, Locale locale, boolean header) {
        if (header) {
            ansi.paintln(out, Ansi.BOLD, OutputTexts.get(locale, "text.probeOf", view.host()));
        }
        if (!view.error().isEmpty()) {
            ansi.paintln(out, Ansi.of(Severity.CRITICAL), "  " + view.error());
            return;
        }
        out.println("  " + view.summary());
        if (!view.mailRoot().isEmpty()) {
            out.println("  " + OutputTexts.get(locale, "text.mailRoot", view.mailRoot()));
        }
        for (ProbeView.EndpointView e : view.endpoints()) {
            out.print("  ");
            ansi.paint(out, Ansi.BOLD, e.label());
            out.println("  " + e.status());
            for (ProbeView.Row r : e.rows()) {
                String line = "    " + r.label() + ": " + Printable.showingTabs(r.value());
                if (r.alert()) {
                    ansi.paintln(out, Ansi.of(Severity.MEDIUM), line);
                } else {
                    out.println(line);
                }
            }
        }
        if (!view.untested().isEmpty()) {
            ansi.paintln(out, Ansi.DIM, "  " + view.untested());
        }
    }
}
