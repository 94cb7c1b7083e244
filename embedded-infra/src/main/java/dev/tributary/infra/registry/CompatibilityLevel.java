package dev.tributary.infra.registry;

import java.util.Locale;

/** Confluent's compatibility levels: which direction a new schema is checked in, and against how many versions. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** The level of a registry, or subject, that nobody configured. */
    public static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** The new schema, as reader, must read data written with the older one. */
    public boolean backward() {
        return backward;
    }

    /** The older schema, as reader, must read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Checked against every registered version rather than only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** Parses a level name case-insensitively; throws {@link RegistryException} (42203) when unknown. */
    public static CompatibilityLevel parse(String name) {
        if (name != null) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // fall through to the registry's own error
            }
        }
        throw RegistryException.invalidCompatibilityLevel(name);
    }
}
