package dev.tributary.collector.http;

import dev.tributary.collector.config.CollectorConfig.Redirects;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the {@code Location} of a click redirect ({@code /r/tp2?u=...}). The check runs on the exact string
 * that will be sent, after the nuid macro is substituted (a nuid comes from a cookie or the query, so the client
 * controls it), and with a strict RFC 3986 parser: browsers read {@code https://evil.example\@allowed.example/}
 * as a URL on {@code evil.example}, while lenient parsers see {@code allowed.example}, so anything a browser
 * might read differently (backslashes, user-info, spaces, non-ASCII) is refused rather than interpreted.
 */
final class RedirectPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RedirectPolicy.class);

    private final Redirects config;

    RedirectPolicy(Redirects config) {
        this.config = config;
        if (config.enabled() && config.domains().isEmpty()) {
            LOG.atWarn().addKeyValue("key", "collector.redirect.domains")
                    .log("open redirect: /r/* redirects to any http(s) host; list the allowed hosts in"
                            + " collector.redirect.domains");
        }
    }

    /** The {@code Location} to send for target {@code u}, or empty when it must be refused (400). */
    Optional<String> location(String u, String networkUserId) {
        String location = config.macroEnabled() ? u.replace(config.placeholder(), networkUserId) : u;
        return allowed(location) ? Optional.of(location) : Optional.empty();
    }

    private boolean allowed(String location) {
        for (int i = 0; i < location.length(); i++) {
            char ch = location.charAt(i);
            // Printable ASCII only: no spaces, controls or characters a browser would normalise first.
            if (ch <= 0x20 || ch >= 0x7F || ch == '\\') {
                return false;
            }
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme();
        if (scheme == null || uri.isOpaque()
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return false;
        }
        // A null host means the authority did not parse as host[:port] (e.g. a percent-encoded host).
        if (uri.getRawUserInfo() != null || uri.getHost() == null || uri.getHost().isEmpty()) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return config.domains().isEmpty() || config.domains().contains(host);
    }
}
