package dev.tributary.warehouse.ddl;

import java.util.ArrayList;
import java.util.List;

/**
 * Tables for self-describing entities (contexts, derived contexts, unstruct events): one per
 * vendor/name/model, named by {@code ShreddedType.tableName()} ({@code <vendor_snake>_<name_snake>_<model>}, as Snowplow), starting with
 * the nine hierarchy columns that tie each row to its event.
 */
public final class EntityTables {

    /** The hierarchy ("meta") columns every shredded row starts with, in file order. */
    public static final List<Column> META_COLUMNS = List.of(
            Column.notNull("schema_vendor", SqlType.varchar(128)),
            Column.notNull("schema_name", SqlType.varchar(128)),
            Column.notNull("schema_format", SqlType.varchar(128)),
            Column.notNull("schema_version", SqlType.varchar(128)),
            Column.notNull("root_id", SqlType.fixedChar(36)),
            Column.notNull("root_tstamp", SqlType.of(SqlType.Kind.TIMESTAMP)),
            Column.notNull("ref_root", SqlType.varchar(255)),
            Column.notNull("ref_tree", SqlType.varchar(1500)),
            Column.notNull("ref_parent", SqlType.varchar(255)));

    /** Column holding the whole entity for types the shredder could only write as JSON. */
    public static final Column JSON_DATA_COLUMN = Column.notNull("data", SqlType.of(SqlType.Kind.JSON));

    private EntityTables() {
    }

    /**
     * @param propertyColumns the flattened properties in the files' order (empty for JSON-format types, which get
     *                        a single {@link #JSON_DATA_COLUMN})
     */
    public static TableDdl ddl(String schema, String tableName, List<Column> propertyColumns) {
        List<Column> columns = new ArrayList<>(META_COLUMNS);
        columns.addAll(propertyColumns);
        return new TableDdl(schema, tableName, columns, "root_id", "root_tstamp");
    }
}
