package dev.tributary.collector.config;

import com.typesafe.config.ConfigException;
import dev.tributary.runtime.config.ConfigError;
import dev.tributary.runtime.config.TypedConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The collector's whole configuration, validated once at start-up by {@link #from(TypedConfig)} from the config
 * the service runtime loaded ({@code reference.conf} < {@code --config} file < {@code TRIBUTARY_COLLECTOR_*}
 * variables < overrides in code). Embedding code loads it the same way:
 *
 * <pre>{@code
 * CollectorConfig config = CollectorConfig.from(ConfigLoader.forService("collector", "collector")
 *         .environment(Map.of()).overrides(Map.of("collector.port", 0)).load().requireKnownKeys().typed());
 * }</pre>
 */
public record CollectorConfig(
        String host,
        int port,
        List<Cidr> trustedProxies,
        Map<String, String> paths,
        P3p p3p,
        CrossDomain crossDomain,
        CookieSettings cookie,
        DoNotTrackCookie doNotTrackCookie,
        CookieBounce cookieBounce,
        Redirects redirects,
        RootResponse rootResponse,
        Duration corsMaxAge,
        Networking networking,
        SinkSettings sink,
        boolean metricsEnabled,
        Duration shutdownGracePeriod) {

    public record P3p(String policyRef, String cp) {
    }

    public record CrossDomain(boolean enabled, List<String> domains, boolean secure) {
    }

    public record CookieSettings(boolean enabled, String name, Duration expiration, List<String> domains,
                                 Optional<String> fallbackDomain, String path, boolean secure, boolean httpOnly,
                                 Optional<String> sameSite) {
    }

    public record DoNotTrackCookie(boolean enabled, String name, Pattern value) {
    }

    public record CookieBounce(boolean enabled, String name, String fallbackNetworkUserId,
                               String forwardedProtocolHeader) {
    }

    public record Redirects(boolean enabled, List<String> domains, boolean macroEnabled, String placeholder) {
    }

    public record RootResponse(boolean enabled, int statusCode, Map<String, String> headers, String body) {
    }

    /**
     * @param maxConnections       open connections beyond this are answered 503 and closed
     * @param requestReadTimeout   longest time from a request's first byte to its last (headers and body)
     * @param maxPipelinedRequests requests one connection may have waiting for an answer; the next gets 503
     */
    public record Networking(int maxInitialLineLength, int maxHeaderSize, int maxPayloadSize, int dropPayloadSize,
                             Duration idleTimeout, int ioThreads, int maxConnections, Duration requestReadTimeout,
                             int maxPipelinedRequests) {
    }

    public record SinkSettings(String bootstrapServers, String schemaRegistryUrl, String goodTopic, String badTopic,
                               boolean useIpAddressAsPartitionKey, int maxRecordBytes, Duration deliveryTimeout,
                               Duration maxBlock, long bufferMemory, Duration linger, int sendThreads,
                               Duration retryAfter, Map<String, String> producer, long maxBufferedBytes) {
    }

    private static final Set<String> SAME_SITE = Set.of("None", "Lax", "Strict");
    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    /** {@code sink.max-buffered-bytes = auto}: this share of the heap, as Kafka's own buffer is a fixed size. */
    static final int AUTO_BUFFER_HEAP_DIVISOR = 8;

    /** @param c reads below the {@code collector} root */
    public static CollectorConfig from(TypedConfig c) {

        Map<String, String> paths = c.stringMap("paths");
        paths.forEach((from, to) -> {
            if (!from.startsWith("/") || !to.startsWith("/")) {
                throw new ConfigError(c.key("paths") + ".\"" + from + "\"",
                        "a mapping from an absolute path to an absolute path", "'" + from + "' -> '" + to + "'");
            }
        });

        TypedConfig p3p = c.at("p3p");
        TypedConfig cross = c.at("cross-domain");

        TypedConfig cookie = c.at("cookie");
        String sameSite = cookie.string("same-site");
        if (!sameSite.isEmpty() && !SAME_SITE.contains(sameSite)) {
            throw cookie.invalid("same-site", "one of None, Lax, Strict or \"\"");
        }
        String cookiePath = cookie.string("path");
        if (!cookiePath.startsWith("/")) {
            throw cookie.invalid("path", "a path starting with '/'");
        }
        String fallback = cookie.string("fallback-domain");
        CookieSettings cookieSettings = new CookieSettings(cookie.bool("enabled"), cookie.nonBlank("name"),
                cookie.positiveDuration("expiration"), cookie.strings("domains"),
                fallback.isBlank() ? Optional.empty() : Optional.of(fallback), cookiePath,
                cookie.bool("secure"), cookie.bool("http-only"),
                sameSite.isEmpty() ? Optional.empty() : Optional.of(sameSite));

        TypedConfig dnt = c.at("do-not-track-cookie");
        boolean dntEnabled = dnt.bool("enabled");
        DoNotTrackCookie doNotTrack = new DoNotTrackCookie(dntEnabled,
                dntEnabled ? dnt.nonBlank("name") : dnt.string("name"), dnt.regex("value"));

        TypedConfig bounce = c.at("cookie-bounce");
        String fallbackNuid = bounce.nonBlank("fallback-network-user-id");
        CookieBounce cookieBounce = new CookieBounce(bounce.bool("enabled"), bounce.nonBlank("name"), fallbackNuid,
                bounce.nonBlank("forwarded-protocol-header"));

        TypedConfig redirect = c.at("redirect");
        List<String> redirectDomains = redirect.strings("domains").stream().map(d -> d.toLowerCase(java.util.Locale.ROOT))
                .toList();
        for (int i = 0; i < redirectDomains.size(); i++) {
            if (!HOST_NAME.matcher(redirectDomains.get(i)).matches()) {
                throw new ConfigError(redirect.key("domains") + "[" + i + "]",
                        "a host name such as shop.example.com (no scheme, port or path)", "'" + redirectDomains.get(i) + "'");
            }
        }
        Redirects redirects = new Redirects(redirect.bool("enabled"), redirectDomains,
                redirect.at("macro").bool("enabled"), redirect.at("macro").nonBlank("placeholder"));

        TypedConfig root = c.at("root-response");
        RootResponse rootResponse = new RootResponse(root.bool("enabled"), root.intBetween("status-code", 100, 599),
                root.stringMap("headers"), root.string("body"));

        TypedConfig net = c.at("networking");
        int maxPayload = net.intBetween("max-payload-size", 1, Integer.MAX_VALUE);
        int dropPayload = net.intBetween("drop-payload-size", 1, Integer.MAX_VALUE);
        if (dropPayload < maxPayload) {
            throw net.invalid("drop-payload-size", "an integer >= networking.max-payload-size (" + maxPayload + ")");
        }
        Networking networking = new Networking(net.intBetween("max-initial-line-length", 256, 1 << 20),
                net.intBetween("max-header-size", 256, 1 << 20), maxPayload, dropPayload,
                net.positiveDuration("idle-timeout"), net.intBetween("io-threads", 0, 1024),
                net.intBetween("max-connections", 1, 1_000_000), net.positiveDuration("request-read-timeout"),
                net.intBetween("max-pipelined-requests", 1, 1024));

        TypedConfig sink = c.at("sink");
        String goodTopic = sink.nonBlank("good-topic");
        String badTopic = sink.nonBlank("bad-topic");
        if (goodTopic.equals(badTopic)) {
            throw sink.invalid("bad-topic", "a topic other than sink.good-topic");
        }
        String registryUrl = sink.httpUrl("schema-registry-url").toString();
        Duration delivery = sink.positiveDuration("delivery-timeout");
        Duration linger = sink.positiveDuration("linger");
        if (delivery.compareTo(linger.plusSeconds(1)) < 0) {
            throw sink.invalid("delivery-timeout", "at least sink.linger + 1 second");
        }
        long bufferMemory = sink.bytesBetween("buffer-memory", 1024 * 1024, Long.MAX_VALUE);
        SinkSettings sinkSettings = new SinkSettings(sink.nonBlank("bootstrap-servers"), registryUrl, goodTopic,
                badTopic, sink.bool("use-ip-address-as-partition-key"),
                sink.intBetween("max-record-bytes", 1024, 100 * 1024 * 1024), delivery,
                sink.positiveDuration("max-block"), bufferMemory, linger, sink.intBetween("send-threads", 1, 256),
                sink.positiveDuration("retry-after"), sink.stringMap("producer"),
                maxBufferedBytes(sink, networking));

        List<String> proxies = c.strings("trusted-proxies");
        List<Cidr> trustedProxies = new java.util.ArrayList<>();
        for (int i = 0; i < proxies.size(); i++) {
            int index = i;
            trustedProxies.add(Cidr.parse(proxies.get(i)).orElseThrow(() -> new ConfigError(
                    c.key("trusted-proxies") + "[" + index + "]",
                    "an IP address or CIDR block such as 10.0.0.0/8 or 2001:db8::/32", "'" + proxies.get(index) + "'")));
        }

        return new CollectorConfig(c.nonBlank("interface"), c.port("port"),
                List.copyOf(trustedProxies), paths,
                new P3p(p3p.string("policy-ref"), p3p.string("cp")),
                new CrossDomain(cross.bool("enabled"), cross.strings("domains"), cross.bool("secure")),
                cookieSettings, doNotTrack, cookieBounce, redirects, rootResponse,
                c.at("cors").positiveDuration("access-control-max-age"), networking, sinkSettings,
                c.at("metrics").bool("enabled"), c.positiveDuration("shutdown-grace-period"));
    }

    /**
     * {@code auto} (a share of the heap) or a size. At least one largest request must fit, or a legal request
     * could never be accepted.
     */
    private static long maxBufferedBytes(TypedConfig sink, Networking net) {
        String name = "max-buffered-bytes";
        long smallest = (long) net.dropPayloadSize() + net.maxHeaderSize() + net.maxInitialLineLength();
        String expected = "'auto' or a size of at least networking.drop-payload-size + max-header-size"
                + " + max-initial-line-length (" + smallest + " bytes) such as 64M";
        if (sink.string(name).trim().equals("auto")) {
            return Math.max(Runtime.getRuntime().maxMemory() / AUTO_BUFFER_HEAP_DIVISOR, smallest);
        }
        long value;
        try {
            value = sink.raw().getBytes(sink.key(name));
        } catch (ConfigException e) {
            throw sink.invalid(name, expected);
        }
        if (value < smallest) {
            throw sink.invalid(name, expected);
        }
        return value;
    }
}
