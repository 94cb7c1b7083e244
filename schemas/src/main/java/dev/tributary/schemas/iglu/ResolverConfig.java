package dev.tributary.schemas.iglu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Snowplow's Iglu resolver configuration,
 * {@code iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-x}:
 * <pre>{@code
 * {"schema": "iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-3",
 *  "data": {"cacheSize": 500, "cacheTtl": 600,
 *           "repositories": [{"name": "Iglu Central", "priority": 0, "vendorPrefixes": ["com.snowplowanalytics"],
 *                             "connection": {"http": {"uri": "http://iglucentral.com"}}}]}}
 * }</pre>
 * The self-describing wrapper is optional. {@code cacheTtl} is in seconds; absent or null means entries stay
 * until evicted. See {@link Connection.Embedded} for how an embedded {@code path} is interpreted.
 *
 * @param cacheTtl null when entries never expire
 */
public record ResolverConfig(int cacheSize, Duration cacheTtl, List<RepositoryConfig> repositories) {

    public static final SchemaCriterion SCHEMA_CRITERION =
            SchemaCriterion.parse("iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-*");

    /** Classpath prefix of the schemas bundled with this module. */
    public static final String BUNDLED_PATH = "/iglu";

    public ResolverConfig {
        if (cacheSize < 0) {
            throw new ResolverConfigException("cacheSize", "must be >= 0, got " + cacheSize);
        }
        repositories = List.copyOf(repositories);
    }

    /** One embedded repository over the bundled schemas; cache of 500 entries without expiry. */
    public static ResolverConfig bundled() {
        return new ResolverConfig(500, null, List.of(
                new RepositoryConfig("Tributary bundled", 0, List.of(), new Connection.Embedded(BUNDLED_PATH))));
    }

    public record RepositoryConfig(String name, int priority, List<String> vendorPrefixes, Connection connection) {
        public RepositoryConfig {
            Objects.requireNonNull(name, "name");
            vendorPrefixes = List.copyOf(vendorPrefixes);
            Objects.requireNonNull(connection, "connection");
        }

        public Repository toRepository() {
            return connection.toRepository(this);
        }
    }

    public sealed interface Connection {

        Repository toRepository(RepositoryConfig repo);

        /**
         * An embedded repository. The path rule: {@code file:<dir>} is a filesystem directory;
         * {@code classpath:<prefix>} is a classpath prefix; any other path that is an existing absolute
         * directory is a filesystem directory; everything else (Snowplow's usual {@code "/iglu-embedded"})
         * is a classpath prefix. Either way schemas live under {@code <path>/schemas/vendor/name/format/version}.
         */
        record Embedded(String path) implements Connection {
            public Embedded {
                Objects.requireNonNull(path, "path");
            }

            @Override
            public Repository toRepository(RepositoryConfig repo) {
                Path dir = filesystemDirectory();
                if (dir != null) {
                    return new DirectoryRepository(repo.name(), repo.priority(), repo.vendorPrefixes(), dir);
                }
                String prefix = path.startsWith("classpath:") ? path.substring("classpath:".length()) : path;
                return new ClasspathRepository(repo.name(), repo.priority(), repo.vendorPrefixes(), prefix);
            }

            /** The directory this path denotes, or null when it is a classpath prefix. */
            public Path filesystemDirectory() {
                if (path.startsWith("file:")) {
                    String rest = path.substring("file:".length());
                    return rest.startsWith("//") ? Path.of(URI.create(path)) : Path.of(rest);
                }
                if (path.startsWith("classpath:")) {
                    return null;
                }
                Path candidate = Path.of(path);
                return candidate.isAbsolute() && Files.isDirectory(candidate) ? candidate : null;
            }
        }

        /** A static HTTP repository; {@code apiKey} may be null and is never part of {@link #toString()}. */
        record Http(URI uri, String apiKey) implements Connection {
            public Http {
                Objects.requireNonNull(uri, "uri");
            }

            @Override
            public String toString() {
                return "Http[uri=" + uri + ", apiKey=" + (apiKey == null ? "none" : "****") + "]";
            }

            @Override
            public Repository toRepository(RepositoryConfig repo) {
                return new HttpRepository(repo.name(), repo.priority(), repo.vendorPrefixes(), uri, apiKey);
            }
        }
    }

    /** Parses JSON text; see {@link #parse(JsonNode)}. */
    public static ResolverConfig parse(String json) {
        try {
            return parse(SelfDescribingJson.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new ResolverConfigException("(root)", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Reads and checks a resolver config, with or without its self-describing wrapper. Every problem is a
     * {@link ResolverConfigException} naming the key, e.g. {@code repositories[1].connection: expected
     * "embedded" or "http"}.
     */
    public static ResolverConfig parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new ResolverConfigException("(root)", "expected a JSON object");
        }
        JsonNode data = json;
        if (json.has("schema")) {
            SchemaKey key;
            try {
                key = SchemaKey.parse(json.get("schema").asText());
            } catch (IgluParseException e) {
                throw new ResolverConfigException("schema", e.getMessage());
            }
            if (!SCHEMA_CRITERION.matches(key)) {
                throw new ResolverConfigException("schema", "expected " + SCHEMA_CRITERION + ", got " + key);
            }
            data = json.get("data");
            if (data == null || !data.isObject()) {
                throw new ResolverConfigException("data", "expected an object");
            }
        }
        onlyKeys(data, "", List.of("cacheSize", "cacheTtl", "repositories"));
        int cacheSize = integer(data, "cacheSize", "cacheSize", true, 0);
        Duration ttl = null;
        JsonNode ttlNode = data.get("cacheTtl");
        if (ttlNode != null && !ttlNode.isNull()) {
            ttl = Duration.ofSeconds(integer(data, "cacheTtl", "cacheTtl", true, 1));
        }
        JsonNode repos = data.get("repositories");
        if (repos == null || !repos.isArray()) {
            throw new ResolverConfigException("repositories", repos == null ? "required" : "expected an array");
        }
        List<RepositoryConfig> repositories = new ArrayList<>();
        for (int i = 0; i < repos.size(); i++) {
            repositories.add(repository(repos.get(i), "repositories[" + i + "]"));
        }
        return new ResolverConfig(cacheSize, ttl, repositories);
    }

    private static RepositoryConfig repository(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new ResolverConfigException(at, "expected an object");
        }
        onlyKeys(node, at + ".", List.of("name", "priority", "vendorPrefixes", "connection"));
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual() || name.textValue().isBlank()) {
            throw new ResolverConfigException(at + ".name", "required non-empty string");
        }
        int priority = integer(node, "priority", at + ".priority", true, Integer.MIN_VALUE);
        JsonNode prefixes = node.get("vendorPrefixes");
        if (prefixes == null || !prefixes.isArray()) {
            throw new ResolverConfigException(at + ".vendorPrefixes",
                    prefixes == null ? "required (use [] for none)" : "expected an array of strings");
        }
        List<String> vendorPrefixes = new ArrayList<>();
        for (int i = 0; i < prefixes.size(); i++) {
            if (!prefixes.get(i).isTextual()) {
                throw new ResolverConfigException(at + ".vendorPrefixes[" + i + "]", "expected a string");
            }
            vendorPrefixes.add(prefixes.get(i).textValue());
        }
        return new RepositoryConfig(name.textValue(), priority, vendorPrefixes,
                connection(node.get("connection"), at + ".connection"));
    }

    private static Connection connection(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw new ResolverConfigException(at, node == null ? "required" : "expected an object");
        }
        if (node.size() != 1 || !(node.has("embedded") || node.has("http"))) {
            throw new ResolverConfigException(at, "expected \"embedded\" or \"http\"");
        }
        if (node.has("embedded")) {
            JsonNode embedded = node.get("embedded");
            String where = at + ".embedded";
            if (!embedded.isObject()) {
                throw new ResolverConfigException(where, "expected an object");
            }
            onlyKeys(embedded, where + ".", List.of("path"));
            JsonNode path = embedded.get("path");
            if (path == null || !path.isTextual() || path.textValue().isBlank()) {
                throw new ResolverConfigException(where + ".path", "required non-empty string");
            }
            return new Connection.Embedded(path.textValue());
        }
        JsonNode http = node.get("http");
        String where = at + ".http";
        if (!http.isObject()) {
            throw new ResolverConfigException(where, "expected an object");
        }
        onlyKeys(http, where + ".", List.of("uri", "apikey"));
        JsonNode uri = http.get("uri");
        if (uri == null || !uri.isTextual()) {
            throw new ResolverConfigException(where + ".uri", "required string");
        }
        URI parsed;
        try {
            parsed = new URI(uri.textValue());
        } catch (URISyntaxException e) {
            throw new ResolverConfigException(where + ".uri", "not a URI: " + e.getMessage());
        }
        if (!("http".equalsIgnoreCase(parsed.getScheme()) || "https".equalsIgnoreCase(parsed.getScheme()))
                || parsed.getHost() == null) {
            throw new ResolverConfigException(where + ".uri", "expected an absolute http(s) URI, got " + parsed);
        }
        JsonNode apikey = http.get("apikey");
        if (apikey != null && !apikey.isNull() && !apikey.isTextual()) {
            throw new ResolverConfigException(where + ".apikey", "expected a string or null");
        }
        return new Connection.Http(parsed, apikey == null || apikey.isNull() ? null : apikey.textValue());
    }

    private static int integer(JsonNode parent, String field, String at, boolean required, int min) {
        JsonNode node = parent.get(field);
        if (node == null) {
            if (required) {
                throw new ResolverConfigException(at, "required");
            }
            return 0;
        }
        if (!node.isNumber() || (!node.isIntegralNumber() && node.doubleValue() != Math.rint(node.doubleValue()))
                || !node.canConvertToInt()) {
            throw new ResolverConfigException(at, "expected an integer, got " + node);
        }
        int value = node.asInt();
        if (value < min) {
            throw new ResolverConfigException(at, "must be >= " + min + ", got " + value);
        }
        return value;
    }

    private static void onlyKeys(JsonNode node, String prefix, List<String> allowed) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!allowed.contains(key)) {
                throw new ResolverConfigException(prefix + key, "unknown key; expected one of " + allowed);
            }
        }
    }
}
