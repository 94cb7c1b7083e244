package dev.tributary.collector.identity;

import dev.tributary.collector.config.Cidr;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The client address recorded as {@code ipAddress} and which forwarding headers the payload may keep.
 *
 * <p>Without trusted proxies (Snowplow's behaviour): the first {@code X-Forwarded-For} entry, else the first
 * {@code Forwarded: for=} node, else the socket peer; {@code "unknown"} when none is usable; headers kept.
 *
 * <p>With trusted proxies: a peer outside them is the client and its forwarding headers are dropped (enrich
 * re-derives the IP from the kept headers, so keeping them would let any client choose its recorded IP). A
 * trusted peer's chain is walked from the right, skipping trusted hops; the first other address is the client,
 * and the payload carries just {@code X-Forwarded-For: <client>} so enrich arrives at the same address.
 */
public final class ClientIp {

    public static final String UNKNOWN = "unknown";

    /** Lower-cased names of the request headers that carry a client address. */
    public static final Set<String> FORWARDING_HEADERS =
            Set.of("x-forwarded-for", "forwarded", "x-real-ip", "true-client-ip", "cf-connecting-ip");

    /** What the payload does with the request's forwarding headers. */
    public enum Forwarding {
        /** Keep them as received. */
        KEEP,
        /** Drop them: they came from a peer that is not a trusted proxy. */
        DROP,
        /** Drop them and add {@code X-Forwarded-For: <resolved ip>}. */
        REPLACE
    }

    /** The resolved address and what to do with the forwarding headers. */
    public record Resolved(String ip, Forwarding forwarding) {
    }

    private final List<Cidr> trustedProxies;

    public ClientIp(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public Resolved resolve(String xForwardedFor, String forwarded, SocketAddress peer) {
        if (trustedProxies.isEmpty()) {
            return new Resolved(firstOf(xForwardedFor, forwarded, peer), Forwarding.KEEP);
        }
        String peerIp = peerIp(peer);
        if (peerIp == null || !trusted(peerIp)) {
            return new Resolved(peerIp == null ? UNKNOWN : peerIp, Forwarding.DROP);
        }
        List<String> chain = xForwardedFor != null ? xForwardedForChain(xForwardedFor) : forwardedForChain(forwarded);
        String client = peerIp;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (!Cidr.parse(hop).isPresent()) {
                break; // garbage or "unknown": the last hop we trust is the best we know
            }
            client = hop;
            if (!trusted(hop)) {
                break;
            }
        }
        return new Resolved(client, Forwarding.REPLACE);
    }

    private boolean trusted(String ip) {
        return trustedProxies.stream().anyMatch(c -> c.contains(ip));
    }

    /** Snowplow's choice, used when no trusted proxies are configured. */
    public static String firstOf(String xForwardedFor, String forwarded, SocketAddress peer) {
        String fromXff = firstXForwardedFor(xForwardedFor);
        if (fromXff != null) {
            return fromXff;
        }
        String fromForwarded = firstForwardedFor(forwarded);
        if (fromForwarded != null) {
            return fromForwarded;
        }
        String peerIp = peerIp(peer);
        return peerIp == null ? UNKNOWN : peerIp;
    }

    private static String peerIp(SocketAddress peer) {
        if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return null;
    }

    static String firstXForwardedFor(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        String first = (comma < 0 ? header : header.substring(0, comma)).trim();
        return first.isEmpty() || first.equalsIgnoreCase(UNKNOWN) ? null : first;
    }

    static List<String> xForwardedForChain(String header) {
        List<String> out = new ArrayList<>();
        for (String hop : header.split(",")) {
            out.add(hop.trim());
        }
        return out;
    }

    /** RFC 7239: {@code Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"}. */
    static String firstForwardedFor(String header) {
        if (header == null) {
            return null;
        }
        String node = forNode(header.split(",", 2)[0]);
        return node == null || node.isEmpty() || node.equalsIgnoreCase(UNKNOWN) || node.startsWith("_") ? null : node;
    }

    static List<String> forwardedForChain(String header) {
        List<String> out = new ArrayList<>();
        if (header != null) {
            for (String element : header.split(",")) {
                String node = forNode(element);
                if (node != null) {
                    out.add(node);
                }
            }
        }
        return out;
    }

    /** The address of the {@code for=} pair of one element, without quotes, brackets or port; null if none. */
    private static String forNode(String element) {
        for (String pair : element.split(";")) {
            int eq = pair.indexOf('=');
            if (eq < 0 || !pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
                continue;
            }
            String node = pair.substring(eq + 1).trim();
            if (node.length() >= 2 && node.startsWith("\"") && node.endsWith("\"")) {
                node = node.substring(1, node.length() - 1);
            }
            if (node.startsWith("[")) {
                int close = node.indexOf(']');
                node = close > 0 ? node.substring(1, close) : node.substring(1);
            } else if (node.indexOf(':') == node.lastIndexOf(':') && node.indexOf(':') > 0) {
                node = node.substring(0, node.indexOf(':')); // IPv4 with port
            }
            // "unknown" and obfuscated identifiers ("_hidden") carry no address.
            return node;
        }
        return null;
    }
}
