package org.xmailkit.audit.rules;

import java.util.List;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.rules.tls.BareNeedTls;
import org.xmailkit.audit.rules.tls.CertificateExpired;
import org.xmailkit.audit.rules.tls.CertificateExpiresSoon;
import org.xmailkit.audit.rules.tls.CertificateExpiresWithinWarning;
import org.xmailkit.audit.rules.tls.CertificateLifetime;
import org.xmailkit.audit.rules.tls.CertificateNames;
import org.xmailkit.audit.rules.tls.CertificateVerificationOn;
import org.xmailkit.audit.rules.tls.ChainOrder;
import org.xmailkit.audit.rules.tls.CleartextAuthAllowed;
import org.xmailkit.audit.rules.tls.ClientCertificateRequired;
import org.xmailkit.audit.rules.tls.CtrlReadInClearText;
import org.xmailkit.audit.rules.tls.CtrlTlsDisabled;
import org.xmailkit.audit.rules.tls.EndOfLifeOpenSsl;
import org.xmailkit.audit.rules.tls.ForwarderHostOptions;
import org.xmailkit.audit.rules.tls.GlobalOverridesGatewayTls;
import org.xmailkit.audit.rules.tls.KeyCertificateMismatch;
import org.xmailkit.audit.rules.tls.KeyFileReadable;
import org.xmailkit.audit.rules.tls.LegacyOpenSsl;
import org.xmailkit.audit.rules.tls.NoTlsAuthsFirstOnly;
import org.xmailkit.audit.rules.tls.OpenSslMismatch;
import org.xmailkit.audit.rules.tls.Pop3StlsDisabled;
import org.xmailkit.audit.rules.tls.SelfSignedCertificate;
import org.xmailkit.audit.rules.tls.SelfSignedPeersAllowed;
import org.xmailkit.audit.rules.tls.SmartHostOpportunisticTls;
import org.xmailkit.audit.rules.tls.SmartHostWithoutTls;
import org.xmailkit.audit.rules.tls.SmtpStartTlsDisabled;
import org.xmailkit.audit.rules.tls.TlsMaterialUnusable;
import org.xmailkit.audit.rules.tls.TlsWithoutCertificate;
import org.xmailkit.audit.rules.tls.VerificationWithoutCaStore;
import org.xmailkit.audit.rules.tls.WeakKey;
import org.xmailkit.audit.rules.tls.WeakSignature;

/**
 * The TLS- rules (TLS settings, certificate and key), in id order.
 *
 * <p>Generated from the rule classes of {@code org.xmailkit.audit.rules.tls} by
 * {@code org.xmailkit.audit.doc.RuleLists}: do not edit. Add or remove a rule class, then run
 * {@code mvn -B -q -pl audit -am process-test-classes -Pcatalogue}.
 */
public final class TlsRules {

    /** In order; generated, see the class comment. */
    public static final List<Rule> ALL = List.of(
            new SmtpStartTlsDisabled(),             // TLS-001
            new Pop3StlsDisabled(),                 // TLS-002
            new CtrlTlsDisabled(),                  // TLS-003
            new TlsWithoutCertificate(),            // TLS-004
            new CleartextAuthAllowed(),             // TLS-005
            new NoTlsAuthsFirstOnly(),              // TLS-006
            new SmartHostWithoutTls(),              // TLS-007
            new SmartHostOpportunisticTls(),        // TLS-008
            new BareNeedTls(),                      // TLS-009
            new ForwarderHostOptions(),             // TLS-010
            new GlobalOverridesGatewayTls(),        // TLS-011
            new ClientCertificateRequired(),        // TLS-012
            new CertificateVerificationOn(),        // TLS-013
            new VerificationWithoutCaStore(),       // TLS-014
            new SelfSignedPeersAllowed(),           // TLS-015
            new CertificateExpired(),               // TLS-016
            new CertificateExpiresSoon(),           // TLS-017
            new CertificateExpiresWithinWarning(),  // TLS-018
            new WeakKey(),                          // TLS-019
            new WeakSignature(),                    // TLS-020
            new KeyCertificateMismatch(),           // TLS-021
            new ChainOrder(),                       // TLS-022
            new SelfSignedCertificate(),            // TLS-023
            new CertificateNames(),                 // TLS-024
            new CertificateLifetime(),              // TLS-025
            new KeyFileReadable(),                  // TLS-026
            new TlsMaterialUnusable(),              // TLS-027
            new LegacyOpenSsl(),                    // TLS-028
            new EndOfLifeOpenSsl(),                 // TLS-029
            new OpenSslMismatch(),                  // TLS-030
            new CtrlReadInClearText());             // TLS-031

    private TlsRules() {
    }
}
