package dev.tributary.schemas.shredding;

import java.util.Locale;
import java.util.Optional;

/** The JSON Schema (draft 4) primitive types. */
public enum JsonType {
    STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY, NULL;

    /** The keyword spelling, {@code "string"}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<JsonType> fromKeyword(String keyword) {
        for (JsonType t : values()) {
            if (t.keyword().equals(keyword)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
