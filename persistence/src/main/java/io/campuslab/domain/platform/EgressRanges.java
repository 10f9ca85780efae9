package io.campuslab.domain.platform;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where labs may connect to, as NetworkPolicy ip blocks: each network the operator allows, less every
 * range inside it that a lab must never reach — the cloud metadata address and the rest of link-local,
 * loopback, the cluster's own pod and service ranges, the private ranges (where the database, the
 * portal and the school's other systems live) and the ranges no host has. An allowed network that lies
 * wholly inside a range that is never reachable is left out; a private network the operator names on
 * purpose (a package mirror, say) stays reachable, less the cluster's ranges inside it.
 */
public final class EgressRanges {

    /** Never reachable, whatever the operator allows: link-local (metadata), loopback, this-network, CGNAT, multicast, reserved. */
    public static final List<String> NEVER = List.of("0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "100.64.0.0/10",
            "224.0.0.0/4", "240.0.0.0/4", "::1/128", "fe80::/10", "ff00::/8");
    /** Not reachable unless the operator allows a network inside them by name. */
    public static final List<String> PRIVATE = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7");

    /** One allowed network and the ranges inside it that stay closed. */
    public record Block(String cidr, List<String> except) {

        public Block {
            except = List.copyOf(except);
        }
    }

    private EgressRanges() {
    }

    /**
     * @param allowed      the networks the operator allows ({@code network.egress-cidrs})
     * @param clusterCidrs the cluster's pod and service ranges ({@code network.cluster-cidrs})
     */
    public static List<Block> of(List<String> allowed, List<String> clusterCidrs) {
        List<Cidr> never = new ArrayList<>();
        NEVER.forEach(c -> never.add(Cidr.parse(c)));
        clusterCidrs.forEach(c -> never.add(Cidr.parse(c)));
        List<Cidr> closed = new ArrayList<>(never);
        PRIVATE.forEach(c -> closed.add(Cidr.parse(c)));
        List<Block> blocks = new ArrayList<>();
        for (String text : allowed) {
            Cidr network = Cidr.parse(text);
            if (never.stream().anyMatch(n -> n.contains(network))) {
                continue;
            }
            List<Cidr> inside = closed.stream().filter(c -> network.strictlyContains(c)).toList();
            List<String> except = inside.stream()
                    .filter(c -> inside.stream().noneMatch(other -> other != c && other.strictlyContains(c)))
                    .map(Cidr::toString).distinct().toList();
            blocks.add(new Block(network.toString(), except));
        }
        return blocks;
    }

    /** Whether labs may never reach any address of the network, whatever else is allowed. */
    public static boolean neverReachable(String cidr) {
        Cidr network = Cidr.parse(cidr);
        return NEVER.stream().map(Cidr::parse).anyMatch(n -> n.contains(network));
    }

    /** An address range: its first address as a number, its prefix length and the family's length. */
    private record Cidr(BigInteger base, int prefix, int bits) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("Not a CIDR block: " + text);
            }
            try {
                byte[] address = InetAddress.getByName(text.substring(0, slash)).getAddress();
                int bits = address.length * 8;
                int prefix = Integer.parseInt(text.substring(slash + 1));
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("Not a CIDR block: " + text);
                }
                BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                        .shiftRight(prefix).not().and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
                return new Cidr(new BigInteger(1, address).and(mask), prefix, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("Not a CIDR block: " + text, e);
            }
        }

        boolean contains(Cidr other) {
            return bits == other.bits && prefix <= other.prefix
                    && other.base.shiftRight(bits - prefix).equals(base.shiftRight(bits - prefix));
        }

        boolean strictlyContains(Cidr other) {
            return contains(other) && prefix < other.prefix;
        }

        @Override
        public String toString() {
            byte[] raw = base.toByteArray();
            byte[] address = new byte[bits / 8];
            int copy = Math.min(raw.length, address.length);
            System.arraycopy(raw, raw.length - copy, address, address.length - copy, copy);
            try {
                String host = InetAddress.getByAddress(address).getHostAddress();
                return (bits == 128 ? compress(host) : host) + "/" + prefix;
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String compress(String ipv6) {
            String longest = null;
            java.util.regex.Matcher zeros = java.util.regex.Pattern.compile("(^|:)(0(:0)+)(:|$)").matcher(ipv6);
            while (zeros.find()) {
                if (longest == null || zeros.group(2).length() > longest.length()) {
                    longest = zeros.group(2);
                }
            }
            return longest == null ? ipv6 : ipv6.replaceFirst("(^|:)" + java.util.regex.Pattern.quote(longest) + "(:|$)", "::");
        }
    }
}
