package dev.tributary.warehouse.ddl;

import java.util.List;
import java.util.Optional;

/**
 * What a warehouse table should look like: name, columns in order, and which columns distribute and sort it
 * (Redshift uses both; PostgreSQL ignores them).
 */
public record TableDdl(String schema, String name, List<Column> columns, String distKey, String sortKey) {

    public TableDdl {
        columns = List.copyOf(columns);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
