package dev.tributary.collector.http;

import dev.tributary.collector.identity.ClientIp;
import dev.tributary.collector.identity.Identity;
import dev.tributary.schemas.avro.CollectorPayload;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns an HTTP request into the {@link CollectorPayload} that enrich reads, field for field as Snowplow's. */
final class PayloadFactory {

    static final String SCHEMA = "iglu:com.snowplowanalytics.snowplow/CollectorPayload/thrift/1-0-0";

    private final String collectorName;

    PayloadFactory(String collectorName) {
        this.collectorName = collectorName;
    }

    CollectorPayload create(FullHttpRequest request, String mappedPath, RawQuery query, ClientIp.Resolved client,
                            Identity identity, Instant receivedAt) {
        CollectorPayload p = new CollectorPayload();
        p.setSchema$(SCHEMA);
        p.setIpAddress(identity.anonymous() ? ClientIp.UNKNOWN : client.ip());
        p.setTimestamp(receivedAt);
        p.setEncoding("UTF-8");
        p.setCollector(collectorName);
        p.setUserAgent(request.headers().get(HttpHeaderNames.USER_AGENT));
        p.setRefererUri(request.headers().get(HttpHeaderNames.REFERER));
        p.setPath(mappedPath);
        p.setQuerystring(query.query());
        if (request.method().equals(HttpMethod.POST)) {
            // Invalid UTF-8 becomes U+FFFD: Avro strings are Unicode, and enrich judges the content.
            p.setBody(request.content().toString(StandardCharsets.UTF_8));
            String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
            p.setContentType(contentType == null ? null : contentType.toLowerCase(Locale.ROOT));
        }
        p.setHeaders(headers(request, identity.anonymous(), client));
        p.setHostname(hostname(request.headers().get(HttpHeaderNames.HOST)));
        p.setNetworkUserId(identity.networkUserId());
        return p;
    }

    /**
     * Every header as {@code Name: value}, except: for {@code SP-Anonymous} requests the cookies and every header
     * that carries an address (enrich derives the IP from these, so dropping {@code ipAddress} alone is not
     * enough); and forwarding headers that did not come through a trusted proxy.
     */
    private static List<String> headers(FullHttpRequest request, boolean anonymous, ClientIp.Resolved client) {
        boolean dropForwarding = anonymous || client.forwarding() != ClientIp.Forwarding.KEEP;
        List<String> out = new ArrayList<>(request.headers().size() + 1);
        for (Map.Entry<String, String> h : request.headers()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if ((anonymous && name.equals("cookie")) || (dropForwarding && ClientIp.FORWARDING_HEADERS.contains(name))) {
                continue;
            }
            out.add(h.getKey() + ": " + h.getValue());
        }
        if (!anonymous && client.forwarding() == ClientIp.Forwarding.REPLACE && !client.ip().equals(ClientIp.UNKNOWN)) {
            out.add("X-Forwarded-For: " + client.ip());
        }
        return out;
    }

    static String hostname(String host) {
        if (host == null || host.isBlank()) {
            return null;
        }
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close > 0 ? host.substring(0, close + 1) : host;
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
