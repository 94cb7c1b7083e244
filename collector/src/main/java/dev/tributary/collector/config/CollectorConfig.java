package dev.tributary.collector.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The collector's whole configuration, validated once at start-up. Built from HOCON: the module's
 * {@code reference.conf} (with its {@code ${?ENV}} overrides) under whatever the caller layers on top.
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

    /** The defaults of {@code reference.conf} with the environment applied. */
    public static CollectorConfig defaults() {
        return load(ConfigFactory.empty());
    }

    /** {@code overrides} (keys starting with {@code collector.}) over the defaults. */
    public static CollectorConfig load(Config overrides) {
        Config reference = ConfigFactory.parseResources(CollectorConfig.class.getClassLoader(), "reference.conf");
        Config merged;
        try {
            merged = overrides.withFallback(reference)
                    .resolve(ConfigResolveOptions.defaults().setAllowUnresolved(false));
        } catch (ConfigException e) {
            throw new InvalidConfigException(e.getMessage(), e);
        }
        return from(merged);
    }

    /** Convenience for embedding: flat keys such as {@code "collector.port"} over the defaults. */
    public static CollectorConfig fromMap(Map<String, ?> overrides) {
        return load(ConfigFactory.parseMap(overrides));
    }

    /** A HOCON file over the defaults. */
    public static CollectorConfig fromFile(Path file) {
        if (!Files.isReadable(file)) {
            throw new InvalidConfigException("config file " + file + " is not readable", null);
        }
        try {
            return load(ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false)));
        } catch (ConfigException e) {
            throw new InvalidConfigException(e.getMessage(), e);
        }
    }

    static CollectorConfig from(Config config) {
        ConfigReader c = new ConfigReader(config, "collector");

        Map<String, String> paths = c.stringMap("paths");
        paths.forEach((from, to) -> {
            if (!from.startsWith("/") || !to.startsWith("/")) {
                throw new InvalidConfigException(c.key("paths") + ".\"" + from + "\"",
                        "a mapping from an absolute path to an absolute path", from + " -> " + to);
            }
        });

        ConfigReader p3p = c.at("p3p");
        ConfigReader cross = c.at("cross-domain");

        ConfigReader cookie = c.at("cookie");
        String sameSite = cookie.string("same-site");
        if (!sameSite.isEmpty() && !SAME_SITE.contains(sameSite)) {
            throw new InvalidConfigException(cookie.key("same-site"), "one of None, Lax, Strict or \"\"", sameSite);
        }
        String cookiePath = cookie.string("path");
        if (!cookiePath.startsWith("/")) {
            throw new InvalidConfigException(cookie.key("path"), "a path starting with '/'", cookiePath);
        }
        String fallback = cookie.string("fallback-domain");
        CookieSettings cookieSettings = new CookieSettings(cookie.bool("enabled"), cookie.nonBlank("name"),
                cookie.positiveDuration("expiration"), cookie.strings("domains"),
                fallback.isBlank() ? Optional.empty() : Optional.of(fallback), cookiePath,
                cookie.bool("secure"), cookie.bool("http-only"),
                sameSite.isEmpty() ? Optional.empty() : Optional.of(sameSite));

        ConfigReader dnt = c.at("do-not-track-cookie");
        boolean dntEnabled = dnt.bool("enabled");
        DoNotTrackCookie doNotTrack = new DoNotTrackCookie(dntEnabled,
                dntEnabled ? dnt.nonBlank("name") : dnt.string("name"), dnt.regex("value"));

        ConfigReader bounce = c.at("cookie-bounce");
        String fallbackNuid = bounce.nonBlank("fallback-network-user-id");
        CookieBounce cookieBounce = new CookieBounce(bounce.bool("enabled"), bounce.nonBlank("name"), fallbackNuid,
                bounce.nonBlank("forwarded-protocol-header"));

        ConfigReader redirect = c.at("redirect");
        List<String> redirectDomains = redirect.strings("domains").stream().map(d -> d.toLowerCase(java.util.Locale.ROOT))
                .toList();
        for (int i = 0; i < redirectDomains.size(); i++) {
            if (!HOST_NAME.matcher(redirectDomains.get(i)).matches()) {
                throw new InvalidConfigException(redirect.key("domains") + "[" + i + "]",
                        "a host name such as shop.example.com (no scheme, port or path)", redirectDomains.get(i));
            }
        }
        Redirects redirects = new Redirects(redirect.bool("enabled"), redirectDomains,
                redirect.at("macro").bool("enabled"), redirect.at("macro").nonBlank("placeholder"));

        ConfigReader root = c.at("root-response");
        RootResponse rootResponse = new RootResponse(root.bool("enabled"), root.intBetween("status-code", 100, 599),
                root.stringMap("headers"), root.string("body"));

        ConfigReader net = c.at("networking");
        int maxPayload = net.intBetween("max-payload-size", 1, Integer.MAX_VALUE);
        int dropPayload = net.intBetween("drop-payload-size", 1, Integer.MAX_VALUE);
        if (dropPayload < maxPayload) {
            throw new InvalidConfigException(net.key("drop-payload-size"),
                    "an integer >= networking.max-payload-size (" + maxPayload + ")", dropPayload);
        }
        Networking networking = new Networking(net.intBetween("max-initial-line-length", 256, 1 << 20),
                net.intBetween("max-header-size", 256, 1 << 20), maxPayload, dropPayload,
                net.positiveDuration("idle-timeout"), net.intBetween("io-threads", 0, 1024),
                net.intBetween("max-connections", 1, 1_000_000), net.positiveDuration("request-read-timeout"),
                net.intBetween("max-pipelined-requests", 1, 1024));

        ConfigReader sink = c.at("sink");
        String goodTopic = sink.nonBlank("good-topic");
        String badTopic = sink.nonBlank("bad-topic");
        if (goodTopic.equals(badTopic)) {
            throw new InvalidConfigException(sink.key("bad-topic"), "a topic other than sink.good-topic", badTopic);
        }
        String registryUrl = sink.nonBlank("schema-registry-url");
        if (!registryUrl.startsWith("http://") && !registryUrl.startsWith("https://")) {
            throw new InvalidConfigException(sink.key("schema-registry-url"), "an http(s) URL", registryUrl);
        }
        Duration delivery = sink.positiveDuration("delivery-timeout");
        Duration linger = sink.positiveDuration("linger");
        if (delivery.compareTo(linger.plusSeconds(1)) < 0) {
            throw new InvalidConfigException(sink.key("delivery-timeout"), "at least sink.linger + 1 second", delivery);
        }
        long bufferMemory;
        try {
            bufferMemory = config.getBytes(sink.key("buffer-memory"));
        } catch (ConfigException e) {
            throw new InvalidConfigException(sink.key("buffer-memory") + ": expected a size in bytes such as 32M", e);
        }
        if (bufferMemory < 1024 * 1024) {
            throw new InvalidConfigException(sink.key("buffer-memory"), "at least 1048576 bytes", bufferMemory);
        }
        SinkSettings sinkSettings = new SinkSettings(sink.nonBlank("bootstrap-servers"), registryUrl, goodTopic,
                badTopic, sink.bool("use-ip-address-as-partition-key"),
                sink.intBetween("max-record-bytes", 1024, 100 * 1024 * 1024), delivery,
                sink.positiveDuration("max-block"), bufferMemory, linger, sink.intBetween("send-threads", 1, 256),
                sink.positiveDuration("retry-after"), sink.stringMap("producer"),
                maxBufferedBytes(config, sink, networking));

        List<String> proxies = c.strings("trusted-proxies");
        List<Cidr> trustedProxies = new java.util.ArrayList<>();
        for (int i = 0; i < proxies.size(); i++) {
            int index = i;
            trustedProxies.add(Cidr.parse(proxies.get(i)).orElseThrow(() -> new InvalidConfigException(
                    c.key("trusted-proxies") + "[" + index + "]",
                    "an IP address or CIDR block such as 10.0.0.0/8 or 2001:db8::/32", proxies.get(index))));
        }

        return new CollectorConfig(c.nonBlank("interface"), c.intBetween("port", 0, 65_535),
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
    private static long maxBufferedBytes(Config config, ConfigReader sink, Networking net) {
        String key = sink.key("max-buffered-bytes");
        long smallest = (long) net.dropPayloadSize() + net.maxHeaderSize() + net.maxInitialLineLength();
        long value;
        if (config.getValue(key).unwrapped() instanceof String s && s.trim().equals("auto")) {
            value = Runtime.getRuntime().maxMemory() / AUTO_BUFFER_HEAP_DIVISOR;
            return Math.max(value, smallest);
        }
        try {
            value = config.getBytes(key);
        } catch (ConfigException e) {
            throw new InvalidConfigException(key + ": expected 'auto' or a size in bytes such as 64M", e);
        }
        if (value < smallest) {
            throw new InvalidConfigException(key, "'auto' or a size of at least networking.drop-payload-size"
                    + " + max-header-size + max-initial-line-length (" + smallest + " bytes)", value);
        }
        return value;
    }
}
