package dev.tributary.schemas.badrows;

import java.util.Objects;

/** One querystring or body parameter; {@code value} is null for a bare {@code ?flag}. */
public record NameValue(String name, String value) {

    public NameValue {
        Objects.requireNonNull(name, "name");
    }
}
