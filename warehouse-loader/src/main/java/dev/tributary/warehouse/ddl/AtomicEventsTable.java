package dev.tributary.warehouse.ddl;

import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.shredding.AtomicColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code atomic.events}: the 128 {@link AtomicColumns} in order (the enriched fields that are not JSON), typed as in
 * Snowplow's {@code atomic-def.sql} (lengths from the atomic schema via {@link EnrichedField}; fixed-width
 * CHAR for ids, country, region and currency codes; DECIMAL(18,2) for money; NOT NULL for the four fields
 * every event has).
 */
public final class AtomicEventsTable {

    public static final String NAME = "events";

    private static final Set<EnrichedField> NOT_NULL = Set.of(EnrichedField.COLLECTOR_TSTAMP, EnrichedField.EVENT_ID,
            EnrichedField.V_COLLECTOR, EnrichedField.V_ETL);
    private static final Set<EnrichedField> FIXED_WIDTH = Set.of(EnrichedField.EVENT_ID, EnrichedField.GEO_COUNTRY,
            EnrichedField.GEO_REGION, EnrichedField.TR_CURRENCY, EnrichedField.TI_CURRENCY, EnrichedField.BASE_CURRENCY);
    private static final Set<EnrichedField> MONEY = Set.of(EnrichedField.TR_TOTAL, EnrichedField.TR_TAX,
            EnrichedField.TR_SHIPPING, EnrichedField.TI_PRICE, EnrichedField.TR_TOTAL_BASE, EnrichedField.TR_TAX_BASE,
            EnrichedField.TR_SHIPPING_BASE, EnrichedField.TI_PRICE_BASE);

    /** Number of columns, i.e. of fields in an atomic-events TSV line. */
    public static final int COLUMN_COUNT = AtomicColumns.COUNT;

    private AtomicEventsTable() {
    }

    public static TableDdl ddl(String schema) {
        return new TableDdl(schema, NAME, columns(), "event_id", "collector_tstamp");
    }

    public static List<Column> columns() {
        List<Column> columns = new ArrayList<>(COLUMN_COUNT);
        for (EnrichedField f : AtomicColumns.all()) {
            columns.add(new Column(f.fieldName(), type(f), !NOT_NULL.contains(f)));
        }
        return List.copyOf(columns);
    }

    private static SqlType type(EnrichedField f) {
        if (MONEY.contains(f)) {
            return SqlType.decimal(18, 2);
        }
        return switch (f.kind()) {
            case STRING -> FIXED_WIDTH.contains(f)
                    ? SqlType.fixedChar(f.maxLength().orElseThrow())
                    : SqlType.varchar(f.maxLength().orElse(4096));
            case INTEGER -> SqlType.of(SqlType.Kind.INTEGER);
            case DOUBLE -> SqlType.of(SqlType.Kind.DOUBLE);
            case BOOLEAN -> SqlType.of(SqlType.Kind.BOOLEAN);
            case TIMESTAMP -> SqlType.of(SqlType.Kind.TIMESTAMP);
            case JSON -> SqlType.of(SqlType.Kind.JSON);
        };
    }
}
