package dev.tributary.enrich.mapping;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A URL split the way Snowplow fills page_url* and refr_url*: scheme, host, port (80/443 when implicit), path,
 * raw query and raw fragment.
 */
public record UrlParts(String scheme, String host, Integer port, String path, String query, String fragment) {

    /** @throws IllegalArgumentException when the text is not a usable absolute URL */
    public static UrlParts parse(String url) {
        URI uri;
        try {
            uri = new URI(escapeIllegal(url.trim()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URI: " + e.getReason());
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute URL with a host");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port == -1) {
            port = scheme.equals("https") ? 443 : 80;
        }
        return new UrlParts(scheme, uri.getHost(), port, emptyToNull(uri.getRawPath()), uri.getRawQuery(),
                uri.getRawFragment());
    }

    // Browsers send characters java.net.URI refuses (spaces, pipes, braces); Snowplow percent-encodes them first.
    private static String escapeIllegal(String url) {
        StringBuilder out = new StringBuilder(url.length());
        boolean seenHash = false;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            switch (c) {
                case ' ' -> out.append("%20");
                case '|' -> out.append("%7C");
                case '"' -> out.append("%22");
                case '<' -> out.append("%3C");
                case '>' -> out.append("%3E");
                case '{' -> out.append("%7B");
                case '}' -> out.append("%7D");
                case '^' -> out.append("%5E");
                case '`' -> out.append("%60");
                case '\\' -> out.append("%5C");
                case '#' -> {
                    out.append(seenHash ? "%23" : "#");
                    seenHash = true;
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
