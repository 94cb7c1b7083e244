package dev.tributary.warehouse.load;

/**
 * A row the warehouse refused (too long for its column, wrong type, missing a required value). Names the
 * warehouse table and column so the schema or the data can be fixed.
 *
 * @see SqlErrors
 */
public final class RowDoesNotFitException extends LoadException {

    private final String table;
    private final String column;

    public RowDoesNotFitException(String table, String column, String where, String problem, Throwable cause) {
        super("row does not fit table " + table + " column " + column + (where.isEmpty() ? "" : " (" + where + ")")
                + ": " + problem, cause);
        this.table = table;
        this.column = column;
    }

    /** Schema-qualified table name, e.g. {@code atomic.events}. */
    public String table() {
        return table;
    }

    public String column() {
        return column;
    }
}
