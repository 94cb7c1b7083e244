package dev.tributary.loader.key;

/**
 * The bad-row schema a BAD_ROWS line belongs to ({@code {vendor}/{name}/{format}/{model}} tokens); {@link #NONE} for
 * the other purposes, which write one object per batch.
 */
public record SchemaGroup(String vendor, String name, String format, int model) {

    public static final SchemaGroup NONE = new SchemaGroup("", "", "", 0);
}
