package dev.tributary.enrich.mapping;

import java.util.Map;
import java.util.Optional;

/** Tracker event codes ({@code e}) and the fixed schema of each non-self-describing event type. */
public final class EventTypes {

    private static final Map<String, String> NAMES = Map.of(
            "pv", "page_view", "pp", "page_ping", "se", "struct", "ev", "struct", "ue", "unstruct",
            "tr", "transaction", "ti", "transaction_item", "ad", "ad_impression");

    /** vendor, name, format, version for the events whose schema does not travel with them. */
    private static final Map<String, String[]> FIXED = Map.of(
            "page_view", new String[] {"com.snowplowanalytics.snowplow", "page_view", "jsonschema", "1-0-0"},
            "page_ping", new String[] {"com.snowplowanalytics.snowplow", "page_ping", "jsonschema", "1-0-0"},
            "transaction", new String[] {"com.snowplowanalytics.snowplow", "transaction", "jsonschema", "1-0-0"},
            "transaction_item",
            new String[] {"com.snowplowanalytics.snowplow", "transaction_item", "jsonschema", "1-0-0"},
            "struct", new String[] {"com.google.analytics", "event", "jsonschema", "1-0-0"},
            "ad_impression", new String[] {"com.snowplowanalytics.snowplow", "ad_impression", "jsonschema", "1-0-0"});

    private EventTypes() {
    }

    public static Optional<String> name(String code) {
        return Optional.ofNullable(NAMES.get(code));
    }

    static Optional<String[]> fixedSchema(String eventName) {
        return Optional.ofNullable(FIXED.get(eventName));
    }
}
