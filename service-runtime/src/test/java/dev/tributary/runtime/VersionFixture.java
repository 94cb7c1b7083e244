package dev.tributary.runtime;

/** A class with no dependencies, copied into a jar by {@link VersionTest}. */
public final class VersionFixture {
}
