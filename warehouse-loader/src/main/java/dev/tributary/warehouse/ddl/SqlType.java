package dev.tributary.warehouse.ddl;

/**
 * A column type, independent of the warehouse; {@link SqlDialect#render(SqlType)} spells it. Lengths are in
 * characters as the Iglu schema gives them.
 */
public record SqlType(Kind kind, int length, int scale) {

    public enum Kind { VARCHAR, CHAR, SMALLINT, INTEGER, BIGINT, DOUBLE, DECIMAL, BOOLEAN, TIMESTAMP, DATE, JSON }

    public static SqlType varchar(int length) {
        return new SqlType(Kind.VARCHAR, length, 0);
    }

    public static SqlType fixedChar(int length) {
        return new SqlType(Kind.CHAR, length, 0);
    }

    public static SqlType decimal(int precision, int scale) {
        return new SqlType(Kind.DECIMAL, precision, scale);
    }

    public static SqlType of(Kind kind) {
        return new SqlType(kind, 0, 0);
    }
}
