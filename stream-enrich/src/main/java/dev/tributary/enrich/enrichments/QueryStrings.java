package dev.tributary.enrich.enrichments;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Querystring decoding shared by the enrichments that read URLs (campaign attribution, referer parser). */
public final class QueryStrings {

    /** One decoded querystring pair; {@code value} is empty for {@code ?flag}. */
    public record Pair(String name, String value) {
    }

    private QueryStrings() {
    }

    /**
     * Decodes {@code a=1&b=x%20y} (with {@code +} as space, UTF-8) into pairs, in order.
     *
     * @throws IllegalArgumentException for malformed percent-encoding
     */
    public static List<Pair> parse(String query) {
        List<Pair> pairs = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return pairs;
        }
        for (String part : query.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new Pair(decode(name), decode(value)));
        }
        return pairs;
    }

    /** The pairs as a map; a later duplicate name wins, as in Snowplow's {@code toMap}. */
    public static Map<String, String> toMap(List<Pair> pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Pair p : pairs) {
            map.put(p.name(), p.value());
        }
        return map;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
