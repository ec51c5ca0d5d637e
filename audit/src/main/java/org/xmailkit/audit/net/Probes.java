package org.xmailkit.audit.net;

import java.util.List;

/**
 * Sample client addresses for asking an access map "who may connect?" offline. An address is only data here: nothing
 * is ever sent to it. The public samples are spread over the IPv4 space so that a map that admits all of them admits
 * the Internet at large; maps that deny a few ranges still count as open, maps that deny by default do not.
 */
public final class Probes {

    /** Public IPv4 addresses from many different /8 blocks, documentation ranges included. */
    public static final List<IpAddress> PUBLIC_V4 = List.of(
            IpAddress.of("1.2.3.4"),
            IpAddress.of("5.61.17.9"),
            IpAddress.of("24.48.96.192"),
            IpAddress.of("31.13.70.1"),
            IpAddress.of("45.67.89.10"),
            IpAddress.of("61.112.0.1"),
            IpAddress.of("77.88.55.66"),
            IpAddress.of("93.184.216.34"),
            IpAddress.of("101.102.103.104"),
            IpAddress.of("118.27.0.1"),
            IpAddress.of("133.1.2.3"),
            IpAddress.of("151.101.1.1"),
            IpAddress.of("163.44.0.1"),
            IpAddress.of("185.199.108.1"),
            IpAddress.of("192.0.2.10"),
            IpAddress.of("198.51.100.7"),
            IpAddress.of("203.0.113.9"),
            IpAddress.of("210.130.1.1"),
            IpAddress.of("219.94.128.1"),
            IpAddress.of("223.1.2.3"));

    /** Addresses in the private IPv4 ranges (a LAN behind NAT). */
    public static final List<IpAddress> PRIVATE_V4 =
            List.of(IpAddress.of("10.1.2.3"), IpAddress.of("172.16.5.5"), IpAddress.of("192.168.1.10"));

    /** The local host. */
    public static final List<IpAddress> LOOPBACK = List.of(IpAddress.of("127.0.0.1"), IpAddress.of("::1"));

    /** Native (not IPv4-mapped) IPv6 addresses. */
    public static final List<IpAddress> NATIVE_V6 =
            List.of(IpAddress.of("2001:db8::25"), IpAddress.of("2400:4050::1"), IpAddress.of("2a00:1450:4001::1"));

    private Probes() {}

    /**
     * @param map an access map
     * @return whether it admits every public IPv4 sample
     */
    public static boolean admitsInternet(IpMap map) {
        return admitsAll(map, PUBLIC_V4);
    }

    /**
     * @param map an access map
     * @return whether it admits every native IPv6 sample
     */
    public static boolean admitsIpv6(IpMap map) {
        return admitsAll(map, NATIVE_V6);
    }

    private static boolean admitsAll(IpMap map, List<IpAddress> clients) {
        for (IpAddress a : clients) {
            if (!map.allows(a)) {
                return false;
            }
        }
        return true;
    }
}
