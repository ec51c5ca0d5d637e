package org.xmailkit.it;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.xmailkit.it.RealXMail.Service;

/**
 * What an XMail command line makes the server listen on, read as XMail 1.27 reads it (MailSvr.cpp, one
 * SvrSetupXXX per service: each scans every argument {@code -<letter><option>}, an option taking a value consumes
 * the next argument; {@code -<letter>I host[:port]} adds an address, {@code -<letter>p} sets the port of addresses
 * without one, {@code -<letter>-} turns the service off; MiscUtils.cpp MscSplitAddressPort splits the port at the
 * last '|', ':' or ';'). Used to keep the tests' network rule: every listening service is either off or bound to
 * loopback addresses only, and POP3 synchronisation (which connects to the servers in pop3links.tab) is off.
 */
final class XMailCommandLine {

    private final Map<Service, List<Integer>> ports = new EnumMap<>(Service.class);

    private XMailCommandLine(List<String> args) {
        for (Service s : Service.values()) {
            read(s, args);
        }
        requirePsyncOff(args);
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

    /** @return the listening services that are on, with their ports (one per {@code -xI} address) */
    Map<Service, List<Integer>> ports() {
        return ports;
    }

    private void read(Service s, List<String> args) {
        boolean off = false;
        int port = s.standardPort();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.length() < 3 || a.charAt(0) != '-' || a.charAt(1) != s.letter()) {
                continue;
            }
            char option = a.charAt(2);
            if (option == '-') {
                off = true;
            } else if (s.valued().indexOf(option) >= 0 && ++i < args.size()) {
                if (option == 'I') {
                    addresses.add(args.get(i));
                } else if (option == 'p') {
                    port = atoi(args.get(i));
                }
            }
        }
        if (off) {
            return;
        }
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException(s + " would listen on every address: bind it with -" + s.letter()
                    + "I 127.0.0.1:PORT or turn it off with -" + s.letter() + "-");
        }
        List<Integer> list = new ArrayList<>();
        for (String address : addresses) {
            int cut = Math.max(address.lastIndexOf('|'), address.lastIndexOf(':'));
            cut = cut >= 0 ? cut : address.lastIndexOf(';');
            String host = cut >= 0 ? address.substring(0, cut) : address;
            if (!host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
                throw new IllegalArgumentException(s + " would listen on " + address
                        + ": the tests bind every service to a 127.x.x.x address");
            }
            int p = cut >= 0 ? atoi(address.substring(cut + 1)) : 0;
            list.add(p != 0 ? p : port);
        }
        ports.put(s, List.copyOf(list));
    }

    private static void requirePsyncOff(List<String> args) {
        if (!args.contains("-Y-")) {
            throw new IllegalArgumentException("POP3 synchronisation would connect to the servers in pop3links.tab:"
                    + " keep -Y- on the command line");
        }
    }

    /** C's atoi: leading digits, 0 when none. */
    private static int atoi(String s) {
        int i = 0;
        int n = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && n < 100_000) {
            n = n * 10 + s.charAt(i++) - '0';
        }
        return n;
    }
}
