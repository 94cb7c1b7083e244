package dev.tributary.enrich.adapter;

import dev.tributary.enrich.json.BoundedJsonReader;
import dev.tributary.schemas.iglu.Resolver;
import java.util.Map;
import java.util.Optional;

/** Chooses the adapter for a request's {@code vendor/version}, as Snowplow's enrich does from the path. */
public final class AdapterRegistry {

    public static final String SNOWPLOW = "com.snowplowanalytics.snowplow";
    public static final String IGLU = "com.snowplowanalytics.iglu";

    private final Map<String, Adapter> adapters;

    public AdapterRegistry(Resolver resolver) {
        this(resolver, BoundedJsonReader.withDefaultDepth());
    }

    public AdapterRegistry(Resolver resolver, BoundedJsonReader json) {
        this.adapters = Map.of(
                SNOWPLOW + "/tp1", new Tp1Adapter(),
                SNOWPLOW + "/tp2", new Tp2Adapter(resolver, json),
                "r/tp2", new RedirectAdapter(),
                IGLU + "/v1", new IgluAdapter(json));
    }

    public Optional<Adapter> find(String vendor, String version) {
        return Optional.ofNullable(adapters.get(vendor + "/" + version));
    }

    /**
     * The adapter coordinates of a request path: {@code /i} and {@code /ice.png} are tp1, any other path must
     * have exactly two segments {@code /vendor/version} (a trailing slash is tolerated).
     */
    public static Optional<String[]> coordinates(String path) {
        if (path == null) {
            return Optional.empty();
        }
        if (path.equals("/i") || path.equals("/ice.png")) {
            return Optional.of(new String[] {SNOWPLOW, "tp1"});
        }
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        String[] parts = trimmed.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parts);
    }
}
