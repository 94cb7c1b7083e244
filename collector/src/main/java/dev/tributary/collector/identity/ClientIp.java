package dev.tributary.collector.identity;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Locale;

/**
 * The client address recorded as {@code ipAddress}: the first {@code X-Forwarded-For} entry, else the first
 * {@code Forwarded: for=} node, else the socket peer; {@code "unknown"} when none is usable. Enrich re-derives
 * the IP from the kept headers, so this choice only matters for the partition key and the payload field.
 */
public final class ClientIp {

    public static final String UNKNOWN = "unknown";

    private ClientIp() {
    }

    public static String resolve(String xForwardedFor, String forwarded, SocketAddress peer) {
        String fromXff = firstXForwardedFor(xForwardedFor);
        if (fromXff != null) {
            return fromXff;
        }
        String fromForwarded = firstForwardedFor(forwarded);
        if (fromForwarded != null) {
            return fromForwarded;
        }
        if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return UNKNOWN;
    }

    static String firstXForwardedFor(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        String first = (comma < 0 ? header : header.substring(0, comma)).trim();
        return first.isEmpty() || first.equalsIgnoreCase(UNKNOWN) ? null : first;
    }

    /** RFC 7239: {@code Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"}. */
    static String firstForwardedFor(String header) {
        if (header == null) {
            return null;
        }
        String firstElement = header.split(",", 2)[0];
        for (String pair : firstElement.split(";")) {
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
            if (node.isEmpty() || node.equalsIgnoreCase(UNKNOWN) || node.startsWith("_")) {
                return null;
            }
            return node;
        }
        return null;
    }
}
