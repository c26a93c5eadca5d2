package io.scimgate.server.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reverse proxies whose {@code X-Forwarded-*} headers are believed: addresses or CIDR ranges
 * ({@code 10.0.0.5}, {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}). Requests from any other
 * peer are taken as they came, whatever headers they carry.
 */
public final class TrustedProxies {

    private record Range(byte[] network, int prefixBits, String text) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixBits / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int restBits = prefixBits % 8;
            if (restBits == 0) {
                return true;
            }
            int mask = 0xff << (8 - restBits) & 0xff;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** @param text comma-separated addresses and CIDR ranges, as literals (no host names) */
    public static TrustedProxies parse(String text) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : text.split(",")) {
            String trimmed = entry.trim();
            if (!trimmed.isEmpty()) {
                ranges.add(range(trimmed));
            }
        }
        return new TrustedProxies(ranges);
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (!address.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range (host names are not accepted)");
        }
        byte[] network;
        try {
            network = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
        }
        int prefixBits = network.length * 8;
        if (slash >= 0) {
            try {
                prefixBits = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefixBits = -1;
            }
            if (prefixBits < 0 || prefixBits > network.length * 8) {
                throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0.." + network.length * 8);
            }
        }
        return new Range(network, prefixBits, entry);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** @param peer the address the TCP connection comes from, as a literal */
    public boolean trusts(String peer) {
        if (ranges.isEmpty() || peer == null) {
            return false;
        }
        byte[] address;
        try {
            address = InetAddress.getByName(peer).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    @Override
    public String toString() {
        return ranges.stream().map(Range::text).collect(Collectors.joining(",", "[", "]"));
    }
}
