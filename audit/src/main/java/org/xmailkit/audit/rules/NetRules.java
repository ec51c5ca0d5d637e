package org.xmailkit.audit.rules;

import java.util.List;
import org.xmailkit.audit.NetRule;
import org.xmailkit.audit.rules.net.AddressVerification;
import org.xmailkit.audit.rules.net.AuthBeyondNoTlsAuths;
import org.xmailkit.audit.rules.net.CertificateExpired;
import org.xmailkit.audit.rules.net.CertificateExpiresSoon;
import org.xmailkit.audit.rules.net.CertificateNames;
import org.xmailkit.audit.rules.net.CertificateSelfSigned;
import org.xmailkit.audit.rules.net.CertificateWeakKey;
import org.xmailkit.audit.rules.net.CertificateWeakSignature;
import org.xmailkit.audit.rules.net.ChainIncomplete;
import org.xmailkit.audit.rules.net.CleartextPop3Login;
import org.xmailkit.audit.rules.net.CleartextSmtpAuth;
import org.xmailkit.audit.rules.net.CtrlAnsweredDespiteMap;
import org.xmailkit.audit.rules.net.CtrlAnswers;
import org.xmailkit.audit.rules.net.CtrlTlsRefused;
import org.xmailkit.audit.rules.net.EtrnAccepted;
import org.xmailkit.audit.rules.net.InsecureSuites;
import org.xmailkit.audit.rules.net.LegacyTlsAccepted;
import org.xmailkit.audit.rules.net.NoModernTls;
import org.xmailkit.audit.rules.net.NullSenderRefused;
import org.xmailkit.audit.rules.net.OpenRelay;
import org.xmailkit.audit.rules.net.Pop3StlsMissing;
import org.xmailkit.audit.rules.net.ServedCertificateDiffers;
import org.xmailkit.audit.rules.net.SmtpStartTlsMissing;
import org.xmailkit.audit.rules.net.Ssl3Accepted;
import org.xmailkit.audit.rules.net.TlsHandshakeFails;
import org.xmailkit.audit.rules.net.TlsSwitchContradicted;
import org.xmailkit.audit.rules.net.VersionDisclosed;
import org.xmailkit.audit.rules.net.WeakSuites;

/**
 * The NET- rules (what a running server shows on the wire), in id order.
 *
 * <p>Generated from the rule classes of {@code org.xmailkit.audit.rules.net} by
 * {@code org.xmailkit.audit.doc.RuleLists}: do not edit. Add or remove a rule class, then run
 * {@code mvn -B -q -pl audit -am process-test-classes -Pcatalogue}.
 */
public final class NetRules {

    /** In order; generated, see the class comment. */
    public static final List<NetRule> ALL = List.of(
            new VersionDisclosed(),          // NET-001
            new TlsHandshakeFails(),         // NET-002
            new SmtpStartTlsMissing(),       // NET-003
            new Pop3StlsMissing(),           // NET-004
            new CtrlTlsRefused(),            // NET-005
            new CleartextSmtpAuth(),         // NET-006
            new CleartextPop3Login(),        // NET-007
            new AddressVerification(),       // NET-008
            new EtrnAccepted(),              // NET-009
            new OpenRelay(),                 // NET-010
            new NullSenderRefused(),         // NET-011
            new CtrlAnswers(),               // NET-012
            new Ssl3Accepted(),              // NET-013
            new LegacyTlsAccepted(),         // NET-014
            new NoModernTls(),               // NET-015
            new InsecureSuites(),            // NET-016
            new WeakSuites(),                // NET-017
            new CertificateExpired(),        // NET-018
            new CertificateExpiresSoon(),    // NET-019
            new CertificateNames(),          // NET-020
            new CertificateWeakKey(),        // NET-021
            new CertificateWeakSignature(),  // NET-022
            new ChainIncomplete(),           // NET-023
            new CertificateSelfSigned(),     // NET-024
            new ServedCertificateDiffers(),  // NET-025
            new CtrlAnsweredDespiteMap(),    // NET-026
            new AuthBeyondNoTlsAuths(),      // NET-027
            new TlsSwitchContradicted());    // NET-028

    private NetRules() {
    }
}
