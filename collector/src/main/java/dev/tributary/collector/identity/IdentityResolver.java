package dev.tributary.collector.identity;

import dev.tributary.collector.config.CollectorConfig;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides the network user id, the cookies to set and whether to record the request at all: do-not-track
 * cookie, {@code SP-Anonymous}, cookie bounce ({@code n3pc}) and the {@code sp} cookie itself, as Snowplow's
 * collector does.
 */
public final class IdentityResolver {

    /** Network user id of anonymous requests. */
    public static final String ANONYMOUS_NUID = "00000000-0000-0000-0000-000000000000";

    private final CollectorConfig.CookieSettings cookie;
    private final CollectorConfig.DoNotTrackCookie doNotTrack;
    private final CollectorConfig.CookieBounce bounce;
    private final CookieDomain domains;

    public IdentityResolver(CollectorConfig.CookieSettings cookie, CollectorConfig.DoNotTrackCookie doNotTrack,
                            CollectorConfig.CookieBounce bounce) {
        this.cookie = cookie;
        this.doNotTrack = doNotTrack;
        this.bounce = bounce;
        this.domains = new CookieDomain(cookie.domains(), cookie.fallbackDomain());
    }

    public Identity resolve(IdentityRequest request) {
        Optional<String> existing = Optional.ofNullable(request.cookies().get(cookie.name()));

        if (doNotTrack.enabled()) {
            String dnt = request.cookies().get(doNotTrack.name());
            if (dnt != null && doNotTrack.value().matcher(dnt).matches()) {
                return new Identity(existing.orElse(ANONYMOUS_NUID), List.of(), false, false, false);
            }
        }

        if (request.anonymous()) {
            // Forget the browser: never create a cookie, and expire one it already holds.
            List<String> cookies = cookie.enabled() && existing.isPresent()
                    ? List.of(encode("", request.origin(), 0)) : List.of();
            return new Identity(ANONYMOUS_NUID, cookies, true, false, true);
        }

        boolean withoutCookie = existing.isEmpty();
        if (bounce.enabled() && request.bounceEligible() && withoutCookie && request.queryNuid().isEmpty()) {
            if (!request.bounced()) {
                String fresh = UUID.randomUUID().toString();
                return new Identity(fresh, cookies(fresh, request.origin()), false, true, false);
            }
            // The browser came back without the cookie we set: it refuses third-party cookies.
            String fallback = bounce.fallbackNetworkUserId();
            return new Identity(fallback, cookies(fallback, request.origin()), true, false, false);
        }

        String nuid = request.queryNuid().or(() -> existing).orElseGet(() -> UUID.randomUUID().toString());
        return new Identity(nuid, cookies(nuid, request.origin()), true, false, false);
    }

    private List<String> cookies(String nuid, String origin) {
        if (!cookie.enabled()) {
            return List.of();
        }
        String encoded = encode(nuid, origin, cookie.expiration().toSeconds());
        return encoded == null ? List.of() : List.of(encoded);
    }

    private String encode(String value, String origin, long maxAgeSeconds) {
        DefaultCookie c = new DefaultCookie(cookie.name(), value);
        c.setMaxAge(maxAgeSeconds);
        c.setPath(cookie.path());
        domains.select(origin).ifPresent(c::setDomain);
        c.setSecure(cookie.secure());
        c.setHttpOnly(cookie.httpOnly());
        cookie.sameSite().ifPresent(s -> c.setSameSite(CookieHeaderNames.SameSite.valueOf(s)));
        try {
            return ServerCookieEncoder.STRICT.encode(c);
        } catch (IllegalArgumentException e) {
            // A nuid passed in the query string need not be a legal cookie value; record it, don't set it.
            return null;
        }
    }
}
