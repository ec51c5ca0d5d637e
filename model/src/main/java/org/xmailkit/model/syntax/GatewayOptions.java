package org.xmailkit.model.syntax;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.model.Values;

/**
 * SMTP client options as XMail 1.27's {@code USmtpOptionsAssign} reads them: {@code SmtpGwConfig}, each
 * {@code DefaultSMTPGateways} entry after its first comma, smtpfwd.tab column 3 and the {@code smtprelay} 3rd token.
 * Only {@code Name=Value} items are assigned, later ones overwriting earlier ones; a bare {@code NeedTLS} without
 * {@code =} is ignored.
 *
 * @param options the parsed option list
 */
public record GatewayOptions(OptionList options) {

    /** The option that sets the outbound STARTTLS policy. */
    public static final String NEED_TLS = "NeedTLS";
    /** The option that binds the outgoing socket to a local address. */
    public static final String OUT_BIND = "OutBind";

    /** XMail's outbound STARTTLS policy. */
    public enum NeedTls {
        /** No STARTTLS ({@code NeedTLS=0}, or not set). */
        OFF,
        /** STARTTLS when offered, else clear text ({@code NeedTLS=1}, and any value other than 0 and 2). */
        OPPORTUNISTIC,
        /** STARTTLS required: the delivery fails when it is not offered or refused ({@code NeedTLS=2}). */
        REQUIRED;

        /**
         * @param value the text after {@code NeedTLS=}
         * @return the policy XMail applies
         */
        public static NeedTls of(String value) {
            long n = Values.atoi(value).orElse(0);
            if (n == 2) {
                return REQUIRED;
            }
            // Values >= 1 other than 2 act as 1 (SMTPUtils.cpp USmtpOptionsAssign); how a negative value acts is not
            // recorded, so it is read as "no TLS", the reading that never hides a missing TLS requirement.
            return n >= 1 ? OPPORTUNISTIC : OFF;
        }

        /** @return the digit XMail's documentation uses for the policy: the constants are declared in its order */
        @SuppressWarnings("EnumOrdinal")
        public int digit() {
            return ordinal();
        }
    }

    public GatewayOptions {
        Objects.requireNonNull(options, "options");
    }

    /**
     * @param raw the option text
     * @return the options
     */
    public static GatewayOptions parse(String raw) {
        return new GatewayOptions(OptionList.parse(raw));
    }

    /** @return the options of an empty text */
    public static GatewayOptions none() {
        return parse("");
    }

    /** @return the policy these options set (the last {@code NeedTLS=N}), or empty when they set none */
    public Optional<NeedTls> needTls() {
        return lastValued(NEED_TLS).map(o -> NeedTls.of(o.value()));
    }

    /** @return the {@code NeedTLS} items written without {@code =N}, which XMail ignores */
    public List<OptionList.Option> bareNeedTls() {
        return options.options().stream()
                .filter(o -> o.name().equals(NEED_TLS) && !o.hasValue())
                .toList();
    }

    /** @return the local address these options bind to (the last {@code OutBind=IP}), if any */
    public Optional<String> outBind() {
        return lastValued(OUT_BIND).map(OptionList.Option::value);
    }

    private Optional<OptionList.Option> lastValued(String name) {
        OptionList.Option found = null;
        for (OptionList.Option o : options.options()) {
            if (o.name().equals(name) && o.hasValue()) {
                found = o;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The policy XMail 1.27 applies to a {@code DefaultSMTPGateways} entry: the entry's options are assigned first
     * and {@code SmtpGwConfig} afterwards, so a global {@code NeedTLS} overrides the entry's (observed with
     * XMail 1.27).
     *
     * @param entry  the entry's options
     * @param global {@code SmtpGwConfig}
     * @return the policy used for that gateway
     */
    public static NeedTls forDefaultGateway(GatewayOptions entry, GatewayOptions global) {
        return global.needTls().or(entry::needTls).orElse(NeedTls.OFF);
    }

    /**
     * The policy XMail 1.27 applies to a smtpfwd.tab line (or an {@code smtprelay} command): {@code SmtpGwConfig}
     * first, then the line's options column, which overrides it.
     *
     * @param global  {@code SmtpGwConfig}
     * @param column3 the line's options column (empty options when absent)
     * @return the policy used for the line's gateways
     */
    public static NeedTls forForwarder(GatewayOptions global, GatewayOptions column3) {
        return column3.needTls().or(global::needTls).orElse(NeedTls.OFF);
    }
}
