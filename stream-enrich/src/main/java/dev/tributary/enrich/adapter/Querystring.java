package dev.tributary.enrich.adapter;

import dev.tributary.schemas.badrows.NameValue;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code a=1&b=2} (query strings and form bodies) into ordered name/value pairs. */
public final class Querystring {

    private Querystring() {
    }

    /**
     * @return the pairs in order; a bare {@code flag} has a null value
     * @throws IllegalArgumentException when percent-encoding is broken
     */
    public static List<NameValue> parse(String text, Charset charset) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<NameValue> pairs = new ArrayList<>();
        for (String part : text.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? null : part.substring(eq + 1);
            pairs.add(new NameValue(decode(name, charset), value == null ? null : decode(value, charset)));
        }
        return Collections.unmodifiableList(pairs);
    }

    /** The pairs as a map; on repeated names the last one wins, as in Snowplow. Bare flags map to "". */
    public static Map<String, String> toMap(List<NameValue> pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (NameValue pair : pairs) {
            map.put(pair.name(), pair.value() == null ? "" : pair.value());
        }
        return map;
    }

    private static String decode(String text, Charset charset) {
        return URLDecoder.decode(text, charset);
    }
}
