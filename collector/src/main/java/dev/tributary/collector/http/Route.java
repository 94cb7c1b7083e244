package dev.tributary.collector.http;

import io.netty.handler.codec.http.HttpMethod;

/** What a request asks for, decided from its method and (already mapped) path alone. */
enum Route {
    PIXEL("/i"),
    TRACKER_POST("/{vendor}/{version}"),
    TRACKER_GET("/{vendor}/{version}"),
    REDIRECT("/r/*"),
    PREFLIGHT("options"),
    HEALTH("/health"),
    READY("/ready"),
    SINK_HEALTH("/sink-health"),
    ROBOTS("/robots.txt"),
    CROSS_DOMAIN("/crossdomain.xml"),
    ROOT("/"),
    METRICS("/metrics"),
    NOT_FOUND("not_found");

    /** Low-cardinality label for metrics. */
    final String endpoint;

    Route(String endpoint) {
        this.endpoint = endpoint;
    }

    boolean tracking() {
        return this == PIXEL || this == TRACKER_POST || this == TRACKER_GET || this == REDIRECT;
    }

    static Route of(HttpMethod method, String path) {
        if (method.equals(HttpMethod.OPTIONS)) {
            return PREFLIGHT;
        }
        boolean get = method.equals(HttpMethod.GET);
        boolean getOrHead = get || method.equals(HttpMethod.HEAD);
        if (path.equals("/i") || path.equals("/ice.png")) {
            return getOrHead ? PIXEL : NOT_FOUND;
        }
        if (path.startsWith("/r/")) {
            return get ? REDIRECT : NOT_FOUND;
        }
        switch (path) {
            case "/health":
                return get ? HEALTH : NOT_FOUND;
            case "/ready":
                return get ? READY : NOT_FOUND;
            case "/sink-health":
                return get ? SINK_HEALTH : NOT_FOUND;
            case "/robots.txt":
                return get ? ROBOTS : NOT_FOUND;
            case "/crossdomain.xml":
                return get ? CROSS_DOMAIN : NOT_FOUND;
            case "/metrics":
                return get ? METRICS : NOT_FOUND;
            case "/":
                return getOrHead ? ROOT : NOT_FOUND;
            default:
                break;
        }
        if (isVendorVersion(path)) {
            if (method.equals(HttpMethod.POST)) {
                return TRACKER_POST;
            }
            return getOrHead ? TRACKER_GET : NOT_FOUND;
        }
        return NOT_FOUND;
    }

    /** Exactly two non-empty segments, e.g. {@code /com.snowplowanalytics.snowplow/tp2}. */
    static boolean isVendorVersion(String path) {
        int second = path.indexOf('/', 1);
        return path.length() > 1 && second > 1 && second < path.length() - 1 && path.indexOf('/', second + 1) < 0;
    }
}
