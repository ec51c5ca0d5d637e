package org.xmailkit.model.version;

import java.util.List;
import java.util.Objects;
import org.xmailkit.model.ModelMessages;
import org.xmailkit.model.Text;
import org.xmailkit.model.XMailVersion;

/**
 * The XMail version a configuration was written for: a plausible range inferred from evidence, or the version the
 * user gave with {@code --from}.
 *
 * @param earliest the earliest plausible version
 * @param latest   the latest plausible version
 * @param evidence why (each a rendered-later text naming the variable, line and what it shows)
 * @param given    whether the user gave it ({@code --from}) rather than it being inferred
 */
public record SourceVersion(XMailVersion earliest, XMailVersion latest, List<Text> evidence, boolean given) {

    public SourceVersion {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        evidence = List.copyOf(evidence);
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("empty version range " + earliest + ".." + latest);
        }
    }

    /**
     * @param version the version given with {@code --from}
     * @return an exact, user-given source version
     */
    public static SourceVersion given(XMailVersion version) {
        return new SourceVersion(version, version, List.of(ModelMessages.text("version.given", version)), true);
    }

    /** @return whether the range is a single version */
    public boolean exact() {
        return earliest.equals(latest);
    }

    /**
     * @param version a version
     * @return whether the source may be older than it (some plausible version is before it)
     */
    public boolean mayBeBefore(XMailVersion version) {
        return earliest.isBefore(version);
    }

    /**
     * @param version a version
     * @return whether the source is certainly older than it
     */
    public boolean certainlyBefore(XMailVersion version) {
        return latest.isBefore(version);
    }

    /** @return e.g. {@code 1.22} or {@code 1.11..1.23} */
    public String display() {
        return exact() ? earliest.toString() : earliest + ".." + latest;
    }
}
