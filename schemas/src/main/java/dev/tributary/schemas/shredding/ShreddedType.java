package dev.tributary.schemas.shredding;

import dev.tributary.schemas.iglu.SchemaKey;

import java.util.Locale;
import java.util.Objects;

/**
 * One folder of a shredded run and one warehouse table: every entity whose schema has this vendor, name and
 * model, written in {@code format}. Versions within a model share a folder because a model only ever adds
 * optional properties (SchemaVer), so one table holds them all.
 */
public record ShreddedType(String vendor, String name, int model, ShreddedFormat format) {

    public ShreddedType {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        if (model < 1) {
            throw new IllegalArgumentException("model must be >= 1, got " + model);
        }
    }

    public static ShreddedType of(SchemaKey key, ShreddedFormat format) {
        return new ShreddedType(key.vendor(), key.name(), key.version().model(), format);
    }

    /** True when {@code key} belongs in this type's folder (same vendor, name and model). */
    public boolean covers(SchemaKey key) {
        return vendor.equals(key.vendor()) && name.equals(key.name()) && model == key.version().model();
    }

    /**
     * The warehouse table name Snowplow derives for this type (schema-ddl {@code getTableName}):
     * {@code com.acme/PascalCase} model 13 -> {@code com_acme_pascal_case_13}.
     */
    public String tableName() {
        String vendorPart = vendor.replace('.', '_').replace('-', '_').toLowerCase(Locale.ROOT);
        return vendorPart + "_" + SnakeCase.of(name) + "_" + model;
    }

    @Override
    public String toString() {
        return vendor + "/" + name + "/" + format.pathValue() + "/" + model;
    }
}
