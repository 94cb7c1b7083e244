package dev.tributary.schemas.shredding;

import java.util.Locale;

/**
 * How the rows of one shredded type are written: {@link #TSV} (the schema's properties flattened into columns)
 * or {@link #JSON} (one self-describing JSON line per entity, for schemas that cannot be flattened).
 */
public enum ShreddedFormat {
    TSV,
    JSON;

    /** The value in the {@code format=} path segment: {@code tsv} or {@code json}. */
    public String pathValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code TSV}/{@code JSON} in any case (path segments are lower case, shredding_complete upper). */
    public static ShreddedFormat parse(String text) {
        if (text != null) {
            for (ShreddedFormat f : values()) {
                if (f.name().equalsIgnoreCase(text.strip())) {
                    return f;
                }
            }
        }
        throw new IllegalArgumentException("unknown shredded format '" + text + "': expected TSV or JSON");
    }
}
