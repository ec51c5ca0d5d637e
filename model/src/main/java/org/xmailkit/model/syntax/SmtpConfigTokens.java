package org.xmailkit.model.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.xmailkit.model.Values;

/**
 * The tokens of {@code SmtpConfig}, {@code SmtpConfig-IP} and {@code SmtpConfig-IP,PORT} as 1.26+ reads them
 * ({@code SMTPSvrCfgOptionsAssign}): exact, case-sensitive names {@code MailAuth} or {@code mail-auth} and
 * {@code WantTLS}, each bare or {@code =N} (N = 0 disables); anything else is ignored.
 *
 * @param options the parsed option list
 */
public record SmtpConfigTokens(OptionList options) {

    /** The names XMail 1.27 recognises. */
    public static final List<String> KNOWN = List.of("MailAuth", "mail-auth", "WantTLS");

    public SmtpConfigTokens {
        Objects.requireNonNull(options, "options");
    }

    /**
     * @param raw the value
     * @return the tokens
     */
    public static SmtpConfigTokens parse(String raw) {
        return new SmtpConfigTokens(OptionList.parse(raw));
    }

    /** @return whether 1.27 requires authentication for MAIL FROM */
    public boolean mailAuth() {
        return enabled("MailAuth") || enabled("mail-auth");
    }

    /** @return whether 1.27 requires TLS for MAIL FROM */
    public boolean wantTls() {
        return enabled("WantTLS");
    }

    private boolean enabled(String name) {
        boolean on = false;
        for (OptionList.Option o : options.options()) {
            if (o.name().equals(name)) {
                on = !o.hasValue() || Values.atoi(o.value()).orElse(0) != 0;
            }
        }
        return on;
    }

    /**
     * The tokens 1.27 ignores although they were probably meant as a known one: a different case
     * ({@code Mail-Auth}, which XMail before 1.26 accepted), or white space around the name.
     *
     * @return each such token as written, with the known name it was meant as
     */
    public List<String[]> misspelled() {
        List<String[]> out = new ArrayList<>();
        for (OptionList.Option o : options.options()) {
            if (KNOWN.contains(o.name())) {
                continue;
            }
            String cleaned = o.name().strip();
            for (String k : KNOWN) {
                if (cleaned.toLowerCase(Locale.ROOT).equals(k.toLowerCase(Locale.ROOT))) {
                    out.add(new String[] {o.name(), k.equals("MailAuth") || k.equals("mail-auth") ? "mail-auth" : k});
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The value normalised for 1.26+: known tokens in their exact case, no white space around names; unknown tokens
     * kept as they are.
     *
     * @return the normalised value
     */
    public String normalised() {
        List<String> parts = new ArrayList<>();
        for (OptionList.Option o : options.options()) {
            String name = o.name();
            String cleaned = name.strip();
            for (String k : KNOWN) {
                if (cleaned.toLowerCase(Locale.ROOT).equals(k.toLowerCase(Locale.ROOT))) {
                    name = k.equals("MailAuth") && !cleaned.equals("MailAuth") ? "mail-auth" : k;
                    break;
                }
            }
            if (name.equals(cleaned) || KNOWN.contains(name)) {
                parts.add(o.hasValue() ? name + "=" + o.value().strip() : name);
            } else {
                parts.add(o.hasValue() ? o.name() + "=" + o.value() : o.name());
            }
        }
        return String.join(",", parts);
    }
}
