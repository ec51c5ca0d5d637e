package org.xmailkit.audit.behaviour;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.audit.net.AddressFilter;
import org.xmailkit.audit.net.IpMap;
import org.xmailkit.audit.tls.CertificateFacts;
import org.xmailkit.audit.tls.FileStatus;
import org.xmailkit.audit.tls.TlsMaterial;
import org.xmailkit.audit.tls.TrustAnchors;
import org.xmailkit.model.Effective;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.Values;
import org.xmailkit.model.XMailPassword;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.fs.ReadPolicy;
import org.xmailkit.model.fs.SafeReader;
import org.xmailkit.model.syntax.SmtpConfigTokens;

/**
 * What a client sees of XMail's SMTP service, predicted from a MailRoot's files with xmailkit's model: the one place
 * where xmailkit states SMTP behaviour, for the audit's claims and for the tests that hold them against the real
 * server. Each method gives the reply to one probe command in a new session (after the greeting, and after
 * {@code EHLO} where XMail needs one), as XMail 1.27's SMTPSvr.cpp builds it; replies that report an error carry
 * {@code CustomSMTPMessage} after " - " as SMTPSendError appends it.
 *
 * <p>The probes use addresses under {@code .invalid}, a domain that exists nowhere, so that the replies do not
 * depend on DNS: {@link #PROBE_ADDRESS} for VRFY, {@link #PROBE_DOMAIN} for ETRN, {@link #PROBE_SENDER} or the
 * null sender for MAIL and {@link #PROBE_RECIPIENT}, an outside recipient, for RCPT. Where the files hold
 * something this view does not follow (an external authentication program, wildcard aliases that could match a
 * probe), the prediction is empty rather than a guess.
 */
public final class SmtpBehaviour {

    /**
     * The bytes of SmtpServerDomain that XMail keeps: SMTPSvr.cpp copies it with StrSNCpy into szSvrDomain, a
     * char[MAX_ADDR_NAME] of 256 (SvrDefines.h), so 255 bytes and the terminating NUL (checked with the real 1.27).
     */
    private static final int SERVER_DOMAIN_BYTES = 255;

    /** The name the probe client gives in EHLO. */
    public static final String PROBE_HELO = "client.probe.invalid";
    /** The domain of ETRN. */
    public static final String PROBE_DOMAIN = "probe.invalid";
    /** The address of VRFY: no account anywhere. */
    public static final String PROBE_ADDRESS = "nobody@probe.invalid";
    /** The sender of MAIL FROM when not the null sender. */
    public static final String PROBE_SENDER = "sender@probe.invalid";
    /** An outside recipient, for the relay decision. */
    public static final String PROBE_RECIPIENT = "rcpt@relay.invalid";

    /** How a STARTTLS ends. */
    public enum TlsOutcome {
        /** XMail answers with an error and the session goes on in clear. */
        REFUSED,
        /** XMail answers 220 and completes the handshake. */
        HANDSHAKE,
        /** XMail answers 220, then cannot set up TLS and drops the connection. */
        DROPPED
    }

    /**
     * The outcome of STARTTLS.
     *
     * @param reply   XMail's reply to the command
     * @param outcome what follows it
     * @param after   the session after a completed handshake
     */
    public record StartTls(Reply reply, TlsOutcome outcome, Optional<SmtpBehaviour> after) {}

    /**
     * The outcome of an AUTH PLAIN after EHLO.
     *
     * @param reply XMail's reply
     * @param after the session after a successful login
     */
    public record Auth(Reply reply, Optional<SmtpBehaviour> after) {}

    private final MailRoot root;
    private final ServerTab tab;
    private final SmtpConditions conditions;
    private final Optional<Reply> refusal;
    private final String greetingDomain;
    private final int delay;
    private final State state;

    /** The session flags of SMTPSvr.cpp that the probes can see. */
    private record State(
            boolean whiteListed,
            boolean mailUnlocked,
            boolean senderCheckBypass,
            boolean vrfy,
            boolean etrn,
            boolean relay,
            boolean easeTls,
            boolean noRdns,
            boolean blocked,
            boolean mailLocked,
            boolean wantTls,
            BigInteger maxMessageSize,
            boolean tls,
            boolean authenticated) {}

    private SmtpBehaviour(
            MailRoot root,
            SmtpConditions conditions,
            Optional<Reply> refusal,
            String greetingDomain,
            int delay,
            State state) {
        this.root = root;
        this.tab = root.serverTab();
        this.conditions = conditions;
        this.refusal = refusal;
        this.greetingDomain = greetingDomain;
        this.delay = delay;
        this.state = state;
    }

    /**
     * The session as SMTPInitSession sets it up: IP and host-name properties, smtp.ipmap.tab, spammers.tab,
     * reverse DNS, the greeting domain, the message size and the SmtpConfig options for the local address.
     *
     * @param root       a MailRoot (a bare server.tab has no other files: XMail would refuse every session)
     * @param conditions where the session takes place
     * @return the predicted behaviour
     */
    public static SmtpBehaviour of(MailRoot root, SmtpConditions conditions) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(conditions, "conditions");
        ServerTab tab = root.serverTab();
        Props props = Props.NONE;
        Optional<Reply> refusal = Optional.empty();
        Optional<TabFile> ipprop = root.file(MailRootFile.SMTP_IPPROP);
        if (ipprop.isPresent()) {
            props = props.apply(firstIpMatch(ipprop.get(), conditions));
        }
        Optional<TabFile> hnprop = root.file(MailRootFile.SMTP_HNPROP);
        if (root.exists(MailRootFile.SMTP_HNPROP)) {
            // SvrEnumProtoProps looks the client's name up when smtp.hnprop.tab exists; no name fails the session.
            if (conditions.clientName().isEmpty()) {
                refusal = Optional.of(generic421(conditions));
            } else if (hnprop.isPresent()) {
                props = props.apply(
                        firstHostMatch(hnprop.get(), conditions.clientName().get()));
            }
        }
        int delay = 0;
        boolean noRdns = false;
        boolean blocked = false;
        if (refusal.isEmpty() && !props.whiteList) {
            // smtp.ipmap.tab: only when the file exists (SMTPCheckPeerIP).
            if (root.exists(MailRootFile.SMTP_IPMAP)
                    && !IpMap.of(root.file(MailRootFile.SMTP_IPMAP))
                            .decide(conditions.client())
                            .allowed()) {
                long code = intValue(tab, "SMTP-IpMapDropCode", 1, conditions);
                if (code > 0) {
                    refusal = Optional.of(configured(tab, "SmtpMsgIPBan", conditions));
                } else if (code < 0) {
                    delay = (int) Math.max(delay, Math.abs(code));
                }
            }
            if (refusal.isEmpty()) {
                // spammers.tab: a missing file fails the check, which refuses the session (USmtpSpammerCheck).
                Optional<Long> code = spammerCode(root, conditions);
                if (code.isPresent() && code.get() > 0) {
                    refusal = Optional.of(configured(tab, "SmtpMsgIPBanSpammers", conditions));
                } else if (code.isPresent() && code.get() == 0) {
                    blocked = true;
                } else if (code.isPresent()) {
                    delay = (int) Math.max(delay, Math.abs(code.get()));
                }
            }
            // CustMapsList: DNS blocklists never list a loopback client, and the probes run on loopback.
            long rdns = intValue(tab, "SMTP-RDNSCheck", 0, conditions);
            if (rdns != 0 && conditions.clientName().isEmpty()) {
                if (rdns > 0) {
                    noRdns = true;
                } else {
                    delay = (int) Math.max(delay, Math.abs(rdns));
                }
            }
        }
        String domain = "";
        if (refusal.isEmpty()) {
            Optional<String> d = greetingDomain(root, conditions);
            if (d.isEmpty()) {
                refusal = Optional.of(generic421(conditions));
            } else {
                domain = d.get();
            }
        }
        BigInteger maxSize = maxMessageSize(intValue(tab, "MaxMessageSize", 0, conditions));
        Optional<SmtpConfigTokens> config = smtpConfig(tab, conditions);
        State s = new State(
                props.whiteList,
                props.noAuth,
                props.senderCheckBypass,
                props.vrfy,
                props.etrn,
                false,
                false,
                noRdns,
                blocked,
                config.map(SmtpConfigTokens::mailAuth).orElse(false),
                config.map(SmtpConfigTokens::wantTls).orElse(false),
                maxSize,
                false,
                false);
        return new SmtpBehaviour(root, conditions, refusal, domain, delay, s);
    }

    /** @return the MailRoot the prediction is for */
    public MailRoot root() {
        return root;
    }

    /** @return where the session takes place */
    public SmtpConditions conditions() {
        return conditions;
    }

    /** @return the line XMail sends instead of its greeting when it refuses the session, then closing */
    public Optional<Reply> refusal() {
        return refusal;
    }

    /** @return the domain in the 220 greeting (the first word after the code) */
    public String greetingDomain() {
        return greetingDomain;
    }

    /** @return the seconds XMail waits before answering each command */
    public int commandDelay() {
        return delay;
    }

    /** @return the server's name in its replies, such as {@code [XMail 1.27 ESMTP Server]} */
    public String serverName() {
        return "[XMail " + conditions.version() + " ESMTP Server]";
    }

    /** @return whether the session is under TLS */
    public boolean tls() {
        return state.tls;
    }

    /**
     * @return the reply to {@code EHLO} {@link #PROBE_HELO}, line by line as sent ({@code 250-} then {@code 250 }),
     *         or the one error line when RootDomain is not set
     */
    public List<Reply> ehlo() {
        Effective rootDomain = tab.effective("RootDomain");
        if (rootDomain.value() == null) {
            return List.of(error("451 Requested action aborted: (" + Reply.ERROR + ") local error in processing"));
        }
        List<String> lines = new ArrayList<>();
        lines.add(rootDomain.value());
        lines.add("VRFY");
        lines.add("ETRN");
        lines.add("8BITMIME");
        lines.add("PIPELINING");
        List<String> auths = authMechanisms();
        if (!auths.isEmpty()) {
            lines.add("AUTH " + String.join(" ", auths));
        }
        lines.add(state.maxMessageSize.signum() != 0 ? "SIZE " + state.maxMessageSize : "SIZE");
        if (!state.tls && flag("EnableSMTP-TLS", true)) {
            lines.add("STARTTLS");
        }
        List<Reply> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add(new Reply("250" + (i == lines.size() - 1 ? " " : "-") + lines.get(i)));
        }
        return out;
    }

    /** @return whether EHLO succeeds (it needs RootDomain), which MAIL and AUTH need */
    public boolean ehloAccepted() {
        return tab.effective("RootDomain").value() != null;
    }

    /**
     * @return the AUTH mechanisms EHLO offers: the first column of smtpextauth.tab's lines, else LOGIN, PLAIN and
     *         CRAM-MD5; without TLS only those {@code SmtpNoTLSAuths} lets through (SMTPListAuths, SMTPAddAuth)
     */
    public List<String> authMechanisms() {
        List<String> candidates = new ArrayList<>();
        Optional<TabFile> ext = root.file(MailRootFile.SMTP_EXTAUTH);
        if (ext.isPresent()) {
            for (TabFile.Row row : ext.get().rows()) {
                candidates.add(row.column(0));
            }
        }
        if (candidates.isEmpty()) {
            candidates = List.of("LOGIN", "PLAIN", "CRAM-MD5");
        }
        List<String> out = new ArrayList<>();
        for (String m : candidates) {
            if (out.size() < 16 && allowedWithoutTls(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /** @return the reply to {@code VRFY} {@link #PROBE_ADDRESS}; empty when a wildcard alias could match it */
    public Optional<Reply> vrfy() {
        if (!state.vrfy && !flag("AllowSmtpVRFY", false)) {
            return Optional.of(error("252 Argument not checked"));
        }
        if (mayBeLocal(PROBE_ADDRESS)) {
            return Optional.empty();
        }
        return Optional.of(error("550 String does not match anything"));
    }

    /** @return the reply to {@code ETRN} {@link #PROBE_DOMAIN} */
    public Reply etrn() {
        if (!state.etrn && !flag("AllowSmtpETRN", false)) {
            return error("501 Command not accepted");
        }
        return new Reply("250 Queueing for '" + PROBE_DOMAIN + "' has been started");
    }

    /**
     * @param nullSender {@code MAIL FROM:<>} when true, else {@code MAIL FROM:<}{@link #PROBE_SENDER}{@code >}
     * @param size       the SIZE parameter, or 0 for none
     * @return the reply, after EHLO (or after AUTH in an authenticated session)
     */
    public Reply mail(boolean nullSender, long size) {
        if (!ehloAccepted()) {
            return error("503 Bad sequence of commands");
        }
        if (state.wantTls && !state.easeTls && !state.tls) {
            return error("503 Bad sequence of commands (TLS needed for this session)");
        }
        if (nullSender) {
            if (!flag("AllowNullSender", true)) {
                return error("501 Syntax error in return path");
            }
        } else {
            if (!state.senderCheckBypass && flag("CheckMailerDomain", false)) {
                // The probe sender's domain has no DNS entries anywhere.
                return error("505 Your domain has no DNS/MX entries");
            }
            if (spamAddress(PROBE_SENDER)) {
                return error(configuredText(tab, "SmtpMsgIPBanSpamAddress", "504 You are registered as spammer"));
            }
            if (state.maxMessageSize.signum() != 0
                    && size > 0
                    && state.maxMessageSize.compareTo(BigInteger.valueOf(size)) < 0) {
                return error("552 Message exceeds fixed maximum message size");
            }
        }
        if (state.noRdns || state.blocked) {
            String text = state.blocked ? tab.effective("SmtpMsgIPBanSpammers").value() : null;
            return error(text != null ? text : "551 Server access forbidden by your IP");
        }
        if (state.mailLocked && !state.mailUnlocked) {
            return error("551 Server use forbidden");
        }
        return new Reply("250 OK");
    }

    /**
     * @return the reply to {@code RCPT TO:<}{@link #PROBE_RECIPIENT}{@code >} after an accepted MAIL: the relay
     *         decision for an outside domain; empty when a wildcard alias domain could make it local
     */
    public Optional<Reply> rcpt() {
        String domain = PROBE_RECIPIENT.substring(PROBE_RECIPIENT.indexOf('@') + 1);
        if (mayBeLocal(PROBE_RECIPIENT)) {
            return Optional.empty();
        }
        if (state.relay || customDomain(domain) || relayAllowed()) {
            return Optional.of(new Reply("250 OK"));
        }
        return Optional.of(error("550 Relay denied"));
    }

    /** @return the outcome of {@code STARTTLS} after EHLO, for a client that presents no certificate */
    public StartTls startTls() {
        if (state.tls) {
            return new StartTls(
                    error("454 TLS not available due to temporary reason"), TlsOutcome.REFUSED, Optional.empty());
        }
        if (!flag("EnableSMTP-TLS", true)) {
            return new StartTls(error("454 TLS not available"), TlsOutcome.REFUSED, Optional.empty());
        }
        Reply ready = new Reply("220 Ready to start TLS");
        if (!handshakeWorks()) {
            return new StartTls(ready, TlsOutcome.DROPPED, Optional.empty());
        }
        // SMTPFullResetSession: every session flag goes, the SmtpConfig ones come back.
        State s = new State(
                false,
                false,
                false,
                false,
                false,
                false,
                false,
                false,
                false,
                state.mailLocked,
                state.wantTls,
                state.maxMessageSize,
                true,
                false);
        return new StartTls(
                ready,
                TlsOutcome.HANDSHAKE,
                Optional.of(new SmtpBehaviour(root, conditions, refusal, greetingDomain, delay, s)));
    }

    /**
     * Whether XMail can set up TLS for a client without a certificate (SSLBind.cpp BSslBindServer): server.cert and
     * server.key load and belong together, the library accepts every key and signature of the chain, the CA bundle
     * loads when verification is on, and no client certificate is required.
     *
     * @return whether the handshake completes
     */
    public boolean handshakeWorks() {
        TlsMaterial m = TlsMaterial.load(root);
        if (m.certificate().status() != FileStatus.OK
                || m.key().status() != FileStatus.OK
                || !m.keyMatch().matches()) {
            return false;
        }
        for (CertificateFacts c : m.certificate().certificates()) {
            if (!conditions.tls().accepts(c.keyAlgorithm(), c.keyBits())) {
                return false;
            }
            if (!c.selfSigned() && !conditions.tls().acceptsSignature(c.signatureAlgorithm())) {
                return false;
            }
        }
        if (flag("SSLWantCert", false)) {
            return false;
        }
        boolean verify = flag("SSLWantVerify", false);
        if (verify
                && flag("SSLUseCertsFile", false)
                && root.certsPem().isPresent()
                && TrustAnchors.bundle(root, root.certsPem().get()).isEmpty()) {
            return false;
        }
        return true;
    }

    /**
     * {@code AUTH PLAIN} after EHLO, checked against mailusers.tab (SMTPTryApplyLocalAuth: the stored password
     * decoded) and then smtpauth.tab (SMTPTryApplyUsrPwdAuth).
     *
     * @param user     the user name, {@code account@domain} for mailusers.tab
     * @param password the password
     * @return the outcome; empty when smtpextauth.tab hands logins to an external program
     */
    public Optional<Auth> authPlain(String user, String password) {
        if (!ehloAccepted()) {
            return Optional.of(new Auth(error("503 Bad sequence of commands"), Optional.empty()));
        }
        if (!allowedWithoutTls("PLAIN")) {
            return Optional.of(new Auth(error("504 Unrecognized authentication type"), Optional.empty()));
        }
        if (root.file(MailRootFile.SMTP_EXTAUTH).map(f -> !f.rows().isEmpty()).orElse(false)) {
            return Optional.empty();
        }
        Optional<String> perms = localAccountPerms(user, password);
        Optional<BigInteger> userSize = Optional.empty();
        if (perms.isPresent()) {
            userSize = accountSetting(user, "MaxMessageSize")
                    .map(v -> maxMessageSize(Values.atoi(v).orElse(0)));
        } else {
            perms = smtpAuthPerms(user, password);
        }
        if (perms.isEmpty()) {
            return Optional.of(new Auth(error("503 Authentication failed"), Optional.empty()));
        }
        String p = perms.get();
        BigInteger size = p.indexOf('Z') >= 0 ? BigInteger.ZERO : state.maxMessageSize;
        size = userSize.orElse(size);
        State s = new State(
                state.whiteListed,
                state.mailUnlocked || p.indexOf('M') >= 0,
                state.senderCheckBypass,
                state.vrfy || p.indexOf('V') >= 0,
                state.etrn || p.indexOf('T') >= 0,
                state.relay || p.indexOf('R') >= 0,
                state.easeTls || p.indexOf('S') >= 0,
                false,
                false,
                state.mailLocked,
                state.wantTls,
                size,
                state.tls,
                true);
        // SMTPApplyPerms also ends any command delay.
        return Optional.of(new Auth(
                new Reply("235 Authentication successful"),
                Optional.of(new SmtpBehaviour(root, conditions, refusal, greetingDomain, 0, s))));
    }

    /**
     * @param mechanism an AUTH mechanism
     * @return whether XMail offers and accepts it in this session (under TLS always; in clear only when
     *         {@code SmtpNoTLSAuths} is absent or lets it through, as {@code StrLimIStr} finds it)
     */
    public boolean allowedWithoutTls(String mechanism) {
        String list = tab.effective("SmtpNoTLSAuths").value();
        return state.tls || list == null || XMailMatch.limIStr(list, mechanism, ",");
    }

    /** @return the DefaultSmtpPerms an authenticated account without SmtpPerms of its own gets */
    public String defaultPerms() {
        Effective e = tab.effective("DefaultSmtpPerms");
        if (e.isSet()) {
            return e.value();
        }
        // The built-in default: MR up to 1.26, MRVZ from 1.27pre01 (SMTPSvr.cpp SMTPGetUserSmtpPerms of each).
        return conditions.version().compareTo(XMailVersion.parse("1.27pre01")) < 0 ? "MR" : "MRVZ";
    }

    // ------------------------------------------------------------------ session set-up

    /** The properties of an smtp.ipprop.tab or smtp.hnprop.tab line (SMTPEnumIPPropsCB). */
    private record Props(boolean whiteList, boolean noAuth, boolean senderCheckBypass, boolean vrfy, boolean etrn) {

        static final Props NONE = new Props(false, false, false, false, false);

        /** Applies a line's properties, name=value or bare, in column order; EaseTLS acts before SmtpConfig. */
        Props apply(Optional<TabFile.Row> row) {
            if (row.isEmpty()) {
                return this;
            }
            Props p = this;
            for (int i = 1; i < row.get().size(); i++) {
                String c = row.get().column(i);
                int eq = c.indexOf('=');
                String name = eq < 0 ? c : c.substring(0, eq);
                String value = eq < 0 ? null : c.substring(eq + 1);
                boolean on = value == null || Values.atoi(value).orElse(0) != 0;
                p = switch (name) {
                    case "WhiteList" -> on ? new Props(true, p.noAuth, p.senderCheckBypass, p.vrfy, p.etrn) : p;
                    case "NoAuth" -> on ? new Props(p.whiteList, true, p.senderCheckBypass, p.vrfy, p.etrn) : p;
                    case "SenderDomainCheck" ->
                        value != null && !on ? new Props(p.whiteList, p.noAuth, true, p.vrfy, p.etrn) : p;
                    case "EnableVRFY" -> on ? new Props(p.whiteList, p.noAuth, p.senderCheckBypass, true, p.etrn) : p;
                    case "EnableETRN" -> on ? new Props(p.whiteList, p.noAuth, p.senderCheckBypass, p.vrfy, true) : p;
                    // EaseTLS clears WantTLS before SMTPLoadConfig sets it from SmtpConfig: it never has an effect.
                    default -> p;
                };
            }
            return p;
        }
    }

    /** MscGetIPProperties: the first line whose first column, as an address filter, matches the client. */
    private static Optional<TabFile.Row> firstIpMatch(TabFile file, SmtpConditions c) {
        for (TabFile.Row row : file.rows()) {
            if (AddressFilter.read(row.columns(), 1) instanceof AddressFilter.Parsed p
                    && p.filter().matches(c.client())) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** MscGetHNProperties and MscHostSubMatch: the first line whose host spec matches the client's name. */
    private static Optional<TabFile.Row> firstHostMatch(TabFile file, String name) {
        for (TabFile.Row row : file.rows()) {
            String spec = row.column(0);
            int len = spec.endsWith(".") ? spec.length() - 1 : spec.length();
            boolean match;
            if (spec.startsWith(".")) {
                // Compared from len - (length - 1) bytes before the end of the name's start: one byte before the
                // name for a spec without a trailing dot, which in practice never matches.
                String m = spec.substring(1);
                match = m.length() <= len && regionMatches(name, m.length() - len, m, len);
            } else {
                match = regionMatches(name, 0, spec, len);
            }
            if (match) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** {@code strnicmp(name + offset, spec, len) == 0}; a byte before the name never matches. */
    private static boolean regionMatches(String name, int offset, String spec, int len) {
        if (offset < 0) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            int ni = offset + i;
            char a = ni < name.length() ? name.charAt(ni) : 0;
            char b = i < spec.length() ? spec.charAt(i) : 0;
            if (XMailMatch.lower(String.valueOf(a)).charAt(0)
                    != XMailMatch.lower(String.valueOf(b)).charAt(0)) {
                return false;
            }
            if (a == 0) {
                return true;
            }
        }
        return true;
    }

    /**
     * spammers.tab for the client (USmtpSpammerCheck): empty when no line matches; the line's {@code code}
     * parameter (default 1) when one does; 1 when the file is missing, which fails the check.
     */
    private static Optional<Long> spammerCode(MailRoot root, SmtpConditions c) {
        if (!root.exists(MailRootFile.SPAMMERS)) {
            return Optional.of(1L);
        }
        Optional<TabFile> file = root.file(MailRootFile.SPAMMERS);
        if (file.isEmpty()) {
            return Optional.of(1L);
        }
        for (TabFile.Row row : file.get().rows()) {
            int fields = row.size() > 1
                            && !row.column(1).isEmpty()
                            && Character.isDigit(row.column(1).charAt(0))
                    ? 2
                    : 1;
            if (AddressFilter.read(row.columns(), fields) instanceof AddressFilter.Parsed p
                    && p.filter().matches(c.client())) {
                long code = 1;
                if (row.size() > fields) {
                    code = param(row.column(fields), "code")
                            .map(v -> Values.atoi(v).orElse(0))
                            .orElse(1L);
                }
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    /** StrParamGet: the value of {@code name=} at the start of the text or after a comma. */
    private static Optional<String> param(String text, String name) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            if (at > 0 && text.charAt(at - 1) != ',') {
                continue;
            }
            int v = at + name.length();
            if (v >= text.length() || text.charAt(v) != '=') {
                continue;
            }
            int end = text.indexOf(',', v + 1);
            return Optional.of(text.substring(v + 1, end < 0 ? text.length() : end));
        }
        return Optional.empty();
    }

    /**
     * The greeting's domain: SmtpServerDomain when set (even empty); else the reverse name of the local address, cut
     * to the longest suffix that is a domain of this server (MDomGetClientDomain); else RootDomain.
     */
    private static Optional<String> greetingDomain(MailRoot root, SmtpConditions c) {
        ServerTab tab = root.serverTab();
        String configured = tab.effective("SmtpServerDomain").value();
        if (configured != null) {
            return Optional.of(firstBytes(configured, tab.charset(), SERVER_DOMAIN_BYTES));
        }
        if (c.localName().isPresent()) {
            String fqdn = c.localName().get();
            for (String s = fqdn; s != null; ) {
                if (handledDomain(root, s)) {
                    return Optional.of(s);
                }
                int dot = s.indexOf('.');
                s = dot < 0 ? null : s.substring(dot + 1);
            }
            if (!fqdn.isEmpty()) {
                return Optional.of(fqdn);
            }
        }
        return Optional.ofNullable(tab.effective("RootDomain").value());
    }

    /**
     * @return {@code text} cut to its first {@code max} bytes in {@code charset}, as C's bounded copy into a buffer
     *         cuts it
     */
    private static String firstBytes(String text, Charset charset, int max) {
        byte[] bytes = text.getBytes(charset);
        return bytes.length <= max ? text : new String(bytes, 0, max, charset);
    }

    /** MDomIsHandledDomain: domains.tab, after alias-domain resolution (case-insensitive). */
    private static boolean handledDomain(MailRoot root, String domain) {
        String d = aliasDomain(root, domain).orElse(domain);
        Optional<TabFile> domains = root.file(MailRootFile.DOMAINS);
        return domains.isPresent()
                && domains.get().rows().stream()
                        .anyMatch(r -> XMailMatch.lower(r.column(0)).equals(XMailMatch.lower(d)));
    }

    /** ADomLookupDomain with wildcards: the domain an alias domain stands for. */
    private static Optional<String> aliasDomain(MailRoot root, String domain) {
        Optional<TabFile> aliases = root.file(MailRootFile.ALIAS_DOMAINS);
        if (aliases.isEmpty()) {
            return Optional.empty();
        }
        for (TabFile.Row r : aliases.get().rows()) {
            if (XMailMatch.lower(r.column(0)).equals(XMailMatch.lower(domain))) {
                return Optional.of(r.column(1));
            }
        }
        for (TabFile.Row r : aliases.get().rows()) {
            String a = r.column(0);
            if ((a.indexOf('*') >= 0 || a.indexOf('?') >= 0) && XMailMatch.wildMatch(domain, a)) {
                return Optional.of(r.column(1));
            }
        }
        return Optional.empty();
    }

    /** SMTPInitSession: {@code SmtpConfig-IP,PORT}, else {@code SmtpConfig-IP}, else {@code SmtpConfig}. */
    private static Optional<SmtpConfigTokens> smtpConfig(ServerTab tab, SmtpConditions c) {
        String ip = c.local().toString();
        String value = tab.effective("SmtpConfig-" + ip + "," + c.localPort()).value();
        if (value == null) {
            value = tab.effective("SmtpConfig-" + ip).value();
        }
        if (value == null) {
            value = tab.effective("SmtpConfig").value();
        }
        return Optional.ofNullable(value).map(SmtpConfigTokens::parse);
    }

    /** {@code 1024 * (unsigned long) SvrGetConfigInt("MaxMessageSize")} on a 64-bit build. */
    private static BigInteger maxMessageSize(long kilobytes) {
        BigInteger v = BigInteger.valueOf(kilobytes).multiply(BigInteger.valueOf(1024));
        return v.signum() < 0 ? v.add(BigInteger.ONE.shiftLeft(64)) : v;
    }

    private static long intValue(ServerTab tab, String name, long fallback, SmtpConditions c) {
        Effective e = tab.effective(name);
        if (e.value() == null) {
            return fallback;
        }
        return (c.lp64() ? e.numberOnLp64() : e.number()).orElse(fallback);
    }

    private boolean flag(String name, boolean fallback) {
        Effective e = tab.effective(name);
        return e.value() == null ? fallback : e.flag().orElse(fallback);
    }

    private static Reply generic421(SmtpConditions c) {
        return new Reply("421 [XMail " + c.version() + " ESMTP Server] service not available (" + Reply.ERROR
                + "), closing transmission channel");
    }

    /** The configured refusal text, or XMail's generic 421 when the variable is not set. */
    private static Reply configured(ServerTab tab, String name, SmtpConditions c) {
        String text = tab.effective(name).value();
        return text != null ? new Reply(text) : generic421(c);
    }

    private static String configuredText(ServerTab tab, String name, String fallback) {
        String text = tab.effective(name).value();
        return text != null ? text : fallback;
    }

    /** An error reply as SMTPSendError sends it: with " - " and CustomSMTPMessage when that is set. */
    private Reply error(String text) {
        String custom = tab.effective("CustomSMTPMessage").value();
        return new Reply(custom == null ? text : text + " - " + custom);
    }

    // ------------------------------------------------------------------ addresses

    /** spam-address.tab: a line whose first column, as a wildcard, matches the address (USmtpSpamAddressCheck). */
    private boolean spamAddress(String address) {
        Optional<TabFile> f = root.file(MailRootFile.SPAM_ADDRESS);
        return f.isPresent() && f.get().rows().stream().anyMatch(r -> XMailMatch.wildMatch(address, r.column(0)));
    }

    /** custdomains: {@code DOMAIN.tab} for the domain or a parent, or {@code .tab} (USmlGetDomainCustomFile). */
    private boolean customDomain(String domain) {
        String d = XMailMatch.lower(domain);
        for (String s = d; s != null; ) {
            if (regularFile("custdomains/" + s + ".tab")) {
                return true;
            }
            int dot = s.indexOf('.', 1);
            s = dot < 0 ? null : s.substring(dot);
        }
        return regularFile("custdomains/.tab");
    }

    /** smtprelay.tab: a line whose tokens, as an address filter, match the client; a missing file allows nothing. */
    private boolean relayAllowed() {
        Optional<TabFile> f = root.file(MailRootFile.SMTP_RELAY);
        if (f.isEmpty()) {
            return false;
        }
        for (TabFile.Row row : f.get().rows()) {
            if (AddressFilter.read(row.columns(), row.size()) instanceof AddressFilter.Parsed p
                    && p.filter().matches(conditions.client())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether XMail could take the address for a local one through something this view does not follow: its domain
     * handled here, an alias domain for it, or an aliases.tab line whose domain column matches it as a wildcard.
     */
    private boolean mayBeLocal(String address) {
        String domain = address.substring(address.indexOf('@') + 1);
        if (handledDomain(root, domain) || aliasDomain(root, domain).isPresent()) {
            return true;
        }
        Optional<TabFile> aliases = root.file(MailRootFile.ALIASES);
        return aliases.isPresent()
                && aliases.get().rows().stream().anyMatch(r -> XMailMatch.wildMatch(domain, r.column(0)));
    }

    // ------------------------------------------------------------------ accounts

    /** mailusers.tab: the account's permissions when the password matches the stored one. */
    private Optional<String> localAccountPerms(String user, String password) {
        Optional<String[]> split = splitUser(user);
        Optional<TabFile> users = root.file(MailRootFile.MAIL_USERS);
        if (split.isEmpty() || users.isEmpty()) {
            return Optional.empty();
        }
        String domain = aliasLookup(split.get()[1]);
        for (TabFile.Row r : users.get().rows()) {
            if (XMailMatch.lower(r.column(0)).equals(XMailMatch.lower(domain))
                    && XMailMatch.lower(r.column(1)).equals(XMailMatch.lower(split.get()[0]))) {
                XMailPassword.Decoded d = XMailPassword.decode(r.column(2));
                if (d.ok() && d.password().equals(password)) {
                    return Optional.of(accountSetting(user, "SmtpPerms").orElse(defaultPerms()));
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private String aliasLookup(String domain) {
        Optional<TabFile> users = root.file(MailRootFile.MAIL_USERS);
        boolean direct = users.isPresent()
                && users.get().rows().stream()
                        .anyMatch(r -> XMailMatch.lower(r.column(0)).equals(XMailMatch.lower(domain)));
        return direct ? domain : aliasDomain(root, domain).orElse(domain);
    }

    /** smtpauth.tab: the permissions column of the line with this user name and password. */
    private Optional<String> smtpAuthPerms(String user, String password) {
        Optional<TabFile> f = root.file(MailRootFile.SMTP_AUTH);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        return f.get().rows().stream()
                .filter(r -> r.column(0).equals(user) && r.column(1).equals(password))
                .findFirst()
                .map(r -> r.column(2));
    }

    /** StrSplitString at the first of '@', ':' or '%'. */
    private static Optional<String[]> splitUser(String user) {
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c == '@' || c == ':' || c == '%') {
                return Optional.of(new String[] {user.substring(0, i), user.substring(i + 1)});
            }
        }
        return Optional.empty();
    }

    /**
     * A variable of a mailusers.tab account's user.tab ({@code domains/DOMAIN/DIRECTORY/user.tab}), read only when
     * every part of the path is a plain name, through the MailRoot's safe reader.
     *
     * @param user the account as {@code account@domain}
     * @param name a user.tab variable such as SmtpPerms or MaxMessageSize
     * @return its value, when the account and the variable exist
     */
    public Optional<String> accountSetting(String user, String name) {
        Optional<String[]> split = splitUser(user);
        Optional<TabFile> users = root.file(MailRootFile.MAIL_USERS);
        if (split.isEmpty() || users.isEmpty()) {
            return Optional.empty();
        }
        String domain = aliasLookup(split.get()[1]);
        for (TabFile.Row r : users.get().rows()) {
            if (XMailMatch.lower(r.column(0)).equals(XMailMatch.lower(domain))
                    && XMailMatch.lower(r.column(1)).equals(XMailMatch.lower(split.get()[0]))) {
                Optional<byte[]> bytes = plainFile(List.of("domains", r.column(0), r.column(4), "user.tab"));
                return bytes.flatMap(b -> ServerTab.parse(b).entry(name)).map(e -> e.value());
            }
        }
        return Optional.empty();
    }

    private boolean regularFile(String relative) {
        return !root.bare()
                && plain(List.of(relative.split("/", -1)))
                && root.kind(root.directory().resolve(relative)) == SafeReader.Kind.FILE;
    }

    /** A file under the MailRoot made of plain names, read as xmailkit reads every MailRoot file (SafeReader). */
    private Optional<byte[]> plainFile(List<String> parts) {
        if (root.bare() || !plain(parts)) {
            return Optional.empty();
        }
        Path p = root.directory().resolve(String.join("/", parts));
        if (root.kind(p) != SafeReader.Kind.FILE) {
            return Optional.empty();
        }
        try {
            return Optional.of(root.read(p, ReadPolicy.TEXT));
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    /** Whether every part is a plain name: no separator, no "." or "..", no NUL. */
    private static boolean plain(List<String> parts) {
        return parts.stream()
                .noneMatch(part -> part.isEmpty()
                        || part.equals(".")
                        || part.equals("..")
                        || part.indexOf('\\') >= 0
                        || part.indexOf('/') >= 0
                        || part.indexOf('\0') >= 0);
    }
}
