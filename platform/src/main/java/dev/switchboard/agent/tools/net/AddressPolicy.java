package dev.switchboard.agent.tools.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which hosts and addresses an outbound request may reach. Without the operator's opt-in: only public unicast
 * addresses, checked for every address a name resolves to. Always: no numeric host spellings other than the
 * canonical dotted quad (decimal {@code 2130706433}, octal {@code 0177.0.0.1}, hex {@code 0x7f.1}, short {@code 127.1}),
 * and no IPv4-mapped or IPv4-embedding IPv6 literals, since resolvers disagree about what they mean.
 */
public final class AddressPolicy {

    /** Resolves a host name; replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");
    private static final Pattern CANONICAL_OCTET = Pattern.compile("(0|[1-9][0-9]{0,2})");

    private final Resolver resolver;

    public AddressPolicy(Resolver resolver) {
        this.resolver = resolver;
    }

    public static AddressPolicy system() {
        return new AddressPolicy(InetAddress::getAllByName);
    }

    /** The address to connect to: the first of the host's addresses, once all of them passed. */
    public InetAddress resolve(String rawHost, boolean privateAllowed) throws OutboundRefused {
        String host = hostOf(rawHost);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new OutboundRefused("the host " + host + " does not resolve");
        }
        if (addresses.length == 0) {
            throw new OutboundRefused("the host " + host + " does not resolve");
        }
        if (host.contains(":") && addresses[0] instanceof Inet4Address) {
            throw new OutboundRefused("IPv4-mapped IPv6 addresses are not allowed");
        }
        for (InetAddress address : addresses) {
            if (!privateAllowed && forbidden(address)) {
                throw new OutboundRefused("the host " + host + " resolves to a non-public address");
            }
        }
        return addresses[0];
    }

    /** The host without IPv6 brackets or a trailing dot, refused when it is a numeric trick. */
    static String hostOf(String rawHost) throws OutboundRefused {
        if (rawHost == null || rawHost.isBlank()) {
            throw new OutboundRefused("the URL has no host");
        }
        String host = rawHost.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.contains(":")) {
            if (host.contains(".") || host.contains("ffff:") || host.contains("%")) {
                throw new OutboundRefused("IPv6 literals with embedded IPv4 addresses or zones are not allowed");
            }
            return host;
        }
        String[] labels = host.split("\\.", -1);
        boolean numeric = true;
        for (String label : labels) {
            numeric &= NUMERIC_LABEL.matcher(label).matches();
        }
        if (numeric && !canonicalDottedQuad(labels)) {
            throw new OutboundRefused("numeric host spellings other than a dotted quad are not allowed");
        }
        if (!numeric && labels.length > 0 && NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
            throw new OutboundRefused("a host name cannot end in a numeric label");
        }
        return host;
    }

    private static boolean canonicalDottedQuad(String[] labels) {
        if (labels.length != 4) {
            return false;
        }
        for (String label : labels) {
            if (!CANONICAL_OCTET.matcher(label).matches() || Integer.parseInt(label) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Loopback, private, link-local, CGNAT, unique-local, multicast, unspecified, documentation, reserved. */
    public static boolean forbidden(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        return address instanceof Inet6Address ? forbidden6(b) : forbidden4(b);
    }

    private static boolean forbidden4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224
                || (a0 == 100 && a1 >= 64 && a1 <= 127)          // CGNAT 100.64/10
                || (a0 == 169 && a1 == 254)
                || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) // IETF protocol assignments, TEST-NET-1
                || (a0 == 198 && (a1 == 18 || a1 == 19))          // benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113);
    }

    private static boolean forbidden6(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        boolean leadingZeros = true;
        for (int i = 0; i < 10; i++) {
            leadingZeros &= b[i] == 0;
        }
        boolean mapped = leadingZeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = leadingZeros && b[10] == 0 && b[11] == 0;   // ::/96, :: and ::1 included
        return mapped || compatible
                || (first & 0xfe) == 0xfc                                   // unique local fc00::/7
                || (first == 0xfe && (second & 0xc0) == 0x80)               // link-local fe80::/10
                || (first == 0xfe && (second & 0xc0) == 0xc0)               // site-local fec0::/10
                || first == 0xff                                            // multicast
                || (first == 0x20 && second == 0x02)                        // 6to4 embeds an IPv4 address
                || (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) // Teredo
                || (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) // documentation
                || (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b); // NAT64
    }
}
