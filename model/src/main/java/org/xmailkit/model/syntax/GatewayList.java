package org.xmailkit.model.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A gateway list: {@code DefaultSMTPGateways}, smtpfwd.tab column 2, the {@code smtprelay} host list.
 * Since 1.24 entries are separated by {@code ;} and each entry is {@code host[:port]} or {@code [ipv6]:port}, for
 * DefaultSMTPGateways optionally followed by {@code ,Option=Value,...}. Before 1.24 entries were separated by
 * {@code ,} (XMail ChangeLog, 1.24). A leading {@code #} on the whole list (smtpfwd.tab, smtprelay) asks for random
 * order.
 *
 * @param raw      the text as written
 * @param random   whether the list starts with {@code #}
 * @param entries  the entries, in order
 */
public record GatewayList(String raw, boolean random, List<Gateway> entries) {

    /**
     * One gateway entry as 1.27 reads it.
     *
     * @param raw     the entry text
     * @param host    the host part (text before the first {@code ,}), with any {@code :port}
     * @param options the text after the first {@code ,}, parsed as options (empty list when none)
     */
    public record Gateway(String raw, String host, OptionList options) {
        public Gateway {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(options, "options");
        }

        /** @return whether the entry carries options after a comma */
        public boolean hasOptions() {
            return raw.indexOf(',') >= 0;
        }
    }

    public GatewayList {
        Objects.requireNonNull(raw, "raw");
        entries = List.copyOf(entries);
    }

    /**
     * Reads a list the way XMail 1.24 and later do.
     *
     * @param raw the value
     * @return the list
     */
    public static GatewayList parse(String raw) {
        String body = raw;
        boolean random = body.startsWith("#");
        if (random) {
            body = body.substring(1);
        }
        List<Gateway> out = new ArrayList<>();
        for (String item : body.split(";", -1)) {
            if (item.isEmpty()) {
                continue;
            }
            int comma = item.indexOf(',');
            String host = comma < 0 ? item : item.substring(0, comma);
            OptionList options = comma < 0 ? OptionList.parse("") : OptionList.parse(item.substring(comma + 1));
            out.add(new Gateway(item, host, options));
        }
        return new GatewayList(raw, random, out);
    }

    /**
     * Reads a list the way XMail before 1.24 did: hosts separated by commas.
     *
     * @param raw the value
     * @return the hosts, in order
     */
    public static List<String> parseLegacy(String raw) {
        String body = raw.startsWith("#") ? raw.substring(1) : raw;
        List<String> out = new ArrayList<>();
        for (String item : body.split(",", -1)) {
            if (!item.isEmpty()) {
                out.add(item);
            }
        }
        return out;
    }

    /**
     * Whether a pre-1.24 value would be read differently by 1.24+: it has commas and no semicolons, and the
     * parts after the first comma do not look like {@code Option=Value} gateway options.
     *
     * @param raw the value
     * @return whether the value looks like a legacy comma-separated list of several gateways
     */
    public static boolean looksLegacy(String raw) {
        if (raw.indexOf(',') < 0 || raw.indexOf(';') >= 0) {
            return false;
        }
        List<String> parts = parseLegacy(raw);
        return parts.size() > 1 && parts.stream().skip(1).anyMatch(p -> p.indexOf('=') < 0);
    }

    /**
     * Joins hosts (with their options, if any) in the 1.24+ form.
     *
     * @param random  whether to keep a leading {@code #}
     * @param entries the entry texts
     * @return the value
     */
    public static String format(boolean random, List<String> entries) {
        return (random ? "#" : "") + String.join(";", entries);
    }
}
