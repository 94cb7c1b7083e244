package dev.tributary.warehouse.ddl;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to run so an existing table can take rows of the desired shape: create it when missing, otherwise add
 * the columns it lacks (a new schema ADDITION adds optional properties). Columns are never dropped or retyped,
 * so every earlier load stays valid.
 */
public final class TableMigration {

    private TableMigration() {
    }

    /**
     * @param existingColumns the table's current column names (any case), or null when the table does not exist
     */
    public static List<String> statements(SqlDialect dialect, TableDdl desired, Set<String> existingColumns) {
        if (existingColumns == null) {
            return List.of(dialect.createTable(desired));
        }
        Set<String> existing = existingColumns.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return desired.columns().stream()
                .filter(c -> !existing.contains(c.name().toLowerCase(Locale.ROOT)))
                .map(c -> dialect.addColumn(desired, c))
                .toList();
    }
}
