package org.xmailkit.audit.rules.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.NetContext;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.NetRule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.audit.tls.CertificateFacts;
import org.xmailkit.audit.tls.FileStatus;
import org.xmailkit.audit.tls.TlsMaterial;
import org.xmailkit.model.References;
import org.xmailkit.model.Text;

/**
 * NET-025: the certificate served is not the first certificate of the MailRoot's server.cert (SHA-256 fingerprints
 * compared). XMail reads server.cert again for every handshake, so a difference means the server runs on another
 * MailRoot, or something else (a proxy, another server) answers on the port.
 */
public final class ServedCertificateDiffers implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-025",
            Severity.HIGH,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE, RuleInfo.Need.MAILROOT),
            List.of(References.source("SSLBind.cpp BSslSetupVerify"), References.source("SSLConfig.cpp CSslBindSetup")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        TlsMaterial m = ctx.files().orElseThrow().tls();
        Optional<CertificateFacts> onDisk =
                m.certificate().status() == FileStatus.OK ? m.certificate().leaf() : Optional.empty();
        Location at = Location.file(m.certificate().path());
        List<NetFinding> out = new ArrayList<>();
        for (List<EndpointProbe> g : NetSupport.byLeaf(ctx)) {
            CertificateFacts served = NetSupport.leafOf(g);
            if (onDisk.isPresent() && onDisk.get().sha256().equals(served.sha256())) {
                continue;
            }
            List<String> evidence = new ArrayList<>(List.of(NetSupport.summary(served)));
            Text message;
            if (onDisk.isPresent()) {
                evidence.add("server.cert #1: subject " + onDisk.get().subject() + "; SHA-256 "
                        + onDisk.get().sha256());
                message = INFO.message(
                        "differs",
                        NetSupport.labels(g),
                        served.sha256(),
                        onDisk.get().sha256());
            } else {
                evidence.add("server.cert: " + m.certificate().status().name().toLowerCase(Locale.ROOT));
                message = INFO.message("noFile", NetSupport.labels(g), served.sha256());
            }
            out.add(NetSupport.finding(INFO, g, Optional.of(at), message, evidence));
        }
        return out;
    }
}
