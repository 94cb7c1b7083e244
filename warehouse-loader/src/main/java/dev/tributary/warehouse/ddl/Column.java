package dev.tributary.warehouse.ddl;

/** One warehouse column. */
public record Column(String name, SqlType type, boolean nullable) {

    public static Column nullable(String name, SqlType type) {
        return new Column(name, type, true);
    }

    public static Column notNull(String name, SqlType type) {
        return new Column(name, type, false);
    }
}
