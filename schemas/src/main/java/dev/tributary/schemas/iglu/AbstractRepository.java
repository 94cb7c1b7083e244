package dev.tributary.schemas.iglu;

import java.util.List;
import java.util.Objects;

/** What every repository has in common: how the resolver identifies and orders it. */
abstract class AbstractRepository implements Repository {

    private final String name;
    private final int priority;
    private final List<String> vendorPrefixes;

    AbstractRepository(String name, int priority, List<String> vendorPrefixes) {
        this.name = Objects.requireNonNull(name, "name");
        this.priority = priority;
        this.vendorPrefixes = List.copyOf(vendorPrefixes);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int priority() {
        return priority;
    }

    @Override
    public final List<String> vendorPrefixes() {
        return vendorPrefixes;
    }
}
