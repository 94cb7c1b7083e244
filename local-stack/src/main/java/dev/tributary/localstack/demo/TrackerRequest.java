package dev.tributary.localstack.demo;

import java.util.Objects;

/**
 * One HTTP request as a tracker sends it: {@code GET /i?...} (tracker protocol v1) or
 * {@code POST /com.snowplowanalytics.snowplow/tp2} with a JSON body. {@code referer} is the page the browser was on
 * (sent as the Referer header), {@code body} and {@code contentType} are null for a GET.
 */
public record TrackerRequest(String method, String pathAndQuery, String body, String contentType, String userAgent,
                             String referer) {

    public TrackerRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    static TrackerRequest get(String pathAndQuery, String userAgent, String referer) {
        return new TrackerRequest("GET", pathAndQuery, null, null, userAgent, referer);
    }

    static TrackerRequest post(String path, String body, String contentType, String userAgent, String referer) {
        return new TrackerRequest("POST", path, body, contentType, userAgent, referer);
    }
}
