package dev.tributary.enrich.topology;

import dev.tributary.schemas.avro.CollectorPayload;
import java.time.Instant;
import java.util.List;

/** Collector payloads as the collector writes them, for tests. */
public final class RawPayloads {

    public static final String SCHEMA = "iglu:com.snowplowanalytics.snowplow/CollectorPayload/thrift/1-0-0";
    public static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:00.250Z");
    public static final String NUID = "c6ef3124-b53a-4b13-a233-0088f79dcbcb";
    public static final String UA = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";

    private RawPayloads() {
    }

    public static CollectorPayload.Builder base(String path) {
        return CollectorPayload.newBuilder()
                .setSchema$(SCHEMA)
                .setIpAddress("203.0.113.9")
                .setTimestamp(RECEIVED)
                .setEncoding("UTF-8")
                .setCollector("tributary-collector-0.1.0-kafka")
                .setUserAgent(UA)
                .setRefererUri("https://www.example.com/from?x=1")
                .setPath(path)
                .setHostname("collector.example.com")
                .setNetworkUserId(NUID)
                .setHeaders(List.of("Host: collector.example.com", "User-Agent: " + UA));
    }

    public static CollectorPayload get(String path, String querystring) {
        return base(path).setQuerystring(querystring).build();
    }

    public static CollectorPayload post(String path, String querystring, String contentType, String body) {
        return base(path).setQuerystring(querystring).setContentType(contentType).setBody(body)
                .setHeaders(List.of("Host: collector.example.com", "User-Agent: " + UA,
                        "Content-Type: " + contentType))
                .build();
    }
}
