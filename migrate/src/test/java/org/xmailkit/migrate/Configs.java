package org.xmailkit.migrate;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.xmailkit.model.TextEncoding;

/**
 * Generated legacy server.tab configurations: a mix of current, removed, misspelt, XMailCFG-split and unknown
 * variables with plausible and awkward values, comments (migration records among them, well-formed or not), blank
 * lines, duplicates, 3-field and malformed lines, in ASCII, Windows-31J or UTF-8, with LF or CRLF endings, quoted or
 * not, with or without a final newline; and small MailRoots of such a server.tab with an smtpfwd.tab or without.
 */
final class Configs {

    private Configs() {}

    /** One generated file. */
    record Config(List<String> lines, String eol, Charset charset, boolean finalNewline) {
        @Override
        public String toString() {
            return charset.name() + (eol.equals("\n") ? " LF" : " CRLF") + (finalNewline ? "" : " no final newline")
                    + " " + lines.stream().map(l -> l.replace("\t", "<TAB>")).toList();
        }

        byte[] bytes() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                b.append(lines.get(i));
                if (i < lines.size() - 1 || finalNewline) {
                    b.append(eol);
                }
            }
            return b.toString().getBytes(charset);
        }
    }

    private static final List<String> JAPANESE = List.of("550 不正中継データベースに登録されています", "550 アクセスが拒否されました", "ご不明な点は管理者へ");

    /** Name and candidate values; "" is a real, empty value. */
    private static final List<String[]> ENTRIES = List.of(
            new String[] {"RootDomain", "example.jp", "mail.example.co.jp", ""},
            new String[] {"HeloDomain", "mx.example.jp"},
            new String[] {"PostMaster", "postmaster@example.jp"},
            new String[] {"DefaultSmtpPerms", "MR", "MRVZ", ""},
            new String[] {"EnableSMTP-TLS", "0", "1", ""},
            new String[] {"EnablePOP3-TLS", "1"},
            new String[] {"EnableCTRL-TLS", "0"},
            new String[] {"SmtpGwConfig", "NeedTLS=1", "OutBind=192.0.2.1", "", "NeedTLS", "NeedTLS=2,OutBind=10.0.0.1"
            },
            new String[] {
                "SmtpConfig",
                "Mail-Auth",
                "mail-auth, WantTLS",
                "MailAuth",
                "WANTTLS",
                "mail-auth,,WantTLS",
                "MAIL-AUTH,wanttls=0"
            },
            new String[] {"SmtpConfig-192.0.2.1,25", "mail-auth, WantTLS", "WantTLS"},
            new String[] {
                "DefaultSMTPGateways",
                "a.example,b.example",
                "a.example;b.example",
                "a.example,NeedTLS=1",
                "gw one,b.example",
                "#a.example:25,b.example:2525",
                "192.168.1.2,192.168.1.15"
            },
            new String[] {"CustMapsList", "bl.example.org:1,", ""},
            new String[] {"SMTPLocalRule1", "0", "1", "yes"},
            new String[] {"SMTPLocalRule2", "1"},
            new String[] {"SmtpMsgIPBanMaps", "550 Listed"},
            new String[] {"SmtpMsgIPBanSpammers", "550 Denied"},
            new String[] {"SMTP-RARPCheck", "0", "1", "-5"},
            new String[] {"SMTP-RDNSCheck", "1", "0"},
            new String[] {"HeloUseRootDomain", "0", "1", ""},
            new String[] {"RBL-MAPSCheck", "0", "1", "-10"},
            new String[] {"RSS-MAPSCheck", "1"},
            new String[] {"DUL-MAPSCheck", "1", "-3"},
            new String[] {"ORBS-MAPSCheck", "1"},
            new String[] {"DynDnsSetup", "dyn.example,80,/u?ip=%s,user,pass", ""},
            new String[] {"SMTP-TLS", "0", "1"},
            new String[] {"SmtpGwConfig-NeedTLS", "0", "1", "2", "x", ""},
            new String[] {"SmtpGwConfig-OutBind", "", "10.0.0.1", "a,b"},
            new String[] {"SmtpMsgIPBandMaps", "550 Listed here"},
            new String[] {"SmtpMsgIPBanSpammres", "550 Spammer"},
            new String[] {"MaxMTAOps", "16", "32"},
            new String[] {"DisableEmitAuthUser", "0", "1"},
            new String[] {"SmtpNoTLSAuths", "", "PLAIN,LOGIN"},
            new String[] {"ReceivedHdrType", "0", "3"},
            new String[] {"SmtpServerDomain", "mx.example.jp"},
            new String[] {"SSLUseCertsFile", "0"},
            new String[] {"FooBarUnknown", "1"});

    /** Comment lines: plain ones, records of earlier migrations (some only look like one), a commented setting. */
    private static final List<String> COMMENTS = List.of(
            "# comment",
            "#\"SMTP-TLS\"\t\"1\"",
            "# xmailkit: migrated to 1.27 from 1.24",
            "# xmailkit: migrated to 1.27 from 0.54",
            "# xmailkit: migrated to 1.27-localized from 1.25..1.27",
            "# xmailkit: migrated to 1.27 from pre-0.50..1.27",
            "# xmailkit: migrated to 1.26 from 1.24");

    private static Arbitrary<String> entry(boolean japanese) {
        Arbitrary<String[]> pick = Arbitraries.of(ENTRIES);
        return Combinators.combine(
                        pick,
                        Arbitraries.integers().between(0, 9),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 2))
                .as((e, i, quoted, jp) -> {
                    String value = e[1 + i % (e.length - 1)];
                    if (japanese && jp == 0 && e[0].startsWith("SmtpMsg")) {
                        value = JAPANESE.get(i % JAPANESE.size());
                    }
                    boolean q = quoted || value.isEmpty();
                    return q ? "\"" + e[0] + "\"\t\"" + value + "\"" : e[0] + "\t" + value;
                });
    }

    private static Arbitrary<String> line(boolean japanese) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, entry(japanese)),
                Tuple.of(2, Arbitraries.of(COMMENTS).map(c -> japanese && c.equals("# comment") ? "# 設定" : c)),
                Tuple.of(2, Arbitraries.just("")),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                "\"MaxMTAOps\"\t\"32\"\t\"note\"",
                                "\"SMTP-RARPCheck\"\t\"1\"\t\"x\"",
                                "\"RootDomain\" \"space.example\"",
                                " \"HeloDomain\"\t\"lead.example\"")));
    }

    /** @return generated configurations */
    static Arbitrary<Config> configs() {
        return configs(25);
    }

    /**
     * @param maxLines the most lines a file has
     * @return generated configurations of 1 to {@code maxLines} lines
     */
    static Arbitrary<Config> configs(int maxLines) {
        Arbitrary<Charset> charsets =
                Arbitraries.of(StandardCharsets.US_ASCII, TextEncoding.WINDOWS_31J, StandardCharsets.UTF_8);
        return charsets.flatMap(cs -> {
            boolean jp = !cs.equals(StandardCharsets.US_ASCII);
            return Combinators.combine(
                            line(jp).list().ofMinSize(1).ofMaxSize(maxLines),
                            Arbitraries.of("\n", "\r\n"),
                            Arbitraries.of(true, true, true, false))
                    .as((lines, eol, fin) -> new Config(new ArrayList<>(lines), eol, cs, fin));
        });
    }

    /**
     * A small MailRoot: server.tab and, when present, smtpfwd.tab.
     *
     * @param serverTab server.tab
     * @param smtpFwd   smtpfwd.tab, or null
     */
    record Root(Config serverTab, Config smtpFwd) {}

    /** smtpfwd.tab gateway columns: old comma lists, new lists, options, random order, a mix. */
    private static final List<String> FORWARDERS = List.of(
            "mx1.partner.example,mx2.partner.example",
            "mx1.partner.example;mx2.partner.example",
            "#a.example:25,b.example:2525",
            "relay.example",
            "gw one,b.example",
            "a.example,NeedTLS=1",
            "192.168.1.2,192.168.1.15");

    private static Arbitrary<String> forwarder() {
        return Combinators.combine(
                        Arbitraries.of("partner.example", "*.example.org", "other.example"),
                        Arbitraries.of(FORWARDERS),
                        Arbitraries.of("", "\t\"NeedTLS=2\""))
                .as((domain, gateways, options) -> "\"" + domain + "\"\t\"" + gateways + "\"" + options);
    }

    /** @return small MailRoots: a server.tab of 1 to 4 lines, in half of them an smtpfwd.tab of 1 to 3 rows */
    static Arbitrary<Root> roots() {
        Arbitrary<Config> fwd = Combinators.combine(
                        forwarder().list().ofMinSize(1).ofMaxSize(3), Arbitraries.of("\n", "\r\n"))
                .as((rows, eol) -> new Config(new ArrayList<>(rows), eol, StandardCharsets.US_ASCII, true));
        return Combinators.combine(configs(4), fwd.injectNull(0.5)).as(Root::new);
    }
}
