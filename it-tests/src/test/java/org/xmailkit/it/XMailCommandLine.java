package org.xmailkit.it;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.xmailkit.audit.startup.Arg;
import org.xmailkit.audit.startup.Group;
import org.xmailkit.audit.startup.Listener;
import org.xmailkit.audit.startup.Place;
import org.xmailkit.audit.startup.Platform;
import org.xmailkit.audit.startup.XMailOptions;
import org.xmailkit.it.RealXMail.Service;

/**
 * What an XMail command line makes the server listen on, read by xmailkit's own model of XMail 1.27's command line
 * ({@link XMailOptions}, the one StartupOptionsIT holds against the real server). Used to keep the tests' network
 * rule: every listening service is either off or bound to 127.x.x.x addresses only, and POP3 synchronisation (which
 * connects to the servers in pop3links.tab) is off.
 */
final class XMailCommandLine {

    private final Map<Service, List<Integer>> ports = new EnumMap<>(Service.class);

    private XMailCommandLine(List<String> args) {
        XMailOptions o = options(args);
        for (Service s : Service.values()) {
            Group g = Group.byLetter(s.letter()).orElseThrow();
            if (!o.enabled(g)) {
                continue;
            }
            List<Integer> list = new ArrayList<>();
            for (Listener l : o.service(g).listeners()) {
                if (l.kind() != Listener.Kind.V4 || !l.loopback()) {
                    throw new IllegalArgumentException(s + " would listen on " + l.display() + ": the tests bind every"
                            + " service to a 127.x.x.x address (-" + s.letter() + "I 127.0.0.1:PORT) or turn it off"
                            + " (-" + s.letter() + "-)");
                }
                list.add(l.port());
            }
            if (!list.isEmpty()) {
                ports.put(s, List.copyOf(list));
            }
        }
        if (o.enabled(Group.PSYNC)) {
            throw new IllegalArgumentException("POP3 synchronisation would connect to the servers in pop3links.tab:"
                    + " keep -Y- on the command line");
        }
    }

    /**
     * @param args an XMail command line, without the program
     * @return what it listens on
     * @throws IllegalArgumentException when a service would listen on anything but a loopback address, or POP3
     *                                  synchronisation is on
     */
    static XMailCommandLine of(List<String> args) {
        return new XMailCommandLine(args);
    }

    /**
     * @param args an XMail command line, without the program, given to XMail as its arguments on Linux
     * @return what XMail 1.27 makes of it, according to xmailkit
     */
    static XMailOptions options(List<String> args) {
        return XMailOptions.parse(
                args.stream()
                        .map(a -> new Arg(a, Place.typed("command"), false))
                        .toList(),
                Platform.UNIX);
    }

    /** @return the listening services that are on, with their ports (one per {@code -xI} address) */
    Map<Service, List<Integer>> ports() {
        return ports;
    }
}
