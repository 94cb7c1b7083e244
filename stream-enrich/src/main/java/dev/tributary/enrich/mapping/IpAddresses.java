package dev.tributary.enrich.mapping;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Snowplow's client-IP rule: the first {@code X-Forwarded-For} entry among the recorded headers, else the
 * {@code for=} of a {@code Forwarded} header, else the collector's {@code ipAddress}; whichever wins is cut at the
 * first {@code ,}, {@code |} or space. A tracker-sent {@code ip} parameter overrides all of it (done by the mapper).
 */
public final class IpAddresses {

    private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)for=\"?\\[?([^\";,\\]]+)");
    private static final Pattern SEPARATORS = Pattern.compile("[,| ]");

    private IpAddresses() {
    }

    public static String fromRequest(List<String> headers, String collectorIp) {
        String forwardedFor = null;
        String forwarded = null;
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (forwardedFor == null && name.equals("x-forwarded-for") && !value.isEmpty()) {
                forwardedFor = value;
            } else if (forwarded == null && name.equals("forwarded")) {
                Matcher m = FORWARDED_FOR.matcher(value);
                if (m.find()) {
                    forwarded = m.group(1);
                }
            }
        }
        String chosen = forwardedFor != null ? forwardedFor : forwarded != null ? forwarded : collectorIp;
        return firstToken(chosen);
    }

    static String firstToken(String ip) {
        if (ip == null) {
            return null;
        }
        String trimmed = ip.trim();
        String[] tokens = SEPARATORS.split(trimmed, 2);
        return tokens.length == 0 || tokens[0].isEmpty() ? null : tokens[0];
    }
}
