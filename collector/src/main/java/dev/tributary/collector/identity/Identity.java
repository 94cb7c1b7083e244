package dev.tributary.collector.identity;

import java.util.List;

/**
 * What the collector does about one request's identity.
 *
 * @param networkUserId the nuid written into the payload
 * @param setCookies    {@code Set-Cookie} header values for the response
 * @param record        false when the request must not reach any topic (do-not-track, cookie bounce)
 * @param bounce        true when the answer is a 302 back to the same URL to test third-party cookies
 * @param anonymous     true for {@code SP-Anonymous} requests: no IP, no identifying headers
 */
public record Identity(String networkUserId, List<String> setCookies, boolean record, boolean bounce,
                       boolean anonymous) {

    public Identity {
        setCookies = List.copyOf(setCookies);
    }
}
