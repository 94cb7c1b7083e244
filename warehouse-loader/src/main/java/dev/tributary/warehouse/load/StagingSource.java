package dev.tributary.warehouse.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * How a table's files get into its staging table, the one step that differs by warehouse: PostgreSQL is fed
 * the rows over the connection, Redshift fetches the objects from S3 itself.
 */
public interface StagingSource {

    /**
     * Fills {@code stagingTable} (columns as {@link TableLoad#fileColumns()}) with the rows of {@code load}'s files.
     *
     * @return the number of rows when the warehouse reports it, empty otherwise (the loader then counts)
     */
    OptionalLong fill(Connection connection, String stagingTable, TableLoad load) throws SQLException, LoadException;
}
