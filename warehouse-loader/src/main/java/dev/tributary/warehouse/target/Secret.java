package dev.tributary.warehouse.target;

import java.util.Objects;

/** A password or other credential: its value is only reachable through {@link #reveal()}, never through toString. */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The clear text, for the one place that needs it (the JDBC connection properties). */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "******";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
