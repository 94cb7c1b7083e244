package dev.tributary.enrich.enrichments.referer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The known referers, in the format of Snowplow's referer-parser database ({@code referers-latest.json}):
 * <pre>{"search": {"Google": {"domains": ["google.com", "www.google.co.uk"], "parameters": ["q"]}},
 *  "social": {"Facebook": {"domains": ["facebook.com"]}}, "email": {...}, "paid": {...}, "unknown": {...}}</pre>
 * A domain entry may carry a path ({@code "google.com/products"}), which is tried before the bare host.
 */
public final class RefererDatabase {

    /** What the database says about one domain. */
    public record Entry(String medium, String source, List<String> parameters) {
    }

    private final Map<String, Entry> byDomain;

    private RefererDatabase(Map<String, Entry> byDomain) {
        this.byDomain = Map.copyOf(byDomain);
    }

    /**
     * Reads the JSON database.
     *
     * @throws IllegalArgumentException describing where the file departs from the format
     */
    public static RefererDatabase parse(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object of mediums (search, social, email, ...)");
        }
        Map<String, Entry> entries = new HashMap<>();
        for (Map.Entry<String, JsonNode> medium : root.properties()) {
            if (!medium.getValue().isObject()) {
                throw new IllegalArgumentException("medium '" + medium.getKey() + "': expected an object of sources");
            }
            for (Map.Entry<String, JsonNode> source : medium.getValue().properties()) {
                String where = medium.getKey() + "." + source.getKey();
                JsonNode domains = source.getValue().path("domains");
                if (!domains.isArray()) {
                    throw new IllegalArgumentException(where + ".domains: expected an array of domains");
                }
                JsonNode params = source.getValue().path("parameters");
                List<String> parameters = params.isArray()
                        ? java.util.stream.StreamSupport.stream(params.spliterator(), false)
                                .map(JsonNode::asText).toList()
                        : List.of();
                Entry entry = new Entry(medium.getKey().toLowerCase(Locale.ROOT), source.getKey(), parameters);
                for (JsonNode domain : domains) {
                    entries.put(domain.asText(), entry);
                }
            }
        }
        return new RefererDatabase(entries);
    }

    public int size() {
        return byDomain.size();
    }

    /**
     * Finds the entry for a referer: {@code host + path}, then {@code host + "/" + first path segment}, then the
     * host, then the same again with the leftmost label of the host removed ({@code www.google.com} ->
     * {@code google.com}), as referer-parser does.
     */
    public Entry lookup(String host, String path) {
        String h = host.toLowerCase(Locale.ROOT);
        String p = path == null ? "" : path;
        while (true) {
            Entry entry = byDomain.get(h + p);
            if (entry == null) {
                String[] segments = p.split("/");
                if (segments.length > 1) {
                    entry = byDomain.get(h + "/" + segments[1]);
                }
            }
            if (entry == null) {
                entry = byDomain.get(h);
            }
            if (entry != null) {
                return entry;
            }
            int dot = h.indexOf('.');
            if (dot < 0) {
                return null;
            }
            h = h.substring(dot + 1);
        }
    }
}
