package org.xmailkit.model.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xmailkit.model.Values;

/**
 * {@code CustMapsList} as XMail 1.27's hand-written parser reads it: {@code zone:code,zone:code,...}. The zone is
 * the text before the next {@code :}, the code is {@code atoi} of what follows, the next item starts after the
 * next {@code ,}; an item without {@code :} ends the scan. Code 1 rejects at connect, 0 requires SMTP AUTH, any
 * other value delays by |code| seconds.
 *
 * @param raw     the text as written
 * @param entries the zones XMail queries
 * @param ignored text XMail never reads (after an item without {@code :}), or empty
 */
public record CustMapsList(String raw, List<Zone> entries, String ignored) {

    /**
     * One DNSBL zone.
     *
     * @param zone     the zone name, as written
     * @param codeText the code as written
     * @param code     the code XMail uses ({@code atoi})
     */
    public record Zone(String zone, String codeText, long code) {
        public Zone {
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(codeText, "codeText");
        }

        /** @return whether XMail rejects a listed client at connect (only code 1) */
        public boolean rejects() {
            return code == 1;
        }
    }

    public CustMapsList {
        Objects.requireNonNull(raw, "raw");
        entries = List.copyOf(entries);
        Objects.requireNonNull(ignored, "ignored");
    }

    /**
     * @param raw the value
     * @return the parsed list
     */
    public static CustMapsList parse(String raw) {
        List<Zone> out = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            int colon = raw.indexOf(':', i);
            int comma = raw.indexOf(',', i);
            if (colon < 0 || (comma >= 0 && comma < colon)) {
                return new CustMapsList(raw, out, raw.substring(i));
            }
            String zone = raw.substring(i, colon);
            int next = raw.indexOf(',', colon + 1);
            String code = next < 0 ? raw.substring(colon + 1) : raw.substring(colon + 1, next);
            out.add(new Zone(zone, code, Values.atoi(code).orElse(0)));
            if (next < 0) {
                break;
            }
            i = next + 1;
        }
        return new CustMapsList(raw, out, "");
    }
}
