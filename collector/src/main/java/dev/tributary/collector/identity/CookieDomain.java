package dev.tributary.collector.identity;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the {@code Domain} attribute of the network-user-id cookie: the first configured domain that the host
 * of any request {@code Origin} equals or is a sub-domain of, else the fallback domain, else none (the browser
 * then scopes the cookie to the collector's own host).
 */
public final class CookieDomain {

    private final List<String> domains;
    private final Optional<String> fallback;

    public CookieDomain(List<String> domains, Optional<String> fallback) {
        this.domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        this.fallback = fallback;
    }

    public Optional<String> select(String originHeader) {
        List<String> hosts = originHosts(originHeader);
        for (String domain : domains) {
            for (String host : hosts) {
                if (host.equals(domain) || host.endsWith("." + domain)) {
                    return Optional.of(domain);
                }
            }
        }
        return fallback;
    }

    /** An Origin header holds one or more space-separated serialised origins, or {@code null}. */
    static List<String> originHosts(String originHeader) {
        List<String> hosts = new ArrayList<>();
        if (originHeader == null) {
            return hosts;
        }
        for (String origin : originHeader.trim().split("\\s+")) {
            try {
                String host = URI.create(origin).getHost();
                if (host != null) {
                    hosts.add(host.toLowerCase(Locale.ROOT));
                }
            } catch (IllegalArgumentException ignored) {
                // A malformed origin simply matches no configured domain.
            }
        }
        return hosts;
    }
}
