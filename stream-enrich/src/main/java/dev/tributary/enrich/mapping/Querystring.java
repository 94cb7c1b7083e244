package dev.tributary.enrich.mapping;

import dev.tributary.schemas.badrows.NameValue;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one querystring parser: {@code a=1&b=x%20y} (query strings of requests and of page/referer URLs, and
 * form bodies) into ordered name/value pairs, {@code +} decoding to a space.
 */
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

    /** {@link #parse(String, Charset)} in UTF-8, the encoding of page and referer URLs. */
    public static List<NameValue> parse(String text) {
        return parse(text, StandardCharsets.UTF_8);
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
