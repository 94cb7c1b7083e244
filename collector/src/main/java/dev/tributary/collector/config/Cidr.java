package dev.tributary.collector.config;

import io.netty.util.NetUtil;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address block such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a block
 * of one. Only literals are accepted, so neither parsing a setting nor matching a header value ever resolves a
 * name through DNS.
 */
public record Cidr(byte[] network, int prefixLength) {

    public Cidr {
        network = network.clone();
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    /** {@code address[/prefix]}, or empty when it is not an IP literal with a prefix that fits it. */
    public static Optional<Cidr> parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        byte[] address = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? s : s.substring(0, slash));
        if (address == null) {
            return Optional.empty();
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(p);
            if (prefix > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new Cidr(mask(address, prefix), prefix));
    }

    /** Whether an IP literal (as found in a forwarding header) lies in this block; false for anything else. */
    public boolean contains(String ipLiteral) {
        byte[] address = ipLiteral == null ? null : NetUtil.createByteArrayFromIpAddressString(ipLiteral.trim());
        return address != null && contains(address);
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            // An IPv4-mapped IPv6 peer (::ffff:10.0.0.1) is the IPv4 address it maps.
            if (address.length == 16 && network.length == 4 && isIpv4Mapped(address)) {
                return contains(Arrays.copyOfRange(address, 12, 16));
            }
            return false;
        }
        return Arrays.equals(mask(address, prefixLength), network);
    }

    private static boolean isIpv4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xff << (8 - keep));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return NetUtil.bytesToIpAddress(network) + "/" + prefixLength;
    }
}
