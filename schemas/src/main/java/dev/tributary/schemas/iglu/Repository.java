package dev.tributary.schemas.iglu;

import java.util.List;

/**
 * One source of Iglu schemas. Implementations never throw from {@link #lookup}: every failure is a
 * {@link RepositoryLookup} so the resolver can report what each repository said.
 */
public interface Repository {

    String name();

    /** Lower is asked first among repositories of the same class. */
    int priority();

    /** Vendor prefixes this repository is preferred for, e.g. {@code com.acme}. */
    List<String> vendorPrefixes();

    /** Embedded (local) repositories are asked before HTTP ones, as Snowplow's client does. */
    boolean isEmbedded();

    RepositoryLookup lookup(SchemaKey key);

    default boolean isPreferredFor(SchemaKey key) {
        return vendorPrefixes().stream().anyMatch(prefix -> key.vendor().startsWith(prefix));
    }
}
