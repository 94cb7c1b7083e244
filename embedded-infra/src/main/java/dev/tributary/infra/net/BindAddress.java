package dev.tributary.infra.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The local interface an embedded server listens on. The default is loopback: these servers have no authentication
 * and hold raw behavioural data, so reaching them from another machine has to be asked for explicitly.
 *
 * <p>Only IP literals (and {@code localhost}) are accepted: a host name would need a DNS lookup whose answer can change
 * between the bind and the address handed to clients.
 */
public record BindAddress(InetAddress address) {

    /** 127.0.0.1: reachable from this machine only. */
    public static final BindAddress LOOPBACK = new BindAddress(InetAddress.getLoopbackAddress());

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public BindAddress {
        Objects.requireNonNull(address, "address");
    }

    /**
     * Parses an IPv4 or IPv6 literal, or {@code localhost}.
     *
     * @param key the option or config key, named in the error
     */
    public static BindAddress parse(String key, String value) {
        String text = value == null ? "" : value.strip();
        if (text.equalsIgnoreCase("localhost")) {
            return LOOPBACK;
        }
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (IPV4.matcher(literal).matches() || (literal.contains(":") && literal.matches("[0-9a-fA-F:.%a-zA-Z]+"))) {
            try {
                return new BindAddress(InetAddress.getByName(literal));
            } catch (UnknownHostException e) {
                // not a valid literal after all; reported below
            }
        }
        throw new IllegalArgumentException(key + ": expected an IP address to listen on, such as 127.0.0.1 "
                + "(this machine only, the default), 0.0.0.0 (every interface) or one interface's address, got '"
                + value + "'");
    }

    /** Every interface (0.0.0.0 or ::). */
    public boolean isWildcard() {
        return address.isAnyLocalAddress();
    }

    public boolean isLoopback() {
        return address.isLoopbackAddress();
    }

    /** The literal to put in a listener URL or a {@code host:port}: {@code 127.0.0.1}, {@code [::1]}, {@code 0.0.0.0}. */
    public String literal() {
        String text = address.getHostAddress();
        return address instanceof Inet6Address ? "[" + text + "]" : text;
    }

    /**
     * The host clients on this machine use in URLs: {@code localhost} for IPv4 loopback and wildcard binds (what the
     * printed addresses and the docs have always said), otherwise the interface's own address.
     */
    public String clientHost() {
        // Not for ::1: clients resolve localhost to 127.0.0.1 first and would be refused.
        boolean ipv4Loopback = isLoopback() && !(address instanceof Inet6Address);
        return ipv4Loopback || isWildcard() ? "localhost" : literal();
    }

    public InetSocketAddress socketAddress(int port) {
        return new InetSocketAddress(address, port);
    }

    @Override
    public String toString() {
        return address.getHostAddress();
    }
}
