package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.Severity;
import org.xmailkit.report.ServerReport.OutcomeView;
import org.xmailkit.report.ServerReport.SuppressionView;

/** A template reads the report's records and enums through the fast wrapper exactly as through the bean wrapper. */
class ReportObjectWrapperTest {

    private static final String TEMPLATE = "${o.ruleId()}|${o.title()}|${s.suppressed()?c}|${s.reason()}"
            + "|<#if s.missing()??>x<#else>null</#if>|${sev.id()} ${sev.name()} ${sev}|${sev.ordinal()}"
            + "|<#if sev == other>same<#else>differs</#if>|<#if g == \"B\">B</#if>|${g.name()?length}"
            + "|${o.hashCode() == o.hashCode()}|${o.equals(o)?c}|${list?size}|${list[0].status()}|${o?has_content?c}";

    private static String render(ObjectWrapper wrapper) throws Exception {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setObjectWrapper(wrapper);
        c.setBooleanFormat("c");
        OutcomeView o = new OutcomeView("SEC-001", "Open <relay>", "not_applicable", "why");
        Map<String, Object> root = Map.of(
                "o",
                o,
                "s",
                new Suppress(new SuppressionView(true, "ok", "", true, "inline"), null),
                "sev",
                Severity.HIGH,
                "other",
                Severity.LOW,
                "g",
                Grade.B,
                "list",
                List.of(o));
        StringWriter out = new StringWriter();
        new Template("t", new StringReader(TEMPLATE), c).process(root, out);
        return out.toString();
    }

    /** A record with a method returning null and one of its own beside the components. */
    public record Suppress(SuppressionView view, String missing) {
        public boolean suppressed() {
            return view.active();
        }

        public String reason() {
            return view.reason();
        }
    }

    @Test
    void sameOutputAsTheBeanWrapper() throws Exception {
        String bean = render(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        assertEquals(bean, render(ReportObjectWrapper.INSTANCE));
        assertEquals(
                "SEC-001|Open <relay>|true|ok|null|high HIGH HIGH|1|differs|B|1|true|true|1|not_applicable|true", bean);
    }
}
