package org.xmailkit.audit.rules;

import java.util.List;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.rules.sec.AuthUserHeader;
import org.xmailkit.audit.rules.sec.BroadRelayRange;
import org.xmailkit.audit.rules.sec.CommentedCtrlAccount;
import org.xmailkit.audit.rules.sec.CtrlCleartextLogins;
import org.xmailkit.audit.rules.sec.CtrlOpenToAnyone;
import org.xmailkit.audit.rules.sec.DeadDnsbl;
import org.xmailkit.audit.rules.sec.DefaultPermsBypass;
import org.xmailkit.audit.rules.sec.DefaultPermsRelay;
import org.xmailkit.audit.rules.sec.DefaultPermsVrfyEtrn;
import org.xmailkit.audit.rules.sec.DeliveryLogToSender;
import org.xmailkit.audit.rules.sec.DynDnsCredentials;
import org.xmailkit.audit.rules.sec.EtrnForEveryone;
import org.xmailkit.audit.rules.sec.FingerOpenToAnyone;
import org.xmailkit.audit.rules.sec.HostPropertyDotNeverMatches;
import org.xmailkit.audit.rules.sec.HostPropertyPrefixMatch;
import org.xmailkit.audit.rules.sec.IgnoredIpMapLine;
import org.xmailkit.audit.rules.sec.IpMapDropCodeZero;
import org.xmailkit.audit.rules.sec.IpMapMissesIpv6;
import org.xmailkit.audit.rules.sec.IpMapNegativePrecedence;
import org.xmailkit.audit.rules.sec.IpMapUnknownAction;
import org.xmailkit.audit.rules.sec.MissingSpammersTab;
import org.xmailkit.audit.rules.sec.NeverMatchingAddress;
import org.xmailkit.audit.rules.sec.NoDnsbl;
import org.xmailkit.audit.rules.sec.NullSenderRefused;
import org.xmailkit.audit.rules.sec.OpenRelay;
import org.xmailkit.audit.rules.sec.PlaintextSmtpAuth;
import org.xmailkit.audit.rules.sec.Pop3PasswordsLogged;
import org.xmailkit.audit.rules.sec.PopBeforeSmtp;
import org.xmailkit.audit.rules.sec.PrivateNetworkRelay;
import org.xmailkit.audit.rules.sec.ReceivedServerAddress;
import org.xmailkit.audit.rules.sec.SampleAccount;
import org.xmailkit.audit.rules.sec.StartTlsWipesRestrictions;
import org.xmailkit.audit.rules.sec.UndecodablePassword;
import org.xmailkit.audit.rules.sec.UnlimitedMessageSize;
import org.xmailkit.audit.rules.sec.UnlimitedSmtpErrors;
import org.xmailkit.audit.rules.sec.VrfyForEveryone;
import org.xmailkit.audit.rules.sec.WeakPassword;

/**
 * The SEC- rules (access, relay, credentials, privacy, abuse limits), in id order.
 *
 * <p>Generated from the rule classes of {@code org.xmailkit.audit.rules.sec} by
 * {@code org.xmailkit.audit.doc.RuleLists}: do not edit. Add or remove a rule class, then run
 * {@code mvn -B -q -pl audit -am process-test-classes -Pcatalogue}.
 */
public final class SecRules {

    /** In order; generated, see the class comment. */
    public static final List<Rule> ALL = List.of(
            new OpenRelay(),                    // SEC-001
            new BroadRelayRange(),              // SEC-002
            new PrivateNetworkRelay(),          // SEC-003
            new PopBeforeSmtp(),                // SEC-004
            new VrfyForEveryone(),              // SEC-005
            new EtrnForEveryone(),              // SEC-006
            new DefaultPermsVrfyEtrn(),         // SEC-007
            new Pop3PasswordsLogged(),          // SEC-008
            new DefaultPermsBypass(),           // SEC-009
            new DefaultPermsRelay(),            // SEC-010
            new CtrlOpenToAnyone(),             // SEC-011
            new CtrlCleartextLogins(),          // SEC-012
            new SampleAccount(),                // SEC-013
            new WeakPassword(),                 // SEC-014
            new CommentedCtrlAccount(),         // SEC-015
            new UndecodablePassword(),          // SEC-016
            new PlaintextSmtpAuth(),            // SEC-017
            new IpMapDropCodeZero(),            // SEC-018
            new StartTlsWipesRestrictions(),    // SEC-019
            new AuthUserHeader(),               // SEC-020
            new ReceivedServerAddress(),        // SEC-021
            new DeliveryLogToSender(),          // SEC-022
            new UnlimitedSmtpErrors(),          // SEC-023
            new UnlimitedMessageSize(),         // SEC-024
            new NoDnsbl(),                      // SEC-025
            new DeadDnsbl(),                    // SEC-026
            new MissingSpammersTab(),           // SEC-027
            new NullSenderRefused(),            // SEC-028
            new DynDnsCredentials(),            // SEC-029
            new IgnoredIpMapLine(),             // SEC-030
            new IpMapNegativePrecedence(),      // SEC-031
            new IpMapUnknownAction(),           // SEC-032
            new NeverMatchingAddress(),         // SEC-033
            new HostPropertyPrefixMatch(),      // SEC-034
            new HostPropertyDotNeverMatches(),  // SEC-035
            new FingerOpenToAnyone(),           // SEC-036
            new IpMapMissesIpv6());             // SEC-037

    private SecRules() {
    }
}
