package org.xmailkit.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.net.IpAddress;
import org.xmailkit.audit.net.IpMap;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRootFile;

/**
 * What the audit's findings claim a client on 127.0.0.1 sees, held against what the real XMail answered. A claim
 * that cannot be observed in a run (the session refused, an earlier reply that stops the probe) is not judged; a
 * claim the replies contradict is reported.
 */
final class BehaviourClaims {

    /**
     * The outcome for one server.
     *
     * @param judged   the claims that could be checked, "RULE key"
     * @param violated the claims the server contradicted, with what it answered
     */
    record Result(List<String> judged, List<String> violated) {}

    private BehaviourClaims() {}

    /**
     * @param root     the MailRoot XMail ran on
     * @param findings the audit's findings for it
     * @param seen     XMail's replies to the probes
     * @param plain    whether the probes logged in with a mailusers.tab account that has neither SmtpPerms nor
     *                 MaxMessageSize of its own, so that DefaultSmtpPerms decides what it may do
     * @return the claims judged and those violated
     */
    static Result check(MailRoot root, List<Finding> findings, SmtpProbe.Observed seen, boolean plain) {
        List<String> judged = new ArrayList<>();
        List<String> violated = new ArrayList<>();
        for (Finding f : findings) {
            String key = f.message().key();
            Optional<Claim> claim = claim(root, f, key);
            if (f.rule().id().matches("SEC-00[79]|SEC-010") && !plain) {
                continue;
            }
            if (claim.isEmpty() || seen.greeting == null) {
                continue;
            }
            Optional<Boolean> holds = claim.get().test(seen);
            if (holds.isEmpty()) {
                continue;
            }
            judged.add(f.rule().id() + " " + key);
            if (!holds.get()) {
                violated.add(f.rule().id() + " " + key + " (" + f.message(Locale.ENGLISH) + "): "
                        + claim.get().says + "; XMail: greeting [" + seen.greeting + "], EHLO " + seen.ehlo
                        + ", VRFY [" + seen.vrfy + "], ETRN [" + seen.etrn + "], MAIL <> [" + seen.mailNull
                        + "], RCPT [" + seen.rcpt + "], MAIL [" + seen.mailSender + "], STARTTLS [" + seen.startTls
                        + "] handshake " + seen.handshake + ", AUTH [" + seen.auth + "] VRFY [" + seen.authVrfy
                        + "] ETRN [" + seen.authEtrn + "] RCPT [" + seen.authRcpt + "] SIZE [" + seen.authSize
                        + "]");
            }
        }
        return new Result(judged, violated);
    }

    /** A claim: what it says, and how to tell from the replies (empty when they do not show it). */
    private record Claim(String says, Function<SmtpProbe.Observed, Optional<Boolean>> test) {
        Optional<Boolean> test(SmtpProbe.Observed seen) {
            return test.apply(seen);
        }
    }

    private static Optional<Claim> claim(MailRoot root, Finding f, String key) {
        String id = f.rule().id();
        List<String> args = f.message().strings();
        return switch (id) {
            case "SEC-001" ->
                (key.startsWith("msg.SEC-001.everyone") && !key.contains("Ipv6"))
                                || key.startsWith("msg.SEC-001.malformed")
                                || key.equals("msg.SEC-001.customAll")
                        ? Optional.of(
                                new Claim("an outside recipient is accepted from any client", BehaviourClaims::relays))
                        : Optional.empty();
            case "SEC-005" ->
                key.endsWith(".flag") || key.endsWith(".ippropEveryone")
                        ? Optional.of(open("VRFY is answered", s -> s.vrfy, v -> !v.startsWith("252")))
                        : Optional.empty();
            case "SEC-006" ->
                key.endsWith(".flag") || key.endsWith(".ippropEveryone")
                        ? Optional.of(open("ETRN is accepted", s -> s.etrn, v -> v.startsWith("250")))
                        : Optional.empty();
            case "SEC-007" -> {
                String letters = args.get(args.size() - 1);
                if (letters.contains("V")) {
                    yield Optional.of(open("VRFY is answered after AUTH", s -> s.authVrfy, v -> !v.startsWith("252")));
                }
                yield Optional.of(open("ETRN is accepted after AUTH", s -> s.authEtrn, v -> v.startsWith("250")));
            }
            case "SEC-009" ->
                args.get(args.size() - 1).contains("Z")
                        ? Optional.of(open("no size limit after AUTH", s -> s.authSize, v -> !v.startsWith("552")))
                        : Optional.empty();
            case "SEC-010" -> Optional.of(open("relay after AUTH", s -> s.authRcpt, v -> v.equals("250 OK")));
            case "SEC-018" ->
                denied(root)
                        ? Optional.of(new Claim(
                                "a client smtp.ipmap.tab denies is served and may send",
                                s -> Optional.of(
                                        !s.refused() && (s.mailNull == null || !s.mailNull.startsWith("551")))))
                        : Optional.empty();
            case "SEC-024" ->
                Optional.of(new Claim(
                        "EHLO announces SIZE without a limit",
                        s -> s.refused()
                                ? Optional.empty()
                                : Optional.of(
                                        s.ehlo.stream().anyMatch(l -> l.equals("250-SIZE") || l.equals("250 SIZE")))));
            case "SEC-027" ->
                key.endsWith(".missingReply")
                        ? Optional.of(new Claim(
                                "every session is refused with SmtpMsgIPBanSpammers",
                                s -> Optional.of(s.refused() && !s.greeting.startsWith("421 "))))
                        : Optional.of(new Claim(
                                "every session is refused with 421", s -> Optional.of(s.greeting.startsWith("421 "))));
            case "SEC-028" -> Optional.of(open("MAIL FROM:<> is refused", s -> s.mailNull, v -> v.startsWith("501")));
            case "TLS-001" ->
                Optional.of(new Claim(
                        "STARTTLS is neither offered nor accepted",
                        s -> s.refused() || s.ehlo.isEmpty()
                                ? Optional.empty()
                                : Optional.of(s.ehlo.stream().noneMatch(l -> l.endsWith("STARTTLS"))
                                        && s.startTls != null
                                        && s.startTls.startsWith("454 TLS not available"))));
            case "TLS-004" ->
                key.equals("msg.TLS-004.inbound") && args.get(1).contains("EnableSMTP-TLS")
                        ? Optional.of(dropped("STARTTLS is answered 220, then the connection drops"))
                        : Optional.empty();
            case "TLS-005" ->
                Optional.of(new Claim(
                        "AUTH " + (key.endsWith("absent") ? "LOGIN and PLAIN are" : args.get(0) + " is")
                                + " offered without TLS",
                        s -> auth(s).map(a -> key.endsWith("absent")
                                ? a.contains(" LOGIN") && a.contains(" PLAIN")
                                : a.contains(" " + args.get(0)))));
            case "TLS-006" ->
                Optional.of(new Claim(
                        key.endsWith("none")
                                ? "no AUTH without TLS"
                                : "AUTH offers only " + args.get(1) + " without TLS",
                        s -> s.refused() || s.ehlo.isEmpty()
                                ? Optional.empty()
                                : Optional.of(
                                        key.endsWith("none")
                                                ? auth(s).isEmpty()
                                                : auth(s).map(a -> a.equals("AUTH " + args.get(1)))
                                                        .orElse(false))));
            case "TLS-012", "TLS-021" -> Optional.of(dropped("the handshake fails for a client without a certificate"));
            case "TLS-019" ->
                key.equals("msg.TLS-019.leaf")
                        ? Optional.of(dropped("the handshake fails with OpenSSL 3 at security level 2"))
                        : Optional.empty();
            case "TLS-027" ->
                key.endsWith(".unreadable") ? Optional.empty() : Optional.of(dropped("every TLS handshake fails"));
            default -> Optional.empty();
        };
    }

    /** A claim about one reply, judged only when that reply was observed. */
    private static Claim open(String says, Function<SmtpProbe.Observed, String> reply, Predicate<String> holds) {
        return new Claim(says, s -> Optional.ofNullable(reply.apply(s)).map(holds::test));
    }

    private static Claim dropped(String says) {
        return new Claim(
                says,
                s -> s.startTls == null || !s.startTls.startsWith("220")
                        ? Optional.empty()
                        : Optional.of(Boolean.FALSE.equals(s.handshake)));
    }

    /** The relay decision, when XMail got as far as RCPT; MAIL refused for want of authentication contradicts it. */
    private static Optional<Boolean> relays(SmtpProbe.Observed s) {
        if (s.rcpt != null) {
            return Optional.of(s.rcpt.equals("250 OK"));
        }
        if (s.mailNull != null && s.mailNull.startsWith("551 Server use forbidden")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** The AUTH line of EHLO in clear, without its code. */
    private static Optional<String> auth(SmtpProbe.Observed s) {
        return s.ehlo.stream()
                .filter(l -> l.length() > 4 && l.substring(4).startsWith("AUTH "))
                .map(l -> l.substring(4))
                .findFirst();
    }

    private static boolean denied(MailRoot root) {
        return root.exists(MailRootFile.SMTP_IPMAP)
                && !IpMap.of(root.file(MailRootFile.SMTP_IPMAP))
                        .decide(IpAddress.of("127.0.0.1"))
                        .allowed();
    }
}
