package dev.tributary.runtime.config;

import java.util.Optional;

/**
 * A key (or environment variable) the service does not know, with where it was set and the nearest known key.
 *
 * @param name       the full key as written ({@code collector.prot}), or the environment variable's name
 * @param source     where it was set: the file, {@code environment}, {@code overrides}
 * @param suggestion the nearest known key, if one is close enough to be a typo
 */
public record UnknownKey(String name, String source, Optional<String> suggestion) {

    /** {@code collector.prot (in app.conf): unknown key, did you mean collector.port?} */
    public String describe() {
        return name + " (in " + source + "): unknown key" + suggestion.map(s -> ", did you mean " + s + "?").orElse("");
    }
}
