package dev.tributary.collector.http;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;

/**
 * CORS as Snowplow's collector answers it: the request's {@code Origin} (or {@code *}) is allowed with
 * credentials, on tracking responses and on the preflight.
 */
final class Cors {

    static final String SP_ANONYMOUS = "SP-Anonymous";

    private final Duration maxAge;

    Cors(Duration maxAge) {
        this.maxAge = maxAge;
    }

    /** The answer to {@code OPTIONS}: allowed origin, headers a tracker sends, and how long to cache that. */
    FullHttpResponse preflight(HttpHeaders request) {
        FullHttpResponse r = Responses.empty(HttpResponseStatus.OK);
        allowOrigin(r.headers(), request);
        r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type, " + SP_ANONYMOUS);
        r.headers().set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, maxAge.toSeconds());
        return r;
    }

    static void allowOrigin(HttpHeaders out, HttpHeaders request) {
        String origin = request.get(HttpHeaderNames.ORIGIN);
        out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin == null ? "*" : origin);
        out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        // The answer depends on Origin; without Vary a shared cache could hand one site's answer to another.
        out.add(HttpHeaderNames.VARY, "Origin");
    }
}
