package dev.tributary.warehouse.target;

/** The storage target's {@code sslMode}, mapped onto pgjdbc's {@code sslmode} values. */
public enum SslMode {
    DISABLE("disable"),
    REQUIRE("require"),
    VERIFY_CA("verify-ca"),
    VERIFY_FULL("verify-full");

    private final String jdbcValue;

    SslMode(String jdbcValue) {
        this.jdbcValue = jdbcValue;
    }

    public String jdbcValue() {
        return jdbcValue;
    }
}
